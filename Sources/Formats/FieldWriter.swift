/// Writes the marker fields appended to each record of the annotated file,
/// in the customer's delimiter, encoding and quoting.
public enum FieldWriter {
    /// Appends the delimiter and `value` to `out`. The value is quoted (with
    /// `"` doubled) when `forceQuote` is set, as for files whose header was
    /// quoted, or when it contains the delimiter, a quote, CR or LF.
    /// Characters the dialect's encoding lacks are written as `?`.
    public static func append(_ value: String, to out: inout [UInt8], dialect: Dialect, forceQuote: Bool) {
        // Marker values are nearly always ASCII: write them without a copy.
        if dialect.encoding == .utf8 || value.utf8.allSatisfy({ $0 < 0x80 }) {
            appendEncoded(value.utf8, to: &out, delimiter: dialect.delimiter, forceQuote: forceQuote)
        } else {
            let bytes = TextDecoding.encodeLossy(value, as: dialect.encoding)
            appendEncoded(bytes, to: &out, delimiter: dialect.delimiter, forceQuote: forceQuote)
        }
    }

    /// The bytes ``append(_:to:dialect:forceQuote:)`` would append, for
    /// callers that prepare a few fixed values once and copy them per record.
    public static func encodedField(_ value: String, dialect: Dialect, forceQuote: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        append(value, to: &bytes, dialect: dialect, forceQuote: forceQuote)
        return bytes
    }

    private static func appendEncoded(
        _ bytes: some Collection<UInt8>, to out: inout [UInt8], delimiter: UInt8, forceQuote: Bool
    ) {
        out.append(delimiter)
        let needsQuotes = forceQuote || bytes.contains { byte in
            byte == delimiter || byte == ASCII.quote || byte == ASCII.lineFeed || byte == ASCII.carriageReturn
        }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(ASCII.quote)
        for byte in bytes {
            if byte == ASCII.quote { out.append(ASCII.quote) }
            out.append(byte)
        }
        out.append(ASCII.quote)
    }
}
