import Foundation

/// A mailbox: an optional display name and an address (`Versandhaus Nord
/// <dialog@versandhaus-nord.example>`). The address is checked when made, so
/// a header built from it can never carry a line break or a second address.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    public let name: String?
    public let address: String

    /// Nil when `address` is not a plain `local@domain` address (ASCII, no
    /// white space, no control characters, no comments or quoting).
    public init?(name: String? = nil, address: String) {
        guard Self.isValid(address) else { return nil }
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// Parses `Name <local@domain>` or a bare `local@domain`, as the
    /// configuration and the master data write them.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            self.init(name: name, address: String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
        } else {
            self.init(address: trimmed)
        }
    }

    /// The domain part, for Message-IDs.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// The header form: the name as an atom phrase, a quoted string, or
    /// RFC 2047 encoded words, then `<address>`.
    func rendered(budget: Int) -> [String] {
        guard let name else { return [address] }
        if name.unicodeScalars.allSatisfy({ HeaderText.isAtext($0) || $0 == " " }), !name.hasPrefix(" "), !name.hasSuffix(" ") {
            return [name, "<\(address)>"]
        }
        if name.unicodeScalars.allSatisfy(HeaderText.isPrintableASCII) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"\(quoted)\"", "<\(address)>"]
        }
        return HeaderText.encodedWords(name, firstBudget: budget) + ["<\(address)>"]
    }

    /// RFC 5322 dot-atom local part, a domain of letters, digits, hyphens and dots.
    static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, address.utf8.count <= 254 else { return false }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return false }
        let localOK = local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty && atom.unicodeScalars.allSatisfy(HeaderText.isAtext)
        }
        let domainOK = domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
        return localOK && domainOK
    }
}
