import Foundation
import Parzen
import Yams

extension Manifest {
    /// Reads and validates a manifest file (YAML; JSON is accepted too, being YAML).
    ///
    /// - Throws: ``ManifestError`` naming the file, line, column and field, what was wrong and
    ///   what is accepted. Nothing runs before the whole manifest is valid.
    public init(contentsOf path: String) throws(ManifestError) {
        let text: String
        do { text = try TextFile.contents(path) } catch {
            throw ManifestError(file: path, line: nil, column: nil, field: "", message: "cannot read the manifest: it \(error.reason)")
        }
        try self.init(yaml: text, source: path)
    }

    /// Parses and validates manifest text; `source` names it in messages.
    public init(yaml text: String, source: String) throws(ManifestError) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ManifestError(file: source, line: 1, column: 1, field: "", message: "the manifest is empty; expected a mapping with name, problems and suggesters")
            }
            root = node
            let nodes = ManifestLimits.expandedNodeCount(node, limit: ManifestLimits.yamlNodes)
            if nodes > ManifestLimits.yamlNodes {
                throw ManifestError(file: source, line: nil, column: nil, field: "",
                                    message: "the manifest expands to more than \(ManifestLimits.yamlNodes) YAML nodes (the limit), counting each alias (*name) as a copy of its anchor; write it without nested aliases")
            }
        } catch let error as ManifestError {
            throw error
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping(let keys, _) = error, let key = keys.first {
                throw ManifestReader.duplicateKeyError(key, in: text, source: source)
            }
            throw ManifestReader.syntaxError(error, source: source)
        } catch {
            throw ManifestError(file: source, line: nil, column: nil, field: "", message: "not valid YAML: \(error)")
        }
        self = try ManifestReader(source: source).manifest(from: root)
    }
}

/// Walks the YAML node tree with positions, one field at a time.
struct ManifestReader {
    let source: String

    static let topLevelKeys = ["name", "seed", "repeats", "budget", "checkpoints", "problems", "suggesters"]

    func error(_ node: Node?, _ field: String, _ message: String) -> ManifestError {
        ManifestError(file: source, line: node?.mark?.line, column: node?.mark?.column, field: field, message: message)
    }

