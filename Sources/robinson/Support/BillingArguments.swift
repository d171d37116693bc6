import ArgumentParser
import Billing

// Billing values as command-line arguments: a wrong one is a usage error
// (exit 64) that names the option and shows the expected form.

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension YearMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension Money: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}
