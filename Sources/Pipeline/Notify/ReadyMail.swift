import Foundation
import Formats
import Matching
import Store

/// The German "your file is ready" e-mail (seed 004: the customer is told by
/// e-mail; the file can be downloaded for five days).
struct ReadyMail {
    let path: String
    let rendered: String

    init(runtime: Runtime, job: Job, customer: Customer, stats: MatchStats, workbook: Workbook.Conversion? = nil) throws {
        path = MailPaths(root: runtime.root, jobId: job.id).outgoing
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
        var headers = [
            "From: \(runtime.settings.mailFrom)",
            "Subject: \(Self.encodeHeader("Robinson-Abgleich fertig: \(job.inputName)"))",
            "Date: \(Self.rfc2822(runtime.now))",
            "Message-ID: <\(job.id)@robinson>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        if let to = customer.notifyEmail, !to.isEmpty { headers.insert("To: \(to)", at: 1) }
        rendered = headers.joined(separator: "\n") + "\n\n" + body + "\n"
    }

    /// RFC 2047 encoded-word for non-ASCII header text.
    static func encodeHeader(_ text: String) -> String {
        if text.allSatisfy(\.isASCII) { return text }
        return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func rfc2822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = BerlinCalendar.timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
