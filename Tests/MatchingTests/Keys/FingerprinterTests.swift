import Foundation
import Matching
import Testing
import TestSupport

@Suite("HMAC-SHA256 and fingerprints")
struct FingerprinterTests {
    static func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var chars = Array(s)
        while chars.count >= 2 {
            out.append(UInt8(String(chars[0..<2]), radix: 16)!)
            chars.removeFirst(2)
        }
        return out
    }

    // RFC 4231 test cases 1, 2, 4 and 6 (key longer than the block).
    static let vectors: [(key: [UInt8], data: [UInt8], mac: String)] = [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), [UInt8](repeating: 0xcd, count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ]

    @Test("RFC 4231 vectors", arguments: 0..<4)
    func rfc4231(_ i: Int) {
        let vector = Self.vectors[i]
        let fingerprinter = Fingerprinter(key: HashingKey(bytes: vector.key))
        #expect(fingerprinter.hmac(vector.data) == Self.hex(vector.mac))
    }

    /// The reference vectors of the SipHash paper (Aumasson, Bernstein 2012, appendix A):
    /// key 00 01 … 0f, messages 00, 00 01, … of length 0 to 15.
    @Test func sipHashReferenceVectors() {
        let key: (UInt64, UInt64) = (0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908)
        #expect(Fingerprinter.sipHash24(key: key, []) == 0x726f_db47_dd0e_0e31)
        #expect(Fingerprinter.sipHash24(key: key, [0]) == 0x74f8_39c5_93dc_67fd)
        #expect(Fingerprinter.sipHash24(key: key, Array(0..<8)) == 0x93f5_f579_9a93_2462)
        #expect(Fingerprinter.sipHash24(key: key, Array(0..<15)) == 0xa129_ca61_49be_45e5)
    }

    /// Fingerprints are SipHash-2-4 by default, under a key derived from the
    /// hashing key: other values than the HMAC's, the same key id.
    @Test func defaultIsSipHashUnderTheSameKeyId() {
        let key = HashingKey(bytes: [UInt8](repeating: 7, count: 32))
        let sip = Fingerprinter(key: key), hmac = Fingerprinter(key: key, function: .hmacSHA256)
        #expect(sip.function == .sipHash24)
        #expect(sip.keyId == hmac.keyId)
        #expect(sip.fingerprint(.phone, "+49301234567") != hmac.fingerprint(.phone, "+49301234567"))
        let other = Fingerprinter(key: HashingKey(bytes: [UInt8](repeating: 8, count: 32)))
        #expect(sip.fingerprint(.phone, "+49301234567") != other.fingerprint(.phone, "+49301234567"))
    }

    @Test func fingerprintIsFirstEightBytesOfHMAC() {
        let key = HashingKey(bytes: [UInt8](repeating: 7, count: 32))
        let f = Fingerprinter(key: key, function: .hmacSHA256)
        let mac = f.hmac(Array("phone\u{1F}+49301234567".utf8))
        let expected = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(f.fingerprint(.phone, "+49301234567") == expected)
    }

    @Test func partsAreSeparatedAndKindsDiffer() {
        let f = Fingerprinter(key: HashingKey(bytes: [UInt8](repeating: 1, count: 32)))
        #expect(f.fingerprint(.person, "ab", "c", "", "") != f.fingerprint(.person, "a", "bc", "", ""))
        // The stack-built key string equals the array-built one.
        #expect(f.fingerprint(.person, "mueller", "hans", "hauptstr", "5a", "10115")
                == f.fingerprint(.person, parts: ["mueller", "hans", "hauptstr", "5a", "10115"]))
        #expect(f.fingerprint(.household, "mueller", "hauptstr", "5a", "10115")
                == f.fingerprint(.household, parts: ["mueller", "hauptstr", "5a", "10115"]))
        #expect(f.fingerprint(.person, "x") != f.fingerprint(.household, "x"))
    }

    @Test func keyIdDependsOnKeyOnly() {
        let a = Fingerprinter(key: HashingKey(bytes: [UInt8](repeating: 1, count: 32)))
        let b = Fingerprinter(key: HashingKey(bytes: [UInt8](repeating: 1, count: 32)))
        let c = Fingerprinter(key: HashingKey(bytes: [UInt8](repeating: 2, count: 32)))
        #expect(a.keyId == b.keyId)
        #expect(a.keyId != c.keyId)
        #expect(a.keyId.count == 16)
    }
}

@Suite("Hashing key file")
struct HashingKeyTests {
    @Test func createNeverOverwritesAndIsPrivate() throws {
        let dir = try TemporaryFolders.make("key")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/hashing.key"
        #expect(try HashingKey.createIfAbsent(path: path))
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(first.count == 32)
        #expect(try HashingKey.createIfAbsent(path: path) == false)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o600)
    }

