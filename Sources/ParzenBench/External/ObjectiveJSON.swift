import Parzen

/// Compact, deterministic JSON for the objective protocols: keys in the order given, numbers in
/// their shortest round-trip form, one line (no raw line breaks). Non-finite numbers are written
/// as `NaN`, `Infinity`, `-Infinity` (what Python's `json` reads and writes).
enum ObjectiveJSON {
    static func encode(_ value: Value) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    static func write(_ value: Value, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += number(d)
        case .string(let s): out += string(s)
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                write(item, to: &out)
            }
            out += "]"
        case .record(let record):
            out += "{"
            for (i, field) in record.enumerated() {
                if i > 0 { out += ", " }
                out += string(field.key)
                out += ": "
                write(field.value, to: &out)
            }
            out += "}"
        }
    }

    /// `0.1`, `1e-05`, `3.0`; `NaN`, `Infinity`, `-Infinity` when not finite.
    static func number(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return "\(d)"
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Parses one JSON text into a ``Value``, keeping object keys in the order written; nil
    /// when it is not JSON. Whole numbers written without `.` or exponent are `.int`, others
    /// `.double`; `NaN`, `Infinity` and `-Infinity` (Python's `json`) are accepted.
    static func decode(_ text: String) -> Value? {
        var reader = ObjectiveJSONReader(scalars: Array(text.unicodeScalars))
        reader.skipSpace()
        guard let value = reader.value() else { return nil }
        reader.skipSpace()
        return reader.index == reader.scalars.count ? value : nil
    }
}

/// A small recursive-descent JSON reader (depth-limited).
private struct ObjectiveJSONReader {
    let scalars: [Unicode.Scalar]
    var index = 0
    var depth = 0

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func skipSpace() {
        while let s = peek, s == " " || s == "\t" || s == "\n" || s == "\r" { index += 1 }
    }

    mutating func literal(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard index + w.count <= scalars.count, Array(scalars[index..<index + w.count]) == w else { return false }
        index += w.count
        return true
    }

    mutating func value() -> Value? {
        guard let s = peek, depth < 256 else { return nil }
        switch s {
        case "{":
            index += 1; depth += 1; defer { depth -= 1 }
            var record = OrderedRecord<Value>()
            skipSpace()
            if peek == "}" { index += 1; return .record(record) }
            while true {
                skipSpace()
                guard peek == "\"", let key = string() else { return nil }
                skipSpace()
                guard peek == ":" else { return nil }
                index += 1
                skipSpace()
                guard let item = value() else { return nil }
                record[key] = item
                skipSpace()
                if peek == "," { index += 1; continue }
                if peek == "}" { index += 1; return .record(record) }
                return nil
            }
        case "[":
            index += 1; depth += 1; defer { depth -= 1 }
            var items: [Value] = []
            skipSpace()
            if peek == "]" { index += 1; return .list(items) }
            while true {
                skipSpace()
                guard let item = value() else { return nil }
                items.append(item)
                skipSpace()
                if peek == "," { index += 1; continue }
                if peek == "]" { index += 1; return .list(items) }
                return nil
            }
        case "\"": return string().map(Value.string)
        case "t": return literal("true") ? .bool(true) : nil
        case "f": return literal("false") ? .bool(false) : nil
        case "n": return literal("null") ? .null : nil
        case "N": return literal("NaN") ? .double(.nan) : nil
        case "I": return literal("Infinity") ? .double(.infinity) : nil
        default: return number()
        }
    }

    mutating func string() -> String? {
        index += 1
        var out = String.UnicodeScalarView()
        while let s = peek {
            index += 1
            switch s {
            case "\"": return String(out)
            case "\\":
                guard let e = peek else { return nil }
                index += 1
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    guard var code = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(code), literal("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: return nil
                }
            default:
                if s.value < 0x20 { return nil }
                out.append(s)
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= scalars.count, let v = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16) else { return nil }
        index += 4
        return v
    }

    mutating func number() -> Value? {
        let start = index
        if peek == "-" {
            index += 1
            if peek == "I" { return literal("Infinity") ? .double(-.infinity) : nil }
        }
        var isInteger = true
        while let s = peek, ("0"..."9").contains(s) || s == "." || s == "e" || s == "E" || s == "+" || s == "-" {
            if s == "." || s == "e" || s == "E" { isInteger = false }
            index += 1
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        guard !text.isEmpty, text != "-" else { return nil }
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { return nil }
        return .double(d)
    }
}
