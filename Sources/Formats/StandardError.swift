#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Diagnostics to file descriptor 2. A diagnostic that cannot be written —
/// stderr on a full disk (`2>/dev/full`), a closed pipe, a closed descriptor —
/// is dropped: writing about a problem must never become a crash of its own.
public enum StandardError {
    /// Writes `text` as it is (the caller escapes what came from outside).
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = posixWrite(2, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