    @Test func refusesReadableByOthersAndWrongLength() throws {
        let dir = try TemporaryFolders.make("key")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/hashing.key"
        _ = FileManager.default.createFile(atPath: path, contents: Data(count: 32), attributes: [.posixPermissions: 0o644])
        #expect(throws: HashingKeyError.permissions(path: path, mode: 0o644)) { try HashingKey.load(path: path) }
        chmod(path, 0o600)
        _ = try HashingKey.load(path: path)
        _ = FileManager.default.createFile(atPath: path, contents: Data(count: 16), attributes: [.posixPermissions: 0o600])
        #expect(throws: HashingKeyError.wrongLength(path: path, length: 16)) { try HashingKey.load(path: path) }
        #expect(throws: HashingKeyError.missing(path: dir + "/nope")) { try HashingKey.load(path: dir + "/nope") }
    }

    @Test func errorNeverContainsKeyBytes() throws {
        let error = HashingKeyError.permissions(path: "/x/hashing.key", mode: 0o644)
        #expect(error.description.contains("chmod 600 /x/hashing.key"))
    }

    /// Parts hashed where they lie give the fingerprint of the key string built from
    /// them, short keys (built on the stack) and long ones (a field of hundreds of bytes) alike.
    @Test func keyPartsHashedInPlaceEqualTheBuiltKeyString() {
        let fingerprinter = Fingerprinter(key: HashingKey(bytes: [UInt8](repeating: 3, count: 32)))
        var generator = SystemRandomNumberGenerator()
        for round in 0..<2_000 {
            let kind = KeyKind.allCases.randomElement(using: &generator)!
            let prefix = Array(kind.name.utf8)
            let maxPart = round % 2 == 0 ? 40 : 400
            let parts = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                (0..<Int.random(in: 0...maxPart, using: &generator)).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
            }
            let base = parts.flatMap { $0 }
            var bounds: [Int] = []
            var offset = 0
            for part in parts {
                bounds += [offset, offset + part.count]
                offset += part.count
            }
            let message = prefix + parts.flatMap { [0x1F] + $0 }
            let expected = message.withUnsafeBufferPointer { fingerprinter.fingerprint(message: $0) }
            // The function reads up to 32 bytes past the prefix and the last part.
            let padding = [UInt8](repeating: 0xAA, count: 32)
            let inPlace = (prefix + padding).withUnsafeBufferPointer { padded in
                (base + padding).withUnsafeBufferPointer { base -> UInt64? in
                    let prefix = UnsafeBufferPointer(rebasing: padded[0..<prefix.count])
                    return bounds.withUnsafeBufferPointer {
                        fingerprinter.fingerprint(kind, prefix: prefix, parts: base.baseAddress!, bounds: $0.baseAddress!, count: parts.count)
                    }
                }
            }
            #expect(inPlace == expected, "\(message.count) bytes")
        }
    }

    /// Three keys hashed together give each key's own fingerprint, whether all
    /// are short or one is longer than the stack buffers (then hashed one by one).
    @Test func threeKeysHashedTogetherEqualEachBuiltKeyString() {
        let fingerprinter = Fingerprinter(key: HashingKey(bytes: [UInt8](repeating: 5, count: 32)))
        var generator = SystemRandomNumberGenerator()
        for round in 0..<2_000 {
            var base: [UInt8] = []
            var bounds = [Int](repeating: 0, count: 30)
            var kinds: [KeyKind] = [], counts: [Int] = [], expected: [UInt64] = []
            for key in 0..<3 {
                let kind = KeyKind.allCases.randomElement(using: &generator)!
                // Every fifth round one key is longer than 256 bytes.
                let maxPart = round % 5 == 0 && key == round % 3 ? 300 : 40
                let parts = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...maxPart, using: &generator)).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                }
                for (i, part) in parts.enumerated() {
                    bounds[10 * key + 2 * i] = base.count
                    base += part
                    bounds[10 * key + 2 * i + 1] = base.count
                }
                let message = Array(kind.name.utf8) + parts.flatMap { [0x1F] + $0 }
                expected.append(message.withUnsafeBufferPointer { fingerprinter.fingerprint(message: $0) })
                kinds.append(kind)
                counts.append(parts.count)
            }
            // The function reads up to 32 bytes past each prefix and part.
            let padding = [UInt8](repeating: 0xAA, count: 32)
            let prefixes = kinds.map { Array($0.name.utf8) + padding }
            let together = (base + padding).withUnsafeBufferPointer { base in
                prefixes[0].withUnsafeBufferPointer { a in
                    prefixes[1].withUnsafeBufferPointer { b in
                        prefixes[2].withUnsafeBufferPointer { c in
                            bounds.withUnsafeBufferPointer { bounds in
                                fingerprinter.fingerprints(
                                    (kinds[0], kinds[1], kinds[2]),
                                    prefixes: (
                                        UnsafeBufferPointer(rebasing: a[0..<(a.count - 32)]), UnsafeBufferPointer(rebasing: b[0..<(b.count - 32)]),
                                        UnsafeBufferPointer(rebasing: c[0..<(c.count - 32)])),
                                    parts: base.baseAddress!, bounds: bounds.baseAddress!, counts: (counts[0], counts[1], counts[2]))
                            }
                        }
                    }
                }
            }
            #expect(together.map { [$0.0, $0.1, $0.2] } == expected, "round \(round)")
        }
    }
}
