import ArgumentParser
import Billing

/// `--no-mail` of the commands that issue documents (`bill`, `invoice cancel`, `dunning`).
struct NoMailOption: ParsableArguments {
    @Flag(help: "Do not e-mail the documents (nor copy them to the print folder); they are only files under billing/. Also billing.mailDocuments: false.")
    var noMail = false

    func apply(_ context: BillingContext) -> BillingContext {
        noMail ? context.withoutMail() : context
    }
}

/// What became of the documents a command wrote, for the terminal.
enum DeliveryWords {
    static func print(_ report: DeliveryReport, documents: String, root: String) {
        if !report.mailed.isEmpty {
            let how = report.handedOver ? "handed to sendmail" : "no sendmail configured: the messages wait in mail/outgoing/"
            Swift.print("e-mailed: \(report.mailed.count) \(documents) to the customers' invoice addresses (\(how))")
        }
        if let folder = report.printFolder, !report.printed.isEmpty {
            let relative = folder.hasPrefix(root) ? "billing" + folder.dropFirst(root.count) : folder
            Swift.print("to print and post: \(report.printed.count) \(documents) in \(relative)/ (customer without invoice e-mail: \(report.printed.joined(separator: ", ")))")
        }
        for problem in report.problems { printError(problem + "; `robinson mail list` shows it") }
    }
}
