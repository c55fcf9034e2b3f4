import Parzen

// Hyperas-style templates: a command line or a file with the search space written inline.
//
//     python3 train.py --lr {{lr: loguniform(-9.2, 0)}} --activation {{choice(relu, sigmoid)}}
//
// A marker is `{{` EXPRESSION `}}` or `{{` NAME `:` EXPRESSION `}}`, where EXPRESSION is a call
// in Parzen's text form (`uniform(0, 1)`, `choice(relu, sigmoid)`, `quniform(1, 9, 1)`, …) and
// NAME a word (letters, digits, `_`, `.`, `-`, starting with a letter or `_`). An unnamed
// marker is named `pK` after its position: K counts every marker (named or not, references
// included) in reading order from 1, so the second marker of a template is `p2` whatever the
// others are called. `{{NAME}}` alone repeats the value of the named marker NAME (declared
// anywhere in the same template set). `{{"…"}}` writes the quoted text itself (so `{{"{{"}}`
// writes a literal `{{`). Whitespace inside the braces is free; a marker may span lines.
//
// The space of a template set is the record {NAME: EXPRESSION, …} of its defining markers in
// reading order; each marker's parameters are labelled as if it were written under its name
// in that record (`NAME`, `NAME.0`, … and the record keys inside it), so `parzen template`
// prints it in the text form and `SearchSpace(parsing:)` reads it back identically.

/// A template that cannot be read, with where: `source:line:column: message` (the same shape as
/// a space's parse error, whose markers it contains; `source` is a file path, `command[2]`, …).
public typealias TemplateError = SpaceParseError

/// One `{{…}}` marker of a template.
public struct TemplateMarker: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Declares a parameter (its expression holds at least one search-space call).
        case parameter(Space)
        /// `{{NAME}}`: repeats the value of a named marker.
        case reference
        /// `{{"text"}}`: writes the text.
        case literal(String)
    }

    /// The parameter name: given (`{{lr: …}}`), derived (`p3`), or referred to (`{{lr}}`); empty for literals.
    public let name: String
    /// Whether the name was written in the marker (false: derived from the position).
    public let isNamed: Bool
    public let kind: Kind
    /// The expression as written (trimmed).
    public let expression: String
    /// 1-based position of the opening `{{` in its template.
    public let line: Int
    public let column: Int
}

/// A text with markers: literal pieces and markers alternating.
public struct ObjectiveTemplate: Sendable, Equatable {
    public enum Piece: Sendable, Equatable {
        case text(String)
        case marker(Int)
    }

    /// The template's name in messages (a file path, `command[2]`).
    public let source: String
    public let pieces: [Piece]
    /// The markers, in reading order; ``Piece/marker(_:)`` indexes this array.
    public let markers: [TemplateMarker]

    /// Whether the text has any marker.
    public var hasMarkers: Bool { !markers.isEmpty }

    /// Splits `text` into literal pieces and markers.
    ///
    /// - Parameter firstNumber: the position number of the first marker (unnamed markers are
    ///   named `p<number>`), so several templates of one set number their markers in sequence.
    /// - Throws: ``TemplateError`` for an unterminated marker, an empty one, a bad name or an
    ///   expression that does not parse (positioned inside the template).
    public init(parsing text: String, source: String, firstNumber: Int = 1) throws(TemplateError) {
        self.source = source
        var scanner = ObjectiveTemplateScanner(text: text, source: source)
        var pieces: [Piece] = []
        var markers: [TemplateMarker] = []
        while true {
            let literal = scanner.scanLiteral()
            if !literal.isEmpty { pieces.append(.text(literal)) }
            guard scanner.atMarker else { break }
            let marker = try scanner.scanMarker(number: firstNumber + markers.count)
            pieces.append(.marker(markers.count))
            markers.append(marker)
        }
        self.pieces = pieces
        self.markers = markers
    }

    /// The text with every marker replaced by its value in `point` (a record keyed by name).
    public func filled(with point: Value) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .marker(let index):
                let marker = markers[index]
                if case .literal(let text) = marker.kind { out += text } else { out += TemplateValue.text(point[marker.name] ?? .null) }
            }
        }
        return out
    }
}

/// Several templates that share one space (a command's arguments and a template file), numbered
/// in sequence: the unnamed markers of the second continue the count of the first.
public struct TemplateSet: Sendable, Equatable {
    public let templates: [ObjectiveTemplate]
    /// The space read from the markers: a record of the defining markers, in reading order.
    public let space: SearchSpace
    /// The defining markers, in reading order (one per parameter name).
    public let definitions: [TemplateMarker]

