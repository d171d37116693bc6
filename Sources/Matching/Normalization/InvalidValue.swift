/// Why a value could not be normalized; `reason` is a short English phrase for the job summary.
///
/// The reason `"empty"` is special: callers treat it as "value absent", not as a defect.
public struct InvalidValue: Error, Sendable, Equatable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    /// The value was empty or whitespace only.
    public static let empty = InvalidValue("empty")
}
