/// RFC 4180 CSV with one record per line: comma-separated, LF line ends, fields quoted when they
/// hold a comma or a quote, quotes doubled. Text never spans lines: a backslash, a line break and
/// every other control character are escaped inside the field (``escape(_:)``), so any string
/// round-trips through one line and line-based readers (gnuplot, `grep`, the cell-file reader)
/// see one record per line. Numbers print with Swift's shortest round-trip form.
public enum CSV {
    /// One line (without its line end).
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// A whole table: `header`, then each of `rows`, each on its own line ending in a line break.
    ///
    /// - Complexity: O(total length of the fields).
    public static func text(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(row).joined(separator: "\n") + "\n"
    }

    /// One field: escaped (``escape(_:)``), then quoted when it holds a comma or a quote.
    static func field(_ text: String) -> String {
        // Scan bytes, not Characters: grapheme breaking made this the writer's hottest loop.
        let escaped = text.utf8.contains(where: needsEscape) ? escape(text) : text
        guard escaped.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 }) else { return escaped }
        // Bytes again: a quote followed by a combining mark is one Character, but still a quote.
        var quoted: [UInt8] = [0x22]
        for byte in escaped.utf8 {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || (byte < 0x20 && byte != 0x09) || byte == 0x7F
    }

    /// The text with `\` written `\\`, a line feed `\n`, a carriage return `\r` and every other
    /// control character but the tab `\xHH` (two hex digits); ``unescape(_:)`` undoes it.
    ///
    /// - Complexity: O(length of the text).
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case _ where needsEscape(byte):
                out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Undoes ``escape(_:)``; a backslash not followed by a known escape is kept as it is.
    ///
    /// - Complexity: O(length of the text).
    public static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else { out.append(byte); index += 1; continue }
            switch bytes[index + 1] {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); index += 2
            case UInt8(ascii: "n"): out.append(0x0A); index += 2
            case UInt8(ascii: "r"): out.append(0x0D); index += 2
            case UInt8(ascii: "x") where index + 3 < bytes.count:
                if let high = hexValue(bytes[index + 2]), let low = hexValue(bytes[index + 3]) {
                    out.append(high << 4 | low); index += 4
                } else {
                    out.append(byte); index += 1
                }
            default: out.append(byte); index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A number that reads back to the same `Double`; `inf`, `-inf`, `nan` for non-finite values,
    /// the empty string for nil.
    public static func number(_ value: Double?) -> String {
        var out = ByteWriter(capacity: 32)
        out.write(number: value)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The fields of one line, unescaped (``unescape(_:)``; `unescaping: false` reads files
    /// written before escaping existed); nil when quoting is malformed.
    public static func parse(_ line: String, unescaping: Bool = true) -> [String]? {
        guard let fields = split(line) else { return nil }
        return unescaping ? fields.map(unescape) : fields
    }

    /// Splits on bytes, not Characters: a quote followed by a combining mark is still a quote.
    private static func split(_ line: String) -> [String]? {
        if !line.utf8.contains(UInt8(ascii: "\"")) {
            return line.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var fields: [String] = []
        var current: [UInt8] = []
        var quoted = false
        var atFieldStart = true
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                guard byte == quote else { current.append(byte); continue }
                if index < bytes.count {
                    let next = bytes[index]
                    index += 1
                    if next == quote { current.append(quote) }
                    else if next == comma { quoted = false; fields.append(String(decoding: current, as: UTF8.self)); current = []; atFieldStart = true }
                    else { return nil }
                } else {
                    quoted = false
                }
            } else if byte == comma {
                fields.append(String(decoding: current, as: UTF8.self)); current = []; atFieldStart = true
            } else if byte == quote && atFieldStart && current.isEmpty {
                quoted = true; atFieldStart = false
            } else {
                current.append(byte); atFieldStart = false
            }
        }
        if quoted { return nil }
        fields.append(String(decoding: current, as: UTF8.self))
        return fields
    }
}
