import Foundation

/// Text of an error for people: Foundation's file errors (`NSCocoaErrorDomain
/// Code=513 …`) become "permission denied writing /path"; our own typed errors
/// keep their description.
public enum ReadableError {
    public static func text(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError {
            let path = cocoa.filePath ?? cocoa.url?.path ?? (cocoa.userInfo[NSFilePathErrorKey] as? String)
            let what = path.map { " " + $0 } ?? ""
            if let posix = (cocoa.userInfo[NSUnderlyingErrorKey] as? NSError), posix.domain == NSPOSIXErrorDomain {
                return "\(verb(cocoa.code))\(what): \(String(cString: strerror(Int32(posix.code))))"
            }
            return "\(verb(cocoa.code))\(what): \(reason(cocoa.code))"
        }
        if let posix = error as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        return "\(error)"
    }

    private static func verb(_ code: CocoaError.Code) -> String {
        switch code {
        case .fileReadNoSuchFile, .fileReadNoPermission, .fileReadCorruptFile, .fileReadUnknown, .fileReadTooLarge,
             .fileReadInapplicableStringEncoding, .fileNoSuchFile:
            "cannot read"
        case .fileLocking: "cannot lock"
        default: "cannot write"
        }
    }

    private static func reason(_ code: CocoaError.Code) -> String {
        switch code {
        case .fileReadNoSuchFile, .fileNoSuchFile: "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        case .fileWriteOutOfSpace: "no space left on the device"
        case .fileWriteVolumeReadOnly: "read-only file system"
        case .fileWriteFileExists: "the file exists already"
        case .fileLocking: "the file is locked"
        default: "error \(code.rawValue)"
        }
    }
}
