// The text form of search spaces: hyperopt's call syntax inside YAML-flow-like records.
//
// A hand-written recursive-descent parser over Unicode scalars with line/column tracking.
// Grammar (whitespace, line breaks and `#` comments may appear between any two tokens):
//
//     value    = record | list | call | string | number | word
//     record   = "{" [ key ":" value { "," key ":" value } [","] ] "}"
//     key      = word | string
//     list     = "[" [ value { "," value } [","] ] "]"
//     call     = word "(" [ argument { "," argument } [","] ] ")"
//     argument = value | number ":" value          (the second form only in pchoice)
//     string   = '"' … '"' | "'" … "'"             (escapes \" \' \\ \n \t \r)
//     number   = ["-"] digits ["." digits] [("e" | "E") ["+" | "-"] digits] | ["-"] "inf" | "nan"
//     word     = (letter | "_") { letter | digit | "_" | "-" | "." }
//
// A word that is not followed by "(" is a constant: `true`/`false` are Booleans, `null` is
// null, `inf`/`nan` are doubles, any other word is a string.

extension Space {
    /// Parses the text form of a search space, e.g.
    /// `{type: choice({kind: svm, C: uniform(0, 10)}, {kind: knn, k: uniformint(1, 50)})}`.
    ///
    /// The syntax is hyperopt's call syntax inside YAML-flow-like records: records
    /// `{key: expr, …}` (keys are words or quoted strings), lists `[expr, …]`, calls to the twelve
    /// kinds — `uniform(low, high)`, `quniform(low, high, q)`, `uniformint(low, high)`,
    /// `loguniform(low, high)` and `qloguniform(low, high, q)` (log-space bounds, as hyperopt),
    /// `normal(mu, sigma)`, `qnormal(mu, sigma, q)`, `lognormal(mu, sigma)`,
    /// `qlognormal(mu, sigma, q)`, `randint(upper)` or `randint(low, high)`,
    /// `choice(option, …)` and `pchoice(p: option, …)` — and constants: numbers (`3` is an
    /// `Int`, `3.0` and `1e-5` are `Double`s), `true`, `false`, `null`, quoted strings and bare
    /// words (strings). Line breaks, `#` comments and trailing commas are allowed. Numeric
    /// arguments must be finite number literals; choice options may be any expression.
    ///
    /// **Labels come from record keys.** The label of a parameter is the key that holds it:
    /// `{lr: loguniform(-9, 0)}` labels the parameter `lr`. Every other position derives its
    /// label from the enclosing one by appending `.N`, the position of the element:
    /// - element N of a list under key `k` is labelled `k.N` (nested lists `k.N.M`);
    /// - option N of a choice labelled `c` that is a call (not in a record) is labelled `c.N`,
    ///   so `{x: choice(uniform(0, 1), 5)}` gives the inner parameter the label `x.0`;
    /// - a call at the top level (not in any record) is labelled `x`, so `uniform(0, 1)` is
    ///   labelled `x` and `[uniform(0, 1), normal(0, 1)]` gives `x.0` and `x.1`.
    ///
    /// A record resets the label to its own key, wherever it is, so keys must be unique across
    /// the whole space where they hold parameters (`{a: {n: randint(3)}, b: {n: randint(3)}}`
    /// has the label `n` twice, which ``SearchSpace/init(parsing:source:)`` rejects).
    ///
    /// Lists and records of constants parse as ``Space/list(_:)`` and ``Space/record(_:)`` of
    /// ``Space/constant(_:)`` leaves, the same shape as Swift literals build.
    ///
    /// - Parameters:
    ///   - text: the text form.
    ///   - source: a name for the text (a file name, `manifest.yaml:12`, …), used in errors.
    /// - Throws: ``SpaceParseError`` with the line and column of the first syntax error: an
    ///   unknown function (with the nearest known name), a wrong argument count or type, an
    ///   unterminated string, record, list or call, an unexpected character, a duplicate record
    ///   key, a missing `:`, trailing text or empty input. Ranges and labels are not checked
    ///   here; ``SearchSpace/init(parsing:source:)`` checks them.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String, source: String = "<text>") throws(SpaceParseError) {
        var parser = SpaceParser(text: text, source: source)
        self = try parser.parseDocument()
    }
}

