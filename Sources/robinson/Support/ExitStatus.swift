import ArgumentParser
import Billing
import Formats
import Foundation
import Mail
import Matching
import Pipeline

/// How a command ends, as sysexits(3) numbers them; `robinson --help` lists them.
enum ExitStatus: Int32, CaseIterable, Sendable {
    case ok = 0
    case failure = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case cannotCreate = 73
    case temporary = 75
    case configuration = 78

    var meaning: String {
        switch self {
        case .ok: "success (also: nothing to do, or another run is already working)"
        case .failure: "some input was rejected or failed; the reason is on stderr"
        case .usage: "wrong usage: unknown command or option, bad option value"
        case .dataError: "bad input data (a file, a line, a field)"
        case .noInput: "an input file or record is missing"
        case .unavailable: "a service is unavailable (sendmail; Java, Saxon or the rules for invoice validate)"
        case .cannotCreate: "cannot create output (disk full, permissions, an issued file in the way)"
        case .temporary: "temporary: locked by another process; retry later"
        case .configuration: "configuration or installation (configuration file, root, key, index)"
        }
    }

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The list for `robinson --help`.
    static var helpText: String {
        "Exit codes:\n" + allCases.map { "  \(String($0.rawValue).padding(toLength: 4, withPad: " ", startingAt: 0))\($0.meaning)" }
            .joined(separator: "\n")
    }

    /// The status an error ends a command with.
    init(for error: any Error) {
        switch error {
        case let failure as CommandFailure: self = failure.status
        case let exit as ExitCode: self = ExitStatus(rawValue: exit.rawValue) ?? .failure
        case is ValidationError: self = .usage
        case is ConfigurationError, is BillingSetupError, is DatevExportError, is HashingKeyError, is OutdatedDatabaseError: self = .configuration
        case let runtime as RuntimeError:
            switch runtime {
            case .busy: self = .temporary
            case .notInitialized, .lostDatabase: self = .configuration
            }
        case let index as IndexError:
            switch index {
            case .noIndex: self = .noInput
            case .emptyDelivery, .shrinkingDelivery: self = .dataError
            case .io: self = .cannotCreate
            case .badPointer, .notAnIndex, .unsupportedVersion, .truncated, .corrupt, .wrongKey: self = .configuration
            }
        case let input as InputError:
            if case .io = input { self = .noInput } else { self = .dataError }
        case let bank as BankFileError:
            if case .unreadable = bank { self = .noInput } else { self = .dataError }
        case is ConformanceUnavailable: self = .unavailable
        case let schematron as SchematronError:
            if case .unreadable = schematron { self = .noInput } else { self = .unavailable }
        case let delivery as DeliveryError:
            if case .input(let input) = delivery { self = ExitStatus(for: input) } else { self = .dataError }
        case is InputRejection, is MasterDataError, is UnknownListError: self = .dataError
        case let mail as MailQueueError:
            switch mail {
            case .unknownKey: self = .noInput
            case .wrongState: self = .dataError
            case .database: self = .cannotCreate
            }
        case is OutputError, is InvoiceFileError: self = .cannotCreate
        case let billing as BillingRunError:
            switch billing {
            case .locked: self = .temporary
            case .notFound: self = .noInput
            case .tooEarly, .notCancellable, .emptyReason: self = .failure
            }
        case let cocoa as CocoaError:
            switch cocoa.code {
            case .fileReadNoSuchFile, .fileNoSuchFile, .fileReadNoPermission: self = .noInput
            case .fileLocking: self = .temporary
            case .fileWriteNoPermission, .fileWriteOutOfSpace, .fileWriteVolumeReadOnly, .fileWriteUnknown, .fileWriteFileExists:
                self = .cannotCreate
            default: self = .failure
            }
        default: self = .failure
        }
    }
}

/// Ends a command with one `robinson:` line on stderr and the given exit status.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let status: ExitStatus
    init(_ message: String, status: ExitStatus = .failure) {
        self.message = message
        self.status = status
    }
    var description: String { message }
}