    /// A key given twice in one mapping, at its second use (Yams names the key, not where).
    static func duplicateKeyError(_ key: String, in text: String, source: String) -> ManifestError {
        var uses: [(line: Int, column: Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            let keyScalars = Array(key.unicodeScalars)
            var column = 0
            while column + keyScalars.count <= scalars.count {
                let before = column == 0 ? " " : scalars[column - 1]
                if Array(scalars[column..<(column + keyScalars.count)]) == keyScalars, " {,-\t\"'".unicodeScalars.contains(before) {
                    var after = column + keyScalars.count
                    if after < scalars.count, scalars[after] == "\"" || scalars[after] == "'" { after += 1 }
                    while after < scalars.count, scalars[after] == " " { after += 1 }
                    if after < scalars.count, scalars[after] == ":" { uses.append((index + 1, column + 1)) }
                }
                column += 1
            }
        }
        let first = uses.first.map { " (first at line \($0.line))" } ?? ""
        let at = uses.count >= 2 ? uses[1] : uses.first
        return ManifestError(file: source, line: at?.line, column: at?.column, field: "",
                             message: "key '\(key)' is given twice in one mapping\(first); keep one")
    }

    static func syntaxError(_ error: YamlError, source: String) -> ManifestError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ManifestError(file: source, line: mark.line, column: mark.column, field: "", message: "YAML syntax error: \(problem)")
        case .reader(let problem, let offset, let value, let yaml):
            // The offset counts UTF-8 bytes; the position is given in lines and characters.
            let before = offset.map { String(decoding: yaml.utf8.prefix($0), as: UTF8.self) }
            let line = before.map { $0.reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
            let column = before.map { ($0.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1 }
            let character = "U+" + String(format: "%04X", value)
            return ManifestError(file: source, line: line, column: column, field: "",
                                 message: "YAML error: \(problem) (\(character)); remove the character, or write it as an escape in a double-quoted string")
        default:
            // Yams' other descriptions quote the line with a caret under it: the first line only.
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
            return ManifestError(file: source, line: nil, column: nil, field: "", message: "YAML error: \(first)")
        }
    }

    /// A list item written as a bare name (`- branin`) or as a mapping that names it under
    /// `nameKey` (`- {function: branin, dims: 2}`): the name (nil when the mapping leaves it out)
    /// and the node that holds it (the item when the mapping leaves it out). `other` reads every
    /// other key of the mapping in the order written, after unknown and repeated keys are rejected.
    func named(
        _ item: Node, _ field: String, nameKey: String, accepted: [String],
        other: (_ pair: (key: String, keyNode: Node, value: Node)) throws(ManifestError) -> Void
    ) throws(ManifestError) -> (name: String?, node: Node) {
        if case .scalar = item { return (try string(item, field), item) }
        var name: String? = nil, node = item
        for pair in try pairs(item, field, accepted: accepted) {
            if pair.key == nameKey {
                name = try string(pair.value, "\(field).\(nameKey)")
                node = pair.value
            } else {
                try other(pair)
            }
        }
        return (name, node)
    }

    /// The mapping's pairs, rejecting unknown and repeated keys.
    func pairs(_ node: Node, _ field: String, accepted: [String]) throws(ManifestError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, field, "expected a mapping with keys \(accepted.joined(separator: ", "))")
        }
        var result: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(keyNode, field, "keys must be strings") }
            let path = field.isEmpty ? key : "\(field).\(key)"
            guard accepted.contains(key) else {
                let hint = NameSuggestion.nearest(to: key, in: accepted).map { "did you mean '\($0)'? " } ?? ""
                throw error(keyNode, path, "unknown key; \(hint)accepted: \(accepted.joined(separator: ", "))")
            }
            guard !result.contains(where: { $0.key == key }) else { throw error(keyNode, path, "given twice") }
            result.append((key, keyNode, value))
        }
        return result
    }

    func string(_ node: Node, _ field: String) throws(ManifestError) -> String {
        guard case .scalar(let scalar) = node else { throw error(node, field, "expected a string") }
        return scalar.string
    }

    func label(_ node: Node, _ field: String) throws(ManifestError) -> String {
        let text = try string(node, field)
        guard Self.isLabel(text) else {
            throw error(node, field, "'\(text)' is not a valid label; use letters, digits, '.', '_' and '-' (it names folders)")
        }
        guard text.count <= ManifestLimits.labelLength else {
            throw error(node, field, "the label is \(text.count) characters long; at most \(ManifestLimits.labelLength) (it names folders)")
        }
        return text
    }

    static func isLabel(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".." && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
    }

    func integer(_ node: Node, _ field: String, atLeast minimum: Int, atMost maximum: Int? = nil) throws(ManifestError) -> Int {
        guard case .scalar = node, let value = node.int else {
            throw error(node, field, "expected a whole number >= \(minimum)" + (maximum.map { " and <= \($0)" } ?? ""))
        }
        guard value >= minimum else { throw error(node, field, "must be >= \(minimum), got \(value)") }
        if let maximum, value > maximum { throw error(node, field, "must be at most \(maximum) (the limit), got \(value)") }
        return value
    }

    func number(_ node: Node, _ field: String) throws(ManifestError) -> Double {
        guard case .scalar = node, let value = node.int.map(Double.init) ?? node.float, value.isFinite else {
            throw error(node, field, "expected a finite number")
        }
        return value
    }

    /// A YAML node as a plain value (options of suggesters).
    func value(_ node: Node, _ field: String) throws(ManifestError) -> Value {
        switch node {
        case .scalar(let scalar):
            if node.null != nil && scalar.style == .plain { return .null }
            if let b = node.bool, scalar.style == .plain { return .bool(b) }
            if let i = node.int, scalar.style == .plain { return .int(i) }
            if let d = node.float, scalar.style == .plain { return .double(d) }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [Value] = []
            for (i, item) in sequence.enumerated() { items.append(try value(item, "\(field)[\(i)]")) }
            return .list(items)
        case .mapping(let mapping):
            var record = OrderedRecord<Value>()
            for (keyNode, item) in mapping {
                guard let key = keyNode.string else { throw error(keyNode, field, "keys must be strings") }
                record[key] = try value(item, "\(field).\(key)")
            }
            return .record(record)
        case .alias:
            throw error(node, field, "YAML aliases are not supported")
        }
    }

    func manifest(from root: Node) throws(ManifestError) -> Manifest {
        var fields: [String: (keyNode: Node, value: Node)] = [:]
        for pair in try pairs(root, "", accepted: Self.topLevelKeys) { fields[pair.key] = (pair.keyNode, pair.value) }
        for required in ["name", "problems", "suggesters"] where fields[required] == nil {
            throw error(root, required, "missing; a manifest needs name, problems and suggesters")
        }
        let name = try label(fields["name"]!.value, "name")
        let seed: UInt64
        if let node = fields["seed"]?.value {
            guard case .scalar(let scalar) = node, let parsed = UInt64(scalar.string) else {
                throw error(node, "seed", "expected a whole number in 0...\(UInt64.max)")
            }
            seed = parsed
        } else {
            seed = 1
        }
        let repeats = try fields["repeats"].map { (f) throws(ManifestError) in try integer(f.value, "repeats", atLeast: 1, atMost: ManifestLimits.repeats) } ?? 10
        let budget = try fields["budget"].map { (f) throws(ManifestError) in try integer(f.value, "budget", atLeast: 1, atMost: ManifestLimits.budget) } ?? 100
        let checkpoints = try fields["checkpoints"].map { (f) throws(ManifestError) in try self.checkpoints(f.value, budget: budget) }
            ?? Manifest.defaultCheckpoints(budget: budget)
        let problems = try self.problems(fields["problems"]!.value, budget: budget)
        let suggesters = try self.suggesters(fields["suggesters"]!.value)
        for (index, suggester) in suggesters.enumerated() where !suggester.spec.algorithm.capabilities.contains(.conditionalSpaces) {
            if let problem = problems.first(where: { $0.space.isConditional }) {
                throw error(suggester.node, "suggesters[\(index)]",
                            "'\(suggester.spec.label)' (\(suggester.spec.algorithm.name)) cannot search the conditional space of problem '\(problem.label)'; remove one of them")
            }
        }
        for (index, suggester) in suggesters.enumerated() {
            for problem in problems {
                do { try suggester.spec.algorithm.check(space: problem.space) } catch {
                    throw self.error(suggester.node, "suggesters[\(index)]",
                                     "'\(suggester.spec.label)' (\(suggester.spec.algorithm.name)) cannot search problem '\(problem.label)': \(error); remove one of them")
                }
            }
        }
        try checkSize(problems: problems, suggesters: suggesters.count, repeats: repeats, budget: budget, fields: fields, root: root)
        return Manifest(name: name, seed: seed, repeats: repeats, budget: budget, checkpoints: checkpoints,
                        problems: problems, suggesters: suggesters.map(\.spec), source: source)
    }

    /// Checks problems × suggesters × repeats against ``ManifestLimits/cells`` and the trials
    /// collect holds (× budget) against the machine's memory.
    func checkSize(problems: [ProblemSpec], suggesters: Int, repeats: Int, budget: Int,
                   fields: [String: (keyNode: Node, value: Node)], root: Node) throws(ManifestError) {
        let node = fields["repeats"]?.value ?? fields["budget"]?.value ?? root
        let field = fields["repeats"] != nil ? "repeats" : "budget"
        let cells = problems.count * suggesters * repeats  // each factor is bounded: no overflow
        guard cells <= ManifestLimits.cells else {
            throw error(node, field, "\(problems.count) problems × \(suggesters) suggesters × \(repeats) repeats = \(cells) cells, more than the limit of \(ManifestLimits.cells); lower repeats or split the manifest")
        }
        var bytes = 0.0
        for problem in problems {
            let trials = Double(suggesters * repeats) * Double(problem.budget ?? budget)
            bytes += trials * Double(ManifestLimits.bytesPerTrial(labels: problem.space.labels.count))
        }
        let memory = Double(ManifestLimits.physicalMemory)
        guard bytes <= memory else {
            let gigabytes = { (value: Double) in String(format: "%.1f GB", value / 1e9) }
            throw error(fields["budget"]?.value ?? node, fields["budget"] != nil ? "budget" : field,
                        "repeats × budget: \(problems.count) problems × \(suggesters) suggesters × \(repeats) repeats × \(budget) evaluations need about \(gigabytes(bytes)) of memory to collect, more than this machine's \(gigabytes(memory)); lower repeats or budget")
        }
    }

    func checkpoints(_ node: Node, budget: Int) throws(ManifestError) -> [Int] {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            throw error(node, "checkpoints", "expected a non-empty list of evaluation counts in 1...\(budget)")
        }
        var values: [Int] = []
        for (i, item) in sequence.enumerated() {
            let value = try integer(item, "checkpoints[\(i)]", atLeast: 1)
            guard value <= budget else { throw error(item, "checkpoints[\(i)]", "\(value) is beyond the budget; accepted: 1...\(budget)") }
            guard values.last.map({ value > $0 }) ?? true else {
                throw error(item, "checkpoints[\(i)]", "\(value) does not increase; checkpoints must be strictly increasing")
            }
            values.append(value)
        }
        if values.last != budget { values.append(budget) }
        return values
    }
}
