import ArgumentParser
import Matching

// Matching values as command-line arguments: a wrong one is a usage error (exit 64).

extension ListSet: ExpressibleByArgument {
    /// `post,telefon`: at least one list, each one of post, telefon, mobil, fax, email.
    public init?(argument: String) {
        guard let set = try? ListSet(names: argument), !set.isEmpty else { return nil }
        self = set
    }

    public var defaultValueDescription: String { joined(separator: ",") }
}
