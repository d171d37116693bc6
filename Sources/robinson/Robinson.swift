import ArgumentParser
import Foundation
import Logging

@main
struct Robinson: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robinson",
        abstract: "Checks customers' address files against the Robinson lists and hands back annotated copies.",
        discussion: """
        Files dropped into <root>/inbox/<customer-id>/ are claimed by `robinson run`, \
        checked against the current index of the Robinson lists, and written to \
        <root>/outbox/<customer-id>/<job>/ with the columns robinson, robinson_listen \
        and robinson_grund. Outputs are deleted by `robinson purge` after the hold period.

        Typical setup:
          robinson --root /srv/robinson init
          robinson --root /srv/robinson customers import customers.csv
          robinson --root /srv/robinson index build robinson-delivery.csv.zst
          robinson --root /srv/robinson run        # from cron every 5 minutes
          robinson --root /srv/robinson purge      # from cron hourly

        Errors are one line on stderr starting `robinson:`.

        \(ExitStatus.helpText)
        """,
        version: RobinsonVersion.text,
        subcommands: [
            InitCommand.self, IndexCommand.self, MatchCommand.self, RunCommand.self,
            PurgeCommand.self, StatusCommand.self, CustomersCommand.self, PlansCommand.self, MandatesCommand.self,
            BillCommand.self, InvoiceCommand.self, CollectCommand.self, DunningCommand.self, ReturnsCommand.self, PaymentsCommand.self, OpenItemsCommand.self, ExportCommand.self, ReportCommand.self,
            MailCommand.self, AuditCommand.self, CheckCommand.self, ConfigCommand.self, EvalCommand.self, GenCommand.self,
        ]
    )

    /// Global options may stand before the subcommand (`robinson --root /srv/robinson run`);
    /// each subcommand declares them, so they are moved behind it before parsing.
    static func main() async {
        // A sendmail that exits early must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // Diagnostics go to stderr; stdout carries only what a command reports.
        LoggingSystem.bootstrap { BerlinLogHandler(label: $0) }
        await run(arguments: GlobalOptions.movingLeadingOptionsToEnd(Array(CommandLine.arguments.dropFirst())))
    }
}
