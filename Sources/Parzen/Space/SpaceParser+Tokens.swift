import Foundation

extension SpaceParser {
    // MARK: Tokens

    mutating func parseNumber() throws(SpaceParseError) -> Value {
        let start = position
        var text = ""
        if peek == "-" { text.append("-"); advance() }
        if let scalar = peek, Self.isWordStart(scalar) {
            let word = scanWord()
            if word == "inf" { return .double(-.infinity) }
            throw fail(at: start, "malformed number '-\(word)'; expected digits after '-'")
        }
        guard scanDigits(into: &text) else {
            throw fail(at: start, "malformed number '\(text)'; expected a digit")
        }
        var isDouble = false
        if peek == "." {
            isDouble = true
            text.append("."); advance()
            guard scanDigits(into: &text) else {
                throw fail(at: start, "malformed number '\(text)'; expected digits after the decimal point (write 1.0, not 1.)")
            }
        }
        if peek == "e" || peek == "E" {
            isDouble = true
            text.append("e"); advance()
            if let sign = peek, sign == "+" || sign == "-" { text.unicodeScalars.append(sign); advance() }
            guard scanDigits(into: &text) else {
                throw fail(at: start, "malformed number '\(text)'; expected digits in the exponent (e.g. 1e-5)")
            }
        }
        if let scalar = peek, Self.isWordContinue(scalar) {
            while let more = peek, Self.isWordContinue(more) { text.unicodeScalars.append(more); advance() }
            throw fail(at: start, "malformed number '\(text)'; numbers are written like 3, -2.5 or 1e-5, and words must start with a letter")
        }
        if isDouble {
            guard let value = Double(text) else { throw fail(at: start, "malformed number '\(text)'") }
            guard value.isFinite else { throw fail(at: start, "number \(text) is out of range for a Double") }
            return .double(value)
        }
        guard let value = Int(text) else {
            throw fail(at: start, "integer \(text) is out of range; write \(text).0 for a floating-point number")
        }
        return .int(value)
    }

    /// Appends ASCII digits at the cursor to `text`; false when there were none.
    mutating func scanDigits(into text: inout String) -> Bool {
        var any = false
        while let scalar = peek, ("0"..."9").contains(scalar) {
            text.unicodeScalars.append(scalar)
            advance()
            any = true
        }
        return any
    }

    mutating func parseString() throws(SpaceParseError) -> String {
        let start = position
        guard let quote = peek else { throw endOfInput(expecting: "a string") }
        advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let scalar = peek, scalar != "\n" else {
                throw fail(at: start, "unterminated string: the \(quote == "\"" ? "double" : "single") quote at \(start.spelled) is never closed on its line")
            }
            if scalar == quote { advance(); break }
            if scalar == "\\" {
                let escapeStart = position
                advance()
                guard let escaped = peek, escaped != "\n" else {
                    throw fail(at: start, "unterminated string: the \(quote == "\"" ? "double" : "single") quote at \(start.spelled) is never closed on its line")
                }
                advance()
                switch escaped {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\"", "'", "\\": out.append(escaped)
                default:
                    throw fail(at: escapeStart, "unknown escape '\\\(escaped)' in a string; accepted escapes are \\\" \\' \\\\ \\n \\t \\r")
                }
                continue
            }
            out.append(scalar)
            advance()
        }
        return String(out)
    }

    /// The word at the cursor (the cursor is on a word start).
    mutating func scanWord() -> String {
        var word = String.UnicodeScalarView()
        while let scalar = peek, Self.isWordContinue(scalar) {
            word.append(scalar)
            advance()
        }
        return String(word)
    }

    // Word characters match `TextQuoting.isBareWord`, so every string printed bare reads back.
    static func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    static func isWordContinue(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "-" || scalar == "." || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    // MARK: Cursor

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            position.line += 1
            position.column = 1
        } else {
            position.column += 1
        }
        index += 1
    }

    /// Skips whitespace, line breaks and `#` comments.
    mutating func skipTrivia() {
        while let scalar = peek {
            if scalar == "#" {
                while let inComment = peek, inComment != "\n" { advance() }
            } else if scalar.properties.isWhitespace || scalar == "\u{FEFF}" {
                advance()
            } else {
                return
            }
        }
    }

    // MARK: Errors

    func fail(at position: TextPosition, _ message: String) -> SpaceParseError {
        SpaceParseError(source: source, line: position.line, column: position.column, message: message)
    }

    /// The error for input that ends too early: the innermost unclosed bracket, if any.
    func endOfInput(expecting expected: String) -> SpaceParseError {
        if let opener = openers.last {
            return fail(
                at: opener.at,
                "unterminated \(opener.what): '\(opener.bracket)' at \(opener.at.spelled) is never closed (the input ends where \(expected) was expected)"
            )
        }
        return fail(at: position, "unexpected end of input; expected \(expected)")
    }

    /// A hint for a closing bracket or ':' where a separator was expected: the innermost
    /// opener is probably missing its closer.
    func unclosedHint(_ found: Unicode.Scalar) -> String {
        guard let opener = openers.last, [":", "}", "]", ")"].contains(found) else { return "" }
        return " (is the '\(opener.bracket)' at \(opener.at.spelled) missing its closing bracket?)"
    }

    func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F {
            return "character U+\(String(scalar.value, radix: 16, uppercase: true))"
        }
        return "'\(scalar)'"
    }

    /// A short description of a parsed value for "got …" in messages.
    static func summary(of space: Space) -> String {
        switch space {
        case .constant(.string(let s)): return "the string \(TextQuoting.quoted(s))"
        case .constant(.bool(let b)): return b ? "true" : "false"
        case .constant(.null): return "null"
        case .constant(let value): return value.description
        case .list: return "a list"
        case .record: return "a record"
        case .parameter(_, let distribution): return "a call to \(distribution.kindName)"
        }
    }
}