extension SearchSpace {
    /// Parses the text form of a search space (see ``Space/init(parsing:source:)`` for the
    /// syntax and the labelling rule) and compiles and validates it.
    ///
    /// - Parameters:
    ///   - text: the text form.
    ///   - source: a name for the text, used in errors.
    /// - Throws: ``SpaceParseError`` for a syntax error, and for a broken rule of
    ///   ``SearchSpace/init(_:)`` (duplicate label, low ≥ high, q ≤ 0, sigma ≤ 0, bad pchoice
    ///   probabilities, …) positioned at the call that breaks it; for a duplicate label, at the
    ///   second use, with the first use in the message.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String, source: String = "<text>") throws(SpaceParseError) {
        var parser = SpaceParser(text: text, source: source)
        let root = try parser.parseDocument()
        do {
            try self.init(root)
        } catch {
            throw parser.positioned(error)
        }
    }
}

/// A syntax or validation error in the text form of a search space, with where it is.
public struct SpaceParseError: Error, Equatable, CustomStringConvertible {
    /// The name of the text (a file name, or `"<text>"`).
    public let source: String
    /// 1-based line of the offending text.
    public let line: Int
    /// 1-based column (in Unicode scalars) of the offending text.
    public let column: Int
    /// What was wrong and what is accepted there.
    public let message: String

    /// An error at `line`:`column` of `source`.
    public init(source: String, line: Int, column: Int, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    /// `source:line:column: message`, the form compilers and editors understand.
    public var description: String { "\(source):\(line):\(column): \(message)" }
}

/// A 1-based line and column in the parsed text.
struct TextPosition: Equatable, Sendable {
    var line: Int
    var column: Int

    var spelled: String { "line \(line), column \(column)" }
}

/// The recursive-descent parser behind ``Space/init(parsing:source:)``. One use per text.
struct SpaceParser {
    /// The label of a call that no record key names (a bare top-level call).
    static let rootLabel = "x"

    private let scalars: [Unicode.Scalar]
    private let source: String
    private var index = 0
    private var position = TextPosition(line: 1, column: 1)
    /// Records, lists and calls opened and not yet closed, innermost last.
    private var openers: [(what: String, bracket: Unicode.Scalar, at: TextPosition)] = []
    /// Where each parameter's call starts, in declaration order (the order SearchSpace visits).
    private var parameterPositions: [(label: String, at: TextPosition)] = []

    init(text: String, source: String) {
        self.scalars = Array(text.unicodeScalars)
        self.source = source
    }

    // MARK: Document

    /// Parses the whole text as one value with nothing but trivia after it.
    mutating func parseDocument() throws(SpaceParseError) -> Space {
        skipTrivia()
        guard peek != nil else {
            throw fail(at: position, "empty input: expected a search space such as {x: uniform(0, 1)}")
        }
        let space = try parseValue(label: Self.rootLabel)
        skipTrivia()
        if let scalar = peek {
            throw fail(at: position, "unexpected \(describe(scalar)) after the end of the space; only whitespace and # comments may follow it")
        }
        return space
    }

    /// Turns a validation error into a parse error at the call of the parameter it names.
    func positioned(_ error: SpaceError) -> SpaceParseError {
        let uses = parameterPositions.filter { $0.label == error.label }.map(\.at)
        var message = error.description
        var at = uses.first ?? TextPosition(line: 1, column: 1)
        if error.rule == .duplicateLabel, uses.count >= 2 {
            at = uses[1]
            message += " (first used at \(uses[0].spelled)); a parameter's label is the record key that holds it, so rename one of the keys"
        } else if error.rule == .emptyLabel {
            message += " (an empty key \"\" holds a parameter)"
        }
        return fail(at: at, message)
    }

    // MARK: Values

