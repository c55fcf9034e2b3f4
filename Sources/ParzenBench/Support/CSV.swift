/// RFC 4180 CSV: comma-separated, CRLF-free (LF line ends), fields quoted when they hold a comma,
/// quote or line break, quotes doubled. Numbers print with Swift's shortest round-trip form.
public enum CSV {
    /// One line (without its line end).
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    static func field(_ text: String) -> String {
        // Scan bytes, not Characters: grapheme breaking made this the writer's hottest loop.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number that reads back to the same `Double`; `inf`, `-inf`, `nan` for non-finite values,
    /// the empty string for nil.
    public static func number(_ value: Double?) -> String {
        var out = ByteWriter(capacity: 32)
        out.write(number: value)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The fields of one line; nil when quoting is malformed. (Fields with line breaks are not
    /// supported by this line-based reader; Parzen never writes them in cell files.)
    public static func parse(_ line: String) -> [String]? {
        if !line.utf8.contains(UInt8(ascii: "\"")) {
            return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var atFieldStart = true
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") }
                        else if next == "," { quoted = false; fields.append(current); current = ""; atFieldStart = true }
                        else { return nil }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "," {
                fields.append(current); current = ""; atFieldStart = true
            } else if character == "\"" && atFieldStart && current.isEmpty {
                quoted = true; atFieldStart = false
            } else {
                current.append(character); atFieldStart = false
            }
        }
        if quoted { return nil }
        fields.append(current)
        return fields
    }
}
