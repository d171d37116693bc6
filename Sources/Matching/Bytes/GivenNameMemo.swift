import CHMAC
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

    /// Asks the CPU to load the slot of `field`, for a `find` a row later
    /// (the table is larger than the core's first-level cache).
    @inline(__always)
    func prefetch(_ field: UnsafeBufferPointer<UInt8>) {
        guard let source = field.baseAddress, field.count > 0, field.count <= Self.maxField else { return }
        robinson_prefetch(slots + Self.slot(source, field.count) * Self.slotSize)
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

    /// A multiplicative hash of the field's first and last eight bytes (all of
    /// a short field) and its length, folded to a slot number. Fields that share
    /// them only share a slot: a hit compares every byte.
    @inline(__always)
    private static func slot(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
        let raw = UnsafeRawPointer(bytes)
        let head: UInt64, tail: UInt64
        if count >= 8 {
            head = raw.loadUnaligned(as: UInt64.self)
            tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            head = UInt64(raw.loadUnaligned(as: UInt32.self))
            tail = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else {
            head = UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16
            tail = 0
        }
        let hash = (head &* 0x9E37_79B9_7F4A_7C15) ^ ((tail ^ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: (hash ^ (hash >> 32)) >> 7) & (slotCount - 1)
    }
}