    private mutating func parseValue(label: String) throws(SpaceParseError) -> Space {
        skipTrivia()
        guard let scalar = peek else { throw endOfInput(expecting: "a value") }
        switch scalar {
        case "{": return try parseRecord()
        case "[": return try parseList(label: label)
        case "\"", "'": return .constant(.string(try parseString()))
        case "-", "0"..."9": return .constant(try parseNumber())
        default:
            if Self.isWordStart(scalar) { return try parseWordOrCall(label: label) }
            throw fail(
                at: position,
                "unexpected \(describe(scalar)); expected a value: a number, a word, a quoted string, a record {…}, a list […] or a call such as uniform(0, 1)"
            )
        }
    }

    private mutating func parseRecord() throws(SpaceParseError) -> Space {
        openers.append((what: "record", bracket: "{", at: position))
        advance()
        var record = OrderedRecord<Space>()
        var keyPositions: [String: TextPosition] = [:]
        while true {
            skipTrivia()
            guard let scalar = peek else { throw endOfInput(expecting: "a key or '}'") }
            if scalar == "}" { advance(); break }
            let keyStart = position
            let key: String
            if scalar == "\"" || scalar == "'" {
                key = try parseString()
            } else if Self.isWordStart(scalar) {
                key = scanWord()
            } else {
                throw fail(at: keyStart, "expected a record key (a word or a quoted string) or '}', found \(describe(scalar))")
            }
            if let first = keyPositions[key] {
                throw fail(at: keyStart, "duplicate key '\(key)' in a record (first at \(first.spelled)); keys must be unique within a record")
            }
            keyPositions[key] = keyStart
            skipTrivia()
            guard let colon = peek else { throw endOfInput(expecting: "':' after key '\(key)'") }
            guard colon == ":" else {
                throw fail(at: position, "expected ':' after key '\(key)', found \(describe(colon)); record fields are written key: value")
            }
            advance()
            record[key] = try parseValue(label: key)
            skipTrivia()
            guard let separator = peek else { throw endOfInput(expecting: "',' or '}'") }
            if separator == "," { advance(); continue }
            if separator == "}" { advance(); break }
            throw fail(at: position, "expected ',' or '}' after the value of '\(key)', found \(describe(separator))" + unclosedHint(separator))
        }
        openers.removeLast()
        return .record(record)
    }

    private mutating func parseList(label: String) throws(SpaceParseError) -> Space {
        openers.append((what: "list", bracket: "[", at: position))
        advance()
        var items: [Space] = []
        while true {
            skipTrivia()
            guard let scalar = peek else { throw endOfInput(expecting: "a value or ']'") }
            if scalar == "]" { advance(); break }
            items.append(try parseValue(label: "\(label).\(items.count)"))
            skipTrivia()
            guard let separator = peek else { throw endOfInput(expecting: "',' or ']'") }
            if separator == "," { advance(); continue }
            if separator == "]" { advance(); break }
            throw fail(at: position, "expected ',' or ']' after a list element, found \(describe(separator))" + unclosedHint(separator))
        }
        openers.removeLast()
        return .list(items)
    }

    private mutating func parseWordOrCall(label: String) throws(SpaceParseError) -> Space {
        let start = position
        let word = scanWord()
        skipTrivia()
        if peek == "(" { return try parseCall(name: word, at: start, label: label) }
        switch word {
        case "true": return .constant(.bool(true))
        case "false": return .constant(.bool(false))
        case "null": return .constant(.null)
        case "inf": return .constant(.double(.infinity))
        case "nan": return .constant(.double(.nan))
        default: return .constant(.string(word))
        }
    }

    // MARK: Calls

    /// One argument of a call as written: the value, the pchoice probability before a `:`,
    /// and where it starts.
    private struct Argument {
        var value: Space
        var at: TextPosition
        var probability: (value: Space, at: TextPosition)?
    }

