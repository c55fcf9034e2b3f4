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

    /// Whether ``string(_:)`` escapes something in `s` (a quote, a backslash, a control
    /// character); most strings (labels, keys, words) are copied whole between the quotes.
    static func needsEscaping(_ s: String) -> Bool {
        s.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    static func string(_ s: String) -> String {
        if !needsEscaping(s) { return "\"" + s + "\"" }
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
    /// `.double`; `NaN`, `Infinity` and `-Infinity` (Python's `json`) are accepted
    /// (``JSONReader/Dialect/python``).
    static func decode(_ text: String) -> Value? {
        JSONReader.parse(text, .python)
    }
}
