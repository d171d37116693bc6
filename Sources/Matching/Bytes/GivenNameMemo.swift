import Foundation

/// The folded given names and their Kölner code of recently keyed first-name
/// fields, found by the field's raw bytes. Surnames and streets are mostly
/// distinct in real files, but first names repeat: a few thousand cover nearly
/// every row, so one small direct-mapped table (it stays in the core's cache)
/// saves folding and encoding them again. Both are functions of the bytes
/// alone (one keyer reads one encoding), so a hit gives exactly what the
/// normalizers would; a slot is overwritten by the next field hashed to it.
///
/// One per keyer: not thread-safe.
struct GivenNameMemo {
    static let slotCount = 4096
    /// Longer fields, folded names or codes are not kept.
    static let maxField = 24
    static let maxFolded = 32
    static let maxCode = 32
    // A slot: field length, folded length, code length, then the three byte strings.
    private static let fieldOffset = 3
    private static let foldedOffset = fieldOffset + maxField
    private static let codeOffset = foldedOffset + maxFolded
    private static let slotSize = codeOffset + maxCode

    private let slots: UnsafeMutablePointer<UInt8>
    private(set) var hits = 0
    private(set) var misses = 0

    init() {
        slots = .allocate(capacity: Self.slotCount * Self.slotSize)
        // Field length 0 marks an empty slot; an empty field is never looked up.
        slots.initialize(repeating: 0, count: Self.slotCount * Self.slotSize)
    }

    /// Frees the table (the owner calls it once, in its `deinit`).
    func release() { slots.deallocate() }

    /// The folded given names and their code for `field`, if kept; valid until the next `store`.
    mutating func find(_ field: UnsafeBufferPointer<UInt8>) -> (folded: UnsafeBufferPointer<UInt8>, code: UnsafeBufferPointer<UInt8>)? {
        guard let source = field.baseAddress, field.count > 0, field.count <= Self.maxField else { return nil }
        let slot = slots + Self.slot(source, field.count) * Self.slotSize
        guard Int(slot[0]) == field.count, memcmp(slot + Self.fieldOffset, source, field.count) == 0 else {
            misses += 1
            return nil
        }
        hits += 1
        return (UnsafeBufferPointer(start: slot + Self.foldedOffset, count: Int(slot[1])),
                UnsafeBufferPointer(start: slot + Self.codeOffset, count: Int(slot[2])))
    }

    /// Keeps `folded` and `code` as the value of `field` (nothing when one is too long).
    func store(_ field: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>, code: UnsafeBufferPointer<UInt8>) {
        guard let source = field.baseAddress, field.count > 0, field.count <= Self.maxField,
            folded.count <= Self.maxFolded, code.count <= Self.maxCode
        else { return }
        let slot = slots + Self.slot(source, field.count) * Self.slotSize
        slot[0] = UInt8(field.count)
        slot[1] = UInt8(folded.count)
        slot[2] = UInt8(code.count)
        (slot + Self.fieldOffset).update(from: source, count: field.count)
        if let folded = folded.baseAddress { (slot + Self.foldedOffset).update(from: folded, count: Int(slot[1])) }
        if let code = code.baseAddress { (slot + Self.codeOffset).update(from: code, count: Int(slot[2])) }
    }

    /// FNV-1a over the bytes, folded to a slot number.
    @inline(__always)
    private static func slot(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<count { hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: (hash ^ (hash >> 29)) & UInt64(slotCount - 1))
    }
}