    private mutating func parseCall(name: String, at start: TextPosition, label: String) throws(SpaceParseError) -> Space {
        guard let kind = CallKind(rawValue: name) else {
            let known = CallKind.allCases.map(\.rawValue)
            var message = "unknown function '\(name)'"
            if let nearest = NameSuggestion.nearest(to: name, in: known) {
                message += "; did you mean '\(nearest)'? Known functions: "
            } else {
                message += "; known functions: "
            }
            message += known.joined(separator: ", ")
            throw fail(at: start, message)
        }
        parameterPositions.append((label: label, at: start))
        openers.append((what: "call to \(name)", bracket: "(", at: position))
        advance()
        var arguments: [Argument] = []
        while true {
            skipTrivia()
            guard let scalar = peek else { throw endOfInput(expecting: "an argument or ')'") }
            if scalar == ")" { advance(); break }
            let optionLabel = "\(label).\(arguments.count)"
            var argument = Argument(value: .constant(.null), at: position)
            argument.value = try parseValue(label: optionLabel)
            skipTrivia()
            if peek == ":" {
                guard kind == .pchoice else {
                    throw fail(at: position, "unexpected ':' in the arguments of \(name); 'probability: option' is only written in pchoice(0.2: a, 0.8: b)")
                }
                advance()
                skipTrivia()
                argument.probability = (value: argument.value, at: argument.at)
                argument.at = position
                argument.value = try parseValue(label: optionLabel)
                skipTrivia()
            }
            arguments.append(argument)
            guard let separator = peek else { throw endOfInput(expecting: "',' or ')'") }
            if separator == "," { advance(); continue }
            if separator == ")" { advance(); break }
            throw fail(at: position, "expected ',' or ')' in the arguments of \(name), found \(describe(separator))" + unclosedHint(separator))
        }
        openers.removeLast()
        return .parameter(label: label, try distribution(kind, arguments, at: start))
    }

    private func distribution(_ kind: CallKind, _ arguments: [Argument], at start: TextPosition) throws(SpaceParseError) -> Distribution {
        let name = kind.rawValue
        switch kind {
        case .choice:
            guard !arguments.isEmpty else { throw fail(at: start, "choice takes at least 1 option, got 0; write e.g. choice(a, b)") }
            return .choice(arguments.map(\.value))
        case .pchoice:
            guard !arguments.isEmpty else { throw fail(at: start, "pchoice takes at least 1 option, got 0; write e.g. pchoice(0.2: a, 0.8: b)") }
            var probabilities: [Double] = []
            for (index, argument) in arguments.enumerated() {
                guard let probability = argument.probability else {
                    throw fail(at: argument.at, "pchoice option \(index + 1) has no probability; pchoice options are written probability: option, e.g. pchoice(0.2: a, 0.8: b)")
                }
                probabilities.append(try number(probability.value, at: probability.at, "pchoice probability \(index + 1)"))
            }
            return .pchoice(arguments.map(\.value), probabilities: probabilities)
        case .randint:
            guard arguments.count == 1 || arguments.count == 2 else {
                throw fail(at: start, "randint takes 1 or 2 arguments (upper) or (low, high), got \(arguments.count)")
            }
            let names = arguments.count == 1 ? ["upper"] : ["low", "high"]
            let values = try integers(arguments, names: names, kind: name)
            return values.count == 1 ? .randint(low: 0, high: values[0]) : .randint(low: values[0], high: values[1])
        case .uniformint:
            let values = try integers(try counted(arguments, ["low", "high"], kind: name, at: start), names: ["low", "high"], kind: name)
            return .uniformint(low: values[0], high: values[1])
        case .uniform, .loguniform, .normal, .lognormal, .quniform, .qloguniform, .qnormal, .qlognormal:
            let names = kind.parameterNames
            let x = try doubles(try counted(arguments, names, kind: name, at: start), names: names, kind: name)
            switch kind {
            case .uniform: return .uniform(low: x[0], high: x[1])
            case .loguniform: return .loguniform(low: x[0], high: x[1])
            case .normal: return .normal(mu: x[0], sigma: x[1])
            case .lognormal: return .lognormal(mu: x[0], sigma: x[1])
            case .quniform: return .quniform(low: x[0], high: x[1], q: x[2])
            case .qloguniform: return .qloguniform(low: x[0], high: x[1], q: x[2])
            case .qnormal: return .qnormal(mu: x[0], sigma: x[1], q: x[2])
            default: return .qlognormal(mu: x[0], sigma: x[1], q: x[2])
            }
        }
    }

