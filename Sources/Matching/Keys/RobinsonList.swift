/// The Robinson lists a consumer can be registered on (seed 004, FACTS).
public enum RobinsonList: String, CaseIterable, Sendable, Codable {
    case post, telefon, mobil, fax, email

    /// The bit of this list in a `ListSet`.
    public var bit: UInt8 {
        switch self {
        case .post: 1
        case .telefon: 2
        case .mobil: 4
        case .fax: 8
        case .email: 16
        }
    }
}

/// A set of lists as stored in the index: one byte per fingerprint.
public struct ListSet: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ list: RobinsonList) { self.rawValue = list.bit }

    public static let all = ListSet(rawValue: 0b1_1111)
    public static let phoneLists: ListSet = [ListSet(.telefon), ListSet(.mobil), ListSet(.fax)]

    /// Parses `post,telefon` (commas or semicolons, case-insensitive).
    public init(names: String) throws(UnknownListError) {
        var set = ListSet()
        for raw in names.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let name = raw.trimmingCharactersInSpace().lowercased()
            if name.isEmpty { continue }
            guard let list = RobinsonList(rawValue: name) else { throw UnknownListError(name: name) }
            set.insert(ListSet(list))
        }
        self = set
    }

    public var lists: [RobinsonList] { RobinsonList.allCases.filter { contains(ListSet($0)) } }
    /// `post;telefon` as written into `robinson_listen`.
    public func joined(separator: String = ";") -> String { lists.map(\.rawValue).joined(separator: separator) }
}

public struct UnknownListError: Error, Sendable, CustomStringConvertible {
    public let name: String
    public var description: String {
        "unknown list '\(name)': use post, telefon, mobil, fax or email"
    }
}

extension Substring {
    func trimmingCharactersInSpace() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
