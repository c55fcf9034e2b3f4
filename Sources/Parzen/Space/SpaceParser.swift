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
    ///   - rootLabel: the label of a call outside any record (`x` by default), so a space that
    ///     will sit under a record key (a template marker's name) is labelled as if written there.
    /// - Throws: ``SpaceParseError`` with the line and column of the first syntax error: an
    ///   unknown function (with the nearest known name), a wrong argument count or type, an
    ///   unterminated string, record, list or call, an unexpected character, a duplicate record
    ///   key, a missing `:`, trailing text or empty input. Ranges and labels are not checked
    ///   here; ``SearchSpace/init(parsing:source:)`` checks them.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String, source: String = "<text>", rootLabel: String = "x") throws(SpaceParseError) {
        var parser = SpaceParser(text: text, source: source, rootLabel: rootLabel)
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
    /// The label of a call that no record key names (a bare top-level call), unless the caller
    /// gives another.
    static let defaultRootLabel = "x"

    let scalars: [Unicode.Scalar]
    let source: String
    let rootLabel: String
    var index = 0
    var position = TextPosition(line: 1, column: 1)
    /// Records, lists and calls opened and not yet closed, innermost last.
    var openers: [(what: String, bracket: Unicode.Scalar, at: TextPosition)] = []
    /// Where each parameter's call starts, in declaration order (the order SearchSpace visits).
    var parameterPositions: [(label: String, at: TextPosition)] = []

    init(text: String, source: String, rootLabel: String = Self.defaultRootLabel) {
        self.scalars = Array(text.unicodeScalars)
        self.source = source
        self.rootLabel = rootLabel
    }

    // MARK: Document

    /// Parses the whole text as one value with nothing but trivia after it.
    mutating func parseDocument() throws(SpaceParseError) -> Space {
        skipTrivia()
        guard peek != nil else {
            throw fail(at: position, "empty input: expected a search space such as {x: uniform(0, 1)}")
        }
        let space = try parseValue(label: rootLabel)
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

    /// The deepest nesting of records, lists and calls accepted: the parser recurses once per
    /// level, and a real space nests a few levels.
    static let maximumDepth = 100

    mutating func parseValue(label: String) throws(SpaceParseError) -> Space {
        skipTrivia()
        guard let scalar = peek else { throw endOfInput(expecting: "a value") }
        if openers.count >= Self.maximumDepth, scalar == "{" || scalar == "[" || Self.isWordStart(scalar) {
            throw fail(at: position, "the space nests deeper than \(Self.maximumDepth) records, lists and calls (the limit); flatten it")
        }
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

    mutating func parseRecord() throws(SpaceParseError) -> Space {
        openers.append((what: "record", bracket: "{", at: position))
        advance()
        var record = OrderedRecord<Space>()
        var keyPositions: [String: TextPosition] = [:]
        while let scalar = try elementStart(closedBy: "}", expecting: "a key") {
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
            if try elementEnd(closedBy: "}", context: "after the value of '\(key)'") { break }
        }
        openers.removeLast()
        return .record(record)
    }

    mutating func parseList(label: String) throws(SpaceParseError) -> Space {
        openers.append((what: "list", bracket: "[", at: position))
        advance()
        var items: [Space] = []
        while try elementStart(closedBy: "]", expecting: "a value") != nil {
            items.append(try parseValue(label: "\(label).\(items.count)"))
            if try elementEnd(closedBy: "]", context: "after a list element") { break }
        }
        openers.removeLast()
        return .list(items)
    }

    // Records, lists and call arguments are the same bracketed sequence: elements separated
    // by ',', a trailing ',' allowed, closed by one bracket.

    /// Before an element of a sequence closed by `closer`: skips trivia, then consumes the
    /// closer and returns nil (the sequence ended) or returns the element's first scalar.
    mutating func elementStart(closedBy closer: Unicode.Scalar, expecting element: String) throws(SpaceParseError) -> Unicode.Scalar? {
        skipTrivia()
        guard let scalar = peek else { throw endOfInput(expecting: "\(element) or '\(closer)'") }
        if scalar == closer { advance(); return nil }
        return scalar
    }

    /// After an element of a sequence closed by `closer`: skips trivia, then consumes ','
    /// (false: more may follow) or the closer (true: the sequence ended); anything else is an
    /// error `expected ',' or closer <context>`.
    mutating func elementEnd(closedBy closer: Unicode.Scalar, context: String) throws(SpaceParseError) -> Bool {
        skipTrivia()
        guard let separator = peek else { throw endOfInput(expecting: "',' or '\(closer)'") }
        if separator == "," { advance(); return false }
        if separator == closer { advance(); return true }
        throw fail(at: position, "expected ',' or '\(closer)' \(context), found \(describe(separator))" + unclosedHint(separator))
    }

    mutating func parseWordOrCall(label: String) throws(SpaceParseError) -> Space {
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
}