    /// `arguments` when there are exactly `names.count` of them; otherwise an error at the call.
    private func counted(_ arguments: [Argument], _ names: [String], kind: String, at start: TextPosition) throws(SpaceParseError) -> [Argument] {
        guard arguments.count == names.count else {
            throw fail(at: start, "\(kind) takes \(names.count) arguments (\(names.joined(separator: ", "))), got \(arguments.count)")
        }
        return arguments
    }

    private func doubles(_ arguments: [Argument], names: [String], kind: String) throws(SpaceParseError) -> [Double] {
        var values: [Double] = []
        for (index, argument) in arguments.enumerated() {
            values.append(try number(argument.value, at: argument.at, "\(kind) argument \(index + 1) (\(names[index]))"))
        }
        return values
    }

    private func integers(_ arguments: [Argument], names: [String], kind: String) throws(SpaceParseError) -> [Int] {
        var values: [Int] = []
        for (index, argument) in arguments.enumerated() {
            let what = "\(kind) argument \(index + 1) (\(names[index]))"
            let value = try number(argument.value, at: argument.at, what)
            if case .constant(.int(let integer)) = argument.value {
                values.append(integer)
            } else if value.rounded() == value, abs(value) < 9.0e15 {
                values.append(Int(value))
            } else {
                throw fail(at: argument.at, "\(what) must be an integer, got \(NumberFormatting.shortest(value))")
            }
        }
        return values
    }

    /// The finite number a numeric argument holds, or an error naming `what`.
    private func number(_ value: Space, at: TextPosition, _ what: String) throws(SpaceParseError) -> Double {
        guard case .constant(let constant) = value, let number = constant.double else {
            throw fail(at: at, "\(what) must be a number, got \(Self.summary(of: value))")
        }
        guard number.isFinite else {
            throw fail(at: at, "\(what) must be a finite number, got \(NumberFormatting.shortest(number))")
        }
        return number
    }

    // MARK: Tokens

    private mutating func parseNumber() throws(SpaceParseError) -> Value {
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
    private mutating func scanDigits(into text: inout String) -> Bool {
        var any = false
        while let scalar = peek, ("0"..."9").contains(scalar) {
            text.unicodeScalars.append(scalar)
            advance()
            any = true
        }
        return any
    }

    private mutating func parseString() throws(SpaceParseError) -> String {
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
    private mutating func scanWord() -> String {
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

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
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
    private mutating func skipTrivia() {
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

    private func fail(at position: TextPosition, _ message: String) -> SpaceParseError {
        SpaceParseError(source: source, line: position.line, column: position.column, message: message)
    }

    /// The error for input that ends too early: the innermost unclosed bracket, if any.
    private func endOfInput(expecting expected: String) -> SpaceParseError {
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
    private func unclosedHint(_ found: Unicode.Scalar) -> String {
        guard let opener = openers.last, [":", "}", "]", ")"].contains(found) else { return "" }
        return " (is the '\(opener.bracket)' at \(opener.at.spelled) missing its closing bracket?)"
    }

    private func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F {
            return "character U+\(String(scalar.value, radix: 16, uppercase: true))"
        }
        return "'\(scalar)'"
    }

    /// A short description of a parsed value for "got …" in messages.
    private static func summary(of space: Space) -> String {
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

/// The functions the text form knows: hyperopt's twelve kinds.
private enum CallKind: String, CaseIterable {
    case choice, pchoice, randint, uniform, quniform, uniformint, loguniform, qloguniform
    case normal, qnormal, lognormal, qlognormal

    /// The argument names of the fixed-arity numeric kinds.
    var parameterNames: [String] {
        switch self {
        case .uniform, .loguniform, .uniformint: return ["low", "high"]
        case .quniform, .qloguniform: return ["low", "high", "q"]
        case .normal, .lognormal: return ["mu", "sigma"]
        case .qnormal, .qlognormal: return ["mu", "sigma", "q"]
        case .choice, .pchoice, .randint: return []
        }
    }
}
