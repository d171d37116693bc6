import Foundation
import TestSupport
import Testing

/// Parses messages with Python's `email` package (strict RFC 5322/MIME
/// policy) and returns what a mail client would see: decoded headers, the
/// text, the attachments' names and bytes (base64), and the parser's defects.
/// One Python process for all messages of a test.
enum PythonEmail {
    struct Parsed: Decodable {
        var headers: [String: [String]]
        var defects: [String]
        var text: String?
        var attachments: [Attachment]
        var maxLineLength: Int
        var nonASCII: Bool
    }

    struct Attachment: Decodable {
        var filename: String?
        var contentType: String
        var base64: String
        var content: [UInt8] { Array(Data(base64Encoded: base64) ?? Data()) }
    }

    static let script = #"""
import sys, json, base64, email
from email import policy
out = []
for path in sys.argv[1:]:
    raw = open(path, 'rb').read()
    msg = email.message_from_bytes(raw, policy=policy.default)
    defects = [type(d).__name__ for d in msg.defects]
    headers = {}
    for k, v in msg.items():
        headers.setdefault(k, []).append(str(v))
    text = None
    attachments = []
    for part in msg.walk():
        defects += [type(d).__name__ for d in part.defects]
        if part.is_multipart():
            continue
        if part.get_content_disposition() == 'attachment':
            attachments.append({'filename': part.get_filename(), 'contentType': part.get_content_type(),
                                'base64': base64.b64encode(part.get_payload(decode=True)).decode()})
        elif part.get_content_type() == 'text/plain' and text is None:
            text = part.get_content()
    lines = raw.split(b'\n')
    out.append({'headers': headers, 'defects': defects, 'text': text, 'attachments': attachments,
                'maxLineLength': max(len(l) for l in lines), 'nonASCII': any(b > 127 for b in raw)})
print(json.dumps(out))
"""#

    static func parse(_ messages: [[UInt8]]) throws -> [Parsed] {
        let folder = try TemporaryFolders.make("mail")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var paths: [String] = []
        for (index, message) in messages.enumerated() {
            let path = "\(folder)/\(index).eml"
            try Data(message).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + paths
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3: \(errors)")
        return try JSONDecoder().decode([Parsed].self, from: data)
    }
}