    /// Parses each `(text, source)` in order and derives the space.
    ///
    /// - Throws: ``TemplateError`` for a marker that does not parse, a name declared twice, a
    ///   reference to an undeclared name, a space rule broken (e.g. low ≥ high, a duplicate
    ///   label inside two choices), or no parameter at all when `requireParameters`.
    public init(parsing texts: [(text: String, source: String)], requireParameters: Bool = true) throws(TemplateError) {
        var templates: [ObjectiveTemplate] = []
        var next = 1
        for (text, source) in texts {
            let template = try ObjectiveTemplate(parsing: text, source: source, firstNumber: next)
            next += template.markers.count
            templates.append(template)
        }
        try self.init(templates: templates, requireParameters: requireParameters)
    }

    public init(templates: [ObjectiveTemplate], requireParameters: Bool = true) throws(TemplateError) {
        self.templates = templates
        var definitions: [(marker: TemplateMarker, source: String)] = []
        var references: [(marker: TemplateMarker, source: String)] = []
        for template in templates {
            for marker in template.markers {
                switch marker.kind {
                case .parameter:
                    if let first = definitions.first(where: { $0.marker.name == marker.name }) {
                        throw TemplateError(
                            source: template.source, line: marker.line, column: marker.column,
                            message: "the name '\(marker.name)' is declared twice (first at \(first.source):\(first.marker.line):\(first.marker.column)); write {{\(marker.name)}} to repeat its value, or rename one")
                    }
                    definitions.append((marker, template.source))
                case .reference: references.append((marker, template.source))
                case .literal: break
                }
            }
        }
        for (marker, source) in references where !definitions.contains(where: { $0.marker.name == marker.name }) {
            let names = definitions.map(\.marker.name)
            let hint = NameSuggestion.nearest(to: marker.name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw TemplateError(
                source: source, line: marker.line, column: marker.column,
                message: "{{\(marker.name)}} refers to no named marker\(hint); declare it as {{\(marker.name): uniform(0, 1)}} or write a call such as {{uniform(0, 1)}}")
        }
        if requireParameters && definitions.isEmpty {
            throw TemplateError(source: templates.first?.source ?? "<template>", line: 1, column: 1,
                                message: "no {{…}} marker declares a parameter; write one such as {{lr: loguniform(-9.2, 0)}}")
        }
        var record = OrderedRecord<Space>()
        for (marker, _) in definitions {
            if case .parameter(let space) = marker.kind { record[marker.name] = space }
        }
        do { space = try SearchSpace(.record(record)) } catch {
            let owner = definitions.first { error.label == $0.marker.name || error.label.hasPrefix($0.marker.name + ".") }
                ?? definitions.first { marker in
                    if case .parameter(let space) = marker.marker.kind { return space.containsLabel(error.label) }
                    return false
                }
                ?? definitions[0]
            throw TemplateError(source: owner.source, line: owner.marker.line, column: owner.marker.column, message: "\(error)")
        }
        self.definitions = definitions.map(\.marker)
    }

    /// The template set's markers, with their source, in reading order.
    public var allMarkers: [(source: String, marker: TemplateMarker)] {
        templates.flatMap { template in template.markers.map { (template.source, $0) } }
    }
}

/// How a marker's value is written into the text.
public enum TemplateValue {
    /// Numbers in Swift's shortest round-trip form (`0.001`, `1e-05`, `3`), strings as they are,
    /// Booleans as `true`/`false`, null as `null`, lists and records as JSON.
    public static func text(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return ObjectiveJSON.number(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .list, .record: return ObjectiveJSON.encode(value)
        }
    }
}

extension Space {
    /// Whether any parameter in the tree has this label.
    func containsLabel(_ wanted: String) -> Bool {
        switch self {
        case .constant: return false
        case .parameter(let label, let distribution):
            if label == wanted { return true }
            switch distribution {
            case .choice(let options), .pchoice(let options, _): return options.contains { $0.containsLabel(wanted) }
            default: return false
            }
        case .list(let items): return items.contains { $0.containsLabel(wanted) }
        case .record(let record): return record.contains { $0.value.containsLabel(wanted) }
        }
    }

    /// Whether the tree holds at least one parameter.
    var hasParameters: Bool {
        switch self {
        case .constant: return false
        case .parameter: return true
        case .list(let items): return items.contains { $0.hasParameters }
        case .record(let record): return record.contains { $0.value.hasParameters }
        }
    }
}

/// Scans a template's text for markers, tracking line and column (in Unicode scalars).
struct ObjectiveTemplateScanner {
    let scalars: [Unicode.Scalar]
    let source: String
    var index = 0
    var line = 1
    var column = 1

    init(text: String, source: String) {
        scalars = Array(text.unicodeScalars)
        self.source = source
    }

    var atMarker: Bool { index + 1 < scalars.count && scalars[index] == "{" && scalars[index + 1] == "{" }

    mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    /// Text up to the next `{{` or the end.
    mutating func scanLiteral() -> String {
        var out = String.UnicodeScalarView()
        while index < scalars.count && !atMarker {
            out.append(scalars[index])
            advance()
        }
        return String(out)
    }

