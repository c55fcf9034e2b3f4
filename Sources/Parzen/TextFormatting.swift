/// Number printing that round-trips: Swift's shortest representation, with integers kept
/// recognisable as floats (`3.0`), so text written by Parzen reads back to the same `Double`.
enum NumberFormatting {
    static func shortest(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return "\(value)"
    }

    /// A whole number below 2^53 in magnitude as an integer (`2`), anything else as
    /// ``shortest(_:)``: for display, where `2.0` for a choice index would mislead.
    static func integerOrShortest(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return String(Int(value)) }
        return shortest(value)
    }
}

/// Quoting for strings in Parzen's text form: bare when the string is a plain word that would
/// read back as the same string, double-quoted with escapes otherwise.
enum TextQuoting {
    static let reservedWords: Set<String> = ["true", "false", "null", "inf", "nan"]

    static func isBareWord(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        guard !reservedWords.contains(s) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0 == "." || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    static func quotedIfNeeded(_ s: String) -> String {
        isBareWord(s) ? s : quoted(s)
    }

    static func quoted(_ s: String) -> String {
        StringEscaping.quoted(s, escapingControlCharacters: false)
    }
}

/// Double-quoted strings with backslash escapes, the one escaper of Parzen's text form and of
/// the JSON of the external protocols.
public enum StringEscaping {
    /// `s` between double quotes: `"` and `\` escaped, line feeds and tabs as `\n` and `\t`.
    /// With `escapingControlCharacters` (JSON, RFC 8259), carriage returns as `\r` and every
    /// other character below U+0020 as `\u00XX`; without (Parzen's text form), left as they are.
    ///
    /// - Complexity: O(n) in the length of `s`.
    public static func quoted(_ s: String, escapingControlCharacters: Bool) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r" where escapingControlCharacters: out += "\\r"
            case _ where escapingControlCharacters && scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
