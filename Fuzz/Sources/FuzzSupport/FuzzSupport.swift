import CLibFuzzer
import Formats
#if canImport(Glibc)
import Glibc
#endif

/// Bytes in memory as a ``ByteSource`` handing out at most `piece` bytes per
/// read, so that readers meet every block boundary.
public final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let piece: Int
    private var position = 0

    public init(_ bytes: [UInt8], piece: Int = .max) {
        self.bytes = bytes
        self.piece = max(1, piece)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, piece, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }
}

/// A folder of this process in /dev/shm (memory) for readers that take a path.
public enum Scratch {
    public static let folder: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        let path = "\(base)/robinson-fuzz-\(getpid())"
        mkdir(path, 0o700)
        return path
    }()

    /// Writes `bytes` to `name` in the folder (replacing it) and returns its path.
    public static func write(_ bytes: some Collection<UInt8>, name: String) -> String {
        let path = folder + "/" + name
        let file = fopen(path, "wb")!
        let array = Array(bytes)
        if !array.isEmpty { _ = array.withUnsafeBytes { fwrite($0.baseAddress!, 1, $0.count, file) } }
        fclose(file)
        return path
    }

    /// Removes `path` and everything below it.
    public static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if let dir = opendir(path) {
                while let entry = readdir(dir) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                    if name != "." && name != ".." { remove(path + "/" + name) }
                }
                closedir(dir)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

/// A broken property (not a crash of its own): printed, then abort() so that
/// libFuzzer saves the input as a crash.
public func finding(_ message: String) -> Never {
    let line = Array("FINDING: \(message)\n".utf8)
    _ = line.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    abort()
}

/// Runs libFuzzer with the process's arguments and `callback` (the target's
/// `LLVMFuzzerTestOneInput`); returns libFuzzer's exit status.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}