    /// The marker at `{{`: finds its closing `}}` outside quotes and brackets, then reads it.
    mutating func scanMarker(number: Int) throws(TemplateError) -> TemplateMarker {
        let (openLine, openColumn) = (line, column)
        advance(); advance()
        let contentStart = (index: index, line: line, column: column)
        var depth = 0
        var quote: Unicode.Scalar? = nil
        while true {
            guard index < scalars.count else {
                throw TemplateError(source: source, line: openLine, column: openColumn,
                                    message: "unterminated marker: '{{' without a closing '}}'")
            }
            let scalar = scalars[index]
            if let q = quote {
                if scalar == "\\" && index + 1 < scalars.count { advance() } else if scalar == q { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "(" || scalar == "[" || scalar == "{" {
                depth += 1
            } else if scalar == "}" && depth == 0 && index + 1 < scalars.count && scalars[index + 1] == "}" {
                break
            } else if scalar == ")" || scalar == "]" || scalar == "}" {
                depth -= 1
            }
            advance()
        }
        let content = Array(scalars[contentStart.index..<index])
        advance(); advance()
        return try readMarker(content, line: contentStart.line, column: contentStart.column,
                              openLine: openLine, openColumn: openColumn, number: number)
    }

    /// Reads a marker's content: `NAME: EXPRESSION`, `EXPRESSION`, `NAME` or `"text"`.
    func readMarker(_ content: [Unicode.Scalar], line: Int, column: Int, openLine: Int, openColumn: Int, number: Int) throws(TemplateError) -> TemplateMarker {
        // Position of content[i].
        func position(_ i: Int) -> (line: Int, column: Int) {
            var (l, c) = (line, column)
            for k in 0..<i { if content[k] == "\n" { l += 1; c = 1 } else { c += 1 } }
            return (l, c)
        }
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" }
        func isWordStart(_ s: Unicode.Scalar) -> Bool { s == "_" || s.properties.isAlphabetic }
        func isWord(_ s: Unicode.Scalar) -> Bool { isWordStart(s) || ("0"..."9").contains(s) || s == "." || s == "-" }

        var i = 0
        while i < content.count && isSpace(content[i]) { i += 1 }
        guard i < content.count else {
            throw TemplateError(source: source, line: openLine, column: openColumn,
                                message: "empty marker {{}}; write a call such as {{uniform(0, 1)}} or {{lr: loguniform(-9.2, 0)}}")
        }
        // A leading word followed by ':' (or by nothing) is a name.
        var name: String? = nil
        var expressionStart = i
        if isWordStart(content[i]) {
            var j = i
            while j < content.count && isWord(content[j]) { j += 1 }
            var k = j
            while k < content.count && isSpace(content[k]) { k += 1 }
            let word = String(String.UnicodeScalarView(content[i..<j]))
            if k == content.count {
                return TemplateMarker(name: word, isNamed: true, kind: .reference, expression: word, line: openLine, column: openColumn)
            }
            if content[k] == ":" {
                name = word
                expressionStart = k + 1
                while expressionStart < content.count && isSpace(content[expressionStart]) { expressionStart += 1 }
                guard expressionStart < content.count else {
                    let at = position(k)
                    throw TemplateError(source: source, line: at.line, column: at.column,
                                        message: "nothing after '\(word):'; write a call such as {{\(word): uniform(0, 1)}}")
                }
            }
        }
        var end = content.count
        while end > expressionStart && isSpace(content[end - 1]) { end -= 1 }
        let expression = String(String.UnicodeScalarView(content[expressionStart..<end]))
        let start = position(expressionStart)
        let label = name ?? "p\(number)"
        let parsed: Space
        // Parsed under its name, as it sits in the template set's record {NAME: EXPRESSION, …}.
        do { parsed = try Space(parsing: expression, source: source, rootLabel: label) } catch {
            // Map the expression's own line:column into the template.
            let l = start.line + error.line - 1
            let c = error.line == 1 ? start.column + error.column - 1 : error.column
            throw TemplateError(source: source, line: l, column: c, message: error.message)
        }
        if case .constant(.string(let text)) = parsed, name == nil, content[expressionStart] == "\"" || content[expressionStart] == "'" {
            return TemplateMarker(name: "", isNamed: false, kind: .literal(text), expression: expression, line: openLine, column: openColumn)
        }
        guard parsed.hasParameters else {
            throw TemplateError(
                source: source, line: start.line, column: start.column,
                message: "'\(expression)' declares no parameter; a marker holds a call such as uniform(0, 1) or choice(relu, sigmoid) (a quoted string such as {{\"{{\"}} writes itself)")
        }
        return TemplateMarker(name: label, isNamed: name != nil, kind: .parameter(parsed),
                              expression: expression, line: openLine, column: openColumn)
    }
}
