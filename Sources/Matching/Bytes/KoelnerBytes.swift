/// `KoelnerPhonetik.encode` for a folded name (`a-z` only, as `PersonName` holds it).
enum KoelnerBytes {
    /// The code of each letter `a`…`z` that needs no context, four bits each
    /// (`a` in the lowest); 0xF for `c`, `h`, `x`, which need it (`p`, `d`, `t`
    /// change only before certain letters). A constant, not a table: no memory
    /// access and no jump table per letter.
    private static let codesAToP: UInt64 = 0x1066_5400_F430_2F10
    private static let codesQToZ: UInt64 = 0x80_F330_2874

    /// The nibble of letter `a` + `offset` (below 26). The constant is chosen by
    /// a mask, not a branch: whether a letter lies in a…p or q…z follows no
    /// pattern a predictor could learn, and the branch missed on a third of the letters.
    @inline(__always)
    private static func nibble(_ offset: UInt8) -> UInt8 {
        let upper = 0 &- UInt64(offset >> 4)
        let codes = (codesAToP & ~upper) | (codesQToZ & upper)
        return UInt8(truncatingIfNeeded: codes >> (4 * UInt64(offset & 15))) & 0xF
    }

    /// Appends the code of `name[range]` to `out` (at most two digits per letter).
    static func encode(_ name: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout ScratchBuffer<UInt8>) {
        out.append(upTo: 2 * range.count) { digits in
            var code = Code(digits)
            var previous: UInt8 = 0
            var index = range.lowerBound
            let end = range.upperBound
            while index < end {
                let letter = name[index]
                index += 1
                let offset = letter &- 0x61
                guard offset < 26 else { continue }
                let next: UInt8 = index < end ? name[index] : 0
                var value = nibble(offset)
                if value == 0xF {
                    switch letter {
                    case 0x68:  // h: no code, but breaks a repeat
                        code.last = 0xFE
                        previous = letter
                        continue
                    case 0x78:  // x
                        if !(previous == 0x63 || previous == 0x6B || previous == 0x71) { code.put(4) }
                        value = 8
                    default:  // c
                        if code.count == 0 {
                            let hard = switch next { case 0x61, 0x68, 0x6B, 0x6C, 0x6F, 0x71, 0x72, 0x75, 0x78: true; default: false }
                            value = hard ? 4 : 8
                        } else {
                            let hard = switch next { case 0x61, 0x68, 0x6B, 0x6F, 0x71, 0x75, 0x78: true; default: false }
                            value = hard && previous != 0x73 && previous != 0x7A ? 4 : 8
                        }
                    }
                } else if letter == 0x70 {  // p, ph
                    if next == 0x68 { value = 3 }
                } else if letter == 0x64 || letter == 0x74 {  // d t before c s z
                    if next == 0x63 || next == 0x73 || next == 0x7A { value = 8 }
                }
                code.put(value)
                previous = letter
            }
            return code.count
        }
    }

    /// Collapses repeats and drops inner zeros as `KoelnerPhonetik.Code` does,
    /// writing the digits from `digits` on.
    private struct Code {
        let digits: UnsafeMutablePointer<UInt8>
        var count = 0
        /// The code written last; 0xFF: none yet; 0xFE: an H.
        var last: UInt8 = 0xFF

        init(_ digits: UnsafeMutablePointer<UInt8>) { self.digits = digits }

        /// Branch-free: the digit is always stored, and kept when it is not a
        /// repeat and not an inner zero (which neither is predictable).
        @inline(__always)
        mutating func put(_ value: UInt8) {
            digits[count] = 0x30 &+ value
            count &+= (value != last) && (value != 0 || count == 0) ? 1 : 0
            last = value
        }
    }
}
