#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure writing an output file (disk full, permissions, missing folder).
///
/// Not caused by the customer: ops fix the machine and re-run; the stage that
/// failed left only a temporary file behind, never a half-written result.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `operation` (e.g. "write", "fsync", "rename") on `path` failed with `detail`.
    case io(path: String, operation: String, detail: String)
    /// A file that is never replaced (an issued document) exists with other content.
    case exists(path: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let detail):
            return "Could not write \(InputError.fileLabel(path)): \(operation) failed (\(detail)). "
                + "Check free disk space and the folder's permissions, then run again."
        case .exists(let path):
            return "\(path) exists already with other content and is never overwritten (issued documents are records). "
                + "Find out why it is there (a state database restored from an older backup?) before anything else; nothing was changed."
        }
    }

    /// Builds the error from the current `errno`.
    public static func fromErrno(_ path: String, _ operation: String) -> OutputError {
        .io(path: path, operation: operation, detail: SystemError.message(errno))
    }
}

/// Text for an `errno` value, for error messages.
enum SystemError {
    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text) + " (errno \(code))"
    }
}
