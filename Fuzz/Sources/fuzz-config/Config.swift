import Dispatch
import FuzzSupport

/// The input is the YAML configuration file, checked key by key
/// (``ConfigurationSources``, what `robinson check` runs) and, when it has no
/// problem, loaded into the settings as every command does (``SettingsLoader``).
/// The CLI's Settings folder is compiled in through the symlink `Settings`.
@main enum Target {
    static func main() { runFuzzer { data, size in fuzzConfig(data, size) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data!, count: size))
    let path = Scratch.write(bytes, name: "config.yaml")
    let sources = ConfigurationSources(file: path, environment: [:])
    for problem in sources.problems { _ = problem.count }
    guard sources.problems.isEmpty else { return 0 }
    let done = DispatchSemaphore(value: 0)
    Task {
        _ = try? await SettingsLoader.load(file: path, environment: [:])
        done.signal()
    }
    done.wait()
    return 0
}
