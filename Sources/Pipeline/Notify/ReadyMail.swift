import Foundation
import Formats
import Mail
import Matching
import Store

/// The German "your file is ready" e-mail (seed 004: the customer is told by
/// e-mail; the file can be downloaded for five days).
struct ReadyMail {
    let message: MailMessage

    init(runtime: Runtime, job: Job, customer: Customer, stats: MatchStats, workbook: Workbook.Conversion? = nil) throws {
        let outputName = (job.outputPath as NSString?)?.lastPathComponent ?? ""
        let expires = job.expiresAt.map(BerlinCalendar.germanDateTime) ?? "-"
        let location = runtime.settings.downloadLocation.isEmpty
            ? "Ihrem Download-Bereich, Ordner \(job.customerId)/\(job.id)"
            : "\(runtime.settings.downloadLocation)/\(job.customerId)/\(job.id)/"
        var listLines = ""
        for list in RobinsonList.allCases where stats.hits(list) > 0 {
            listLines += "  davon auf der Liste \(list.rawValue): \(BerlinCalendar.germanCount(stats.hits(list)))\n"
        }
        let body = """
        Guten Tag,

        Ihre Datei „\(job.inputName)“ wurde mit den Robinsonlisten (\(customer.bookedLists.joined(separator: ", "))) abgeglichen.

        Geprüfte Datensätze: \(BerlinCalendar.germanCount(stats.rows))
        Gelistet (robinson = ja): \(BerlinCalendar.germanCount(stats.ja))
        \(listLines)Nicht prüfbar (robinson = pruefen): \(BerlinCalendar.germanCount(stats.pruefen))

        Die Ergebnisdatei „\(outputName)“ liegt bis zum \(expires) in \(location) bereit.
        \(workbook.map(JobSummary.workbookNote) ?? "")Danach wird sie automatisch gelöscht. Datensätze mit robinson = ja dürfen
        nicht für Werbung über die genannten Listen verwendet werden.

        Mit freundlichen Grüßen
        Ihr Robinson-Abgleich

        Auftrag \(job.id)
        """
        let from = try runtime.settings.sender()
        // A recipient the master data holds but that is no valid address is left out: the message is reported, not sent.
        let to = customer.notifyEmail.flatMap { MailAddress(parsing: $0) }.map { [$0] } ?? []
        let key = OutgoingMail.jobKey(job.id)
        message = MailMessage(from: from, to: to, subject: "Robinson-Abgleich fertig: \(job.inputName)", date: runtime.now,
                              messageId: MailMessage.messageId(for: key, from: from), text: body)
    }
}
