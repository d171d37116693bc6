/// A configuration file or environment variable that cannot be used: names the
/// file (with line and column) or the variable, the key and what is expected.
struct ConfigurationError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
