/// `KoelnerPhonetik.encode` for a folded name (`a-z` only, as `PersonName` holds it).
enum KoelnerBytes {
    /// Appends the code of `name[range]` to `out`.
    static func encode(_ name: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout ScratchBuffer<UInt8>) {
        var code = Code(start: out.count)
        var previous: UInt8 = 0
        @inline(__always) func put(_ value: UInt8) { code.put(value, &out) }
        for index in range {
            let letter = name[index]
            guard letter >= 0x61 && letter <= 0x7A else { continue }
            let next: UInt8 = index + 1 < range.upperBound ? name[index + 1] : 0
            switch letter {
            case 0x61, 0x65, 0x69, 0x6A, 0x6F, 0x75, 0x79: put(0)  // a e i j o u y
            case 0x62: put(1)  // b
            case 0x70: put(next == 0x68 ? 3 : 1)  // p, ph
            case 0x64, 0x74: put(next == 0x63 || next == 0x73 || next == 0x7A ? 8 : 2)  // d t before c s z
            case 0x66, 0x76, 0x77: put(3)  // f v w
            case 0x67, 0x6B, 0x71: put(4)  // g k q
            case 0x78:  // x
                if previous == 0x63 || previous == 0x6B || previous == 0x71 {
                    put(8)
                } else {
                    put(4)
                    put(8)
                }
            case 0x6C: put(5)  // l
            case 0x6D, 0x6E: put(6)  // m n
            case 0x72: put(7)  // r
            case 0x73, 0x7A: put(8)  // s z
            case 0x63:  // c
                if out.count == code.start {
                    let hard = switch next { case 0x61, 0x68, 0x6B, 0x6C, 0x6F, 0x71, 0x72, 0x75, 0x78: true; default: false }
                    put(hard ? 4 : 8)
                } else {
                    let hard = switch next { case 0x61, 0x68, 0x6B, 0x6F, 0x71, 0x75, 0x78: true; default: false }
                    put(hard && previous != 0x73 && previous != 0x7A ? 4 : 8)
                }
            default:  // h: no code, but breaks a repeat
                code.last = 0xFE
            }
            previous = letter
        }
    }

    /// Collapses repeats and drops inner zeros as `KoelnerPhonetik.Code` does.
    private struct Code {
        let start: Int
        /// The code written last; 0xFF: none yet; 0xFE: an H.
        var last: UInt8 = 0xFF

        init(start: Int) { self.start = start }

        @inline(__always)
        mutating func put(_ value: UInt8, _ out: inout ScratchBuffer<UInt8>) {
            if value != last, value != 0 || out.count == start { out.append(0x30 + value) }
            last = value
        }
    }
}
