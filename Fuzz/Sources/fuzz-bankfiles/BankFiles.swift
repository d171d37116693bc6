import Billing
import FuzzSupport

/// The input is a file from the bank: camt.053, camt.054, pain.002 (XML,
/// UTF-8 or UTF-16) or the returns CSV, read as `robinson payments import`
/// does (without schema validation, so that the readers see everything).
@main enum Target {
    static func main() { runFuzzer { data, size in fuzzBankFiles(data, size) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBankFiles(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data!, count: size))
    let path = Scratch.write(bytes, name: "bank.xml")
    if let report = try? BankFile.read(path: path) {
        _ = report.entries.count
    }
    return 0
}
