import PropertyBased

/// Strings built from numbers (so shrinking the numbers shrinks the string): the pieces that
/// break text formats — separators, quotes, backslashes and escape look-alikes, line breaks and
/// other control characters, combining marks after a separator or a quote, non-ASCII letters,
/// emoji — and beyond them any Unicode scalar.
enum TextPieces {
    static let tricky: [String] = [
        "a", "Z9", ",", "\"", "\"\"", "\\", "\\n", "\\x0a", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1B}", "\u{7F}",
        "\u{301}", ",\u{301}", "\"\u{301}", "é", "e\u{301}", "😀", "#", " ", "=", "{", "}", ":", "'", "\u{FEFF}", "\u{2028}",
    ]

    static func piece(_ number: Int) -> String {
        if number < tricky.count { return tricky[number] }
        let value = UInt32(number * 7919 % 0x110000)
        return Unicode.Scalar(value).map { String(Character($0)) } ?? "?"
    }

    static func string(_ numbers: [Int]) -> String { numbers.map(piece).joined() }

    /// Strings of up to 12, 20 and 6 pieces.
    static let strings = Gen.int(in: 0...(tricky.count * 3)).array(of: 0...12).map { string($0) }
    static let longStrings = Gen.int(in: 0...(tricky.count * 3)).array(of: 0...20).map { string($0) }
    static let shortStrings = Gen.int(in: 0...(tricky.count * 3)).array(of: 0...6).map { string($0) }
}
