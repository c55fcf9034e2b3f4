import Parzen

/// The one writer of ``Value``s as JSON for the external protocols: keys in the order given,
/// numbers in their shortest round-trip form, one line (no raw line breaks), strings escaped
/// by ``ObjectiveJSON/string(_:)``. The protocols differ only in what this holds: the
/// separators, and how numbers JSON has no literal for are written.
struct JSONSpelling: Sendable {
    /// How NaN and the infinities are written.
    enum NonFinite: Sendable {
        /// `NaN`, `Infinity`, `-Infinity`: what Python's `json` reads and writes.
        case python
        /// `null`.
        case null
    }

    /// Between list items and between record fields.
    let itemSeparator: String
    /// Between a key and its value.
    let keySeparator: String
    let nonFinite: NonFinite

    /// The objective protocols': `, ` and `: `, non-finite numbers as Python writes them.
    static let objective = JSONSpelling(itemSeparator: ", ", keySeparator: ": ", nonFinite: .python)
    /// The suggester protocol's: no spaces, non-finite numbers as `null`.
    static let compact = JSONSpelling(itemSeparator: ",", keySeparator: ":", nonFinite: .null)

    /// `0.1`, `1e-05`, `3.0`; non-finite as ``nonFinite`` says.
    func number(_ d: Double) -> String {
        if d.isFinite { return "\(d)" }
        switch nonFinite {
        case .null: return "null"
        case .python: return d.isNaN ? "NaN" : d < 0 ? "-Infinity" : "Infinity"
        }
    }

    func encode(_ value: Value) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    /// Appends `value` to `out`.
    ///
    /// - Complexity: O(size of the value's text).
    func write(_ value: Value, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += number(d)
        case .string(let s): out += ObjectiveJSON.string(s)
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += itemSeparator }
                write(item, to: &out)
            }
            out += "]"
        case .record(let record):
            out += "{"
            for (i, field) in record.enumerated() {
                if i > 0 { out += itemSeparator }
                out += ObjectiveJSON.string(field.key)
                out += keySeparator
                write(field.value, to: &out)
            }
            out += "}"
        }
    }
}

/// JSON for the objective protocols (``JSONSpelling/objective``): `, ` and `: ` between
/// items, non-finite numbers written as `NaN`, `Infinity`, `-Infinity`; and the string
/// escaping every protocol shares.
enum ObjectiveJSON {
    static func encode(_ value: Value) -> String { JSONSpelling.objective.encode(value) }

    /// `0.1`, `1e-05`, `3.0`; `NaN`, `Infinity`, `-Infinity` when not finite.
    static func number(_ d: Double) -> String { JSONSpelling.objective.number(d) }

    /// Whether ``string(_:)`` escapes something in `s` (a quote, a backslash, a control
    /// character); most strings (labels, keys, words) are copied whole between the quotes.
    static func needsEscaping(_ s: String) -> Bool {
        s.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// `s` as a JSON string (``StringEscaping/quoted(_:escapingControlCharacters:)``).
    static func string(_ s: String) -> String {
        needsEscaping(s) ? StringEscaping.quoted(s, escapingControlCharacters: true) : "\"" + s + "\""
    }

    /// Parses one JSON text into a ``Value``, keeping object keys in the order written; nil
    /// when it is not JSON. Whole numbers written without `.` or exponent are `.int`, others
    /// `.double`; `NaN`, `Infinity` and `-Infinity` (Python's `json`) are accepted
    /// (``JSONReader/Dialect/python``).
    static func decode(_ text: String) -> Value? {
        JSONReader.parse(text, .python)
    }
}
