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
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ManifestError(file: path, line: nil, column: nil, field: "", message: "cannot read the manifest: \(error.localizedDescription)")
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
        } catch let error as ManifestError {
            throw error
        } catch let error as YamlError {
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
    static let problemKeys = ["function", "dims", "noise", "label"]
    static let suggesterKeys = ["label", "algorithm", "options"]

    func error(_ node: Node?, _ field: String, _ message: String) -> ManifestError {
        ManifestError(file: source, line: node?.mark?.line, column: node?.mark?.column, field: field, message: message)
    }

    static func syntaxError(_ error: YamlError, source: String) -> ManifestError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ManifestError(file: source, line: mark.line, column: mark.column, field: "", message: "YAML syntax error: \(problem)")
        default:
            return ManifestError(file: source, line: nil, column: nil, field: "", message: "YAML error: \(error)")
        }
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
        return text
    }

    static func isLabel(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".." && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
    }

    func integer(_ node: Node, _ field: String, atLeast minimum: Int) throws(ManifestError) -> Int {
        guard case .scalar = node, let value = node.int else { throw error(node, field, "expected a whole number >= \(minimum)") }
        guard value >= minimum else { throw error(node, field, "must be >= \(minimum), got \(value)") }
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
        let repeats = try fields["repeats"].map { (f) throws(ManifestError) in try integer(f.value, "repeats", atLeast: 1) } ?? 10
        let budget = try fields["budget"].map { (f) throws(ManifestError) in try integer(f.value, "budget", atLeast: 1) } ?? 100
        let checkpoints = try fields["checkpoints"].map { (f) throws(ManifestError) in try self.checkpoints(f.value, budget: budget) }
            ?? Manifest.defaultCheckpoints(budget: budget)
        let problems = try self.problems(fields["problems"]!.value)
        let suggesters = try self.suggesters(fields["suggesters"]!.value)
        for (index, suggester) in suggesters.enumerated() where !suggester.spec.algorithm.capabilities.contains(.conditionalSpaces) {
            if let problem = problems.first(where: { $0.space.isConditional }) {
                throw error(suggester.node, "suggesters[\(index)]",
                            "'\(suggester.spec.label)' (\(suggester.spec.algorithm.name)) cannot search the conditional space of problem '\(problem.label)'; remove one of them")
            }
        }
        return Manifest(name: name, seed: seed, repeats: repeats, budget: budget, checkpoints: checkpoints,
                        problems: problems, suggesters: suggesters.map(\.spec), source: source)
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

    func problems(_ node: Node) throws(ManifestError) -> [ProblemSpec] {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            throw error(node, "problems", "expected a non-empty list of functions (e.g. - branin, or - {function: rosenbrock, dims: 5})")
        }
        var problems: [ProblemSpec] = []
        for (i, item) in sequence.enumerated() {
            let field = "problems[\(i)]"
            var key: String, keyNode = item, dims: Int? = nil, noise = 0.0, explicitLabel: String? = nil
            if case .scalar = item {
                key = try string(item, field)
            } else {
                var function: String? = nil
                for pair in try pairs(item, field, accepted: Self.problemKeys) {
                    switch pair.key {
                    case "function": function = try string(pair.value, "\(field).function"); keyNode = pair.value
                    case "dims": dims = try integer(pair.value, "\(field).dims", atLeast: 1)
                    case "noise":
                        noise = try number(pair.value, "\(field).noise")
                        guard noise >= 0 else { throw error(pair.value, "\(field).noise", "must be >= 0 (the noise's standard deviation)") }
                    default: explicitLabel = try label(pair.value, "\(field).label")
                    }
                }
                guard let function else { throw error(item, "\(field).function", "missing; name a test function (see `parzen list functions`)") }
                key = function
            }
            let resolved: TestFunction
            do { resolved = try TestFunctionRegistry.function(named: key, dimension: dims) } catch {
                throw self.error(keyNode, field, "\(error)")
            }
            var label = explicitLabel ?? key
            if explicitLabel == nil {
                if let dims { label += "-\(dims)d" }
                if noise > 0 { label += "-noisy" }
            }
            if problems.contains(where: { $0.label == label }) {
                throw error(item, field, "duplicate problem label '\(label)'; give each problem a distinct label")
            }
            problems.append(ProblemSpec(label: label, objective: TestFunctionObjective(function: resolved, requestedDimension: dims, noise: noise)))
        }
        return problems
    }

    func suggesters(_ node: Node) throws(ManifestError) -> [(spec: SuggesterSpec, node: Node)] {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            throw error(node, "suggesters", "expected a non-empty list of algorithms (e.g. - tpe, or - {label: tpe-g15, algorithm: tpe, options: {gamma: 0.15}})")
        }
        var result: [(spec: SuggesterSpec, node: Node)] = []
        for (i, item) in sequence.enumerated() {
            let field = "suggesters[\(i)]"
            var name: String, nameNode = item, label: String? = nil
            var options = OrderedRecord<Value>(), optionsNode: Node? = nil
            if case .scalar = item {
                name = try string(item, field)
            } else {
                var algorithm: String? = nil
                for pair in try pairs(item, field, accepted: Self.suggesterKeys) {
                    switch pair.key {
                    case "algorithm": algorithm = try string(pair.value, "\(field).algorithm"); nameNode = pair.value
                    case "label": label = try self.label(pair.value, "\(field).label")
                    default:
                        guard case .record(let record) = try value(pair.value, "\(field).options") else {
                            throw error(pair.value, "\(field).options", "expected a mapping of option names to values")
                        }
                        options = record
                        optionsNode = pair.value
                    }
                }
                guard let algorithm else { throw error(item, "\(field).algorithm", "missing; name an algorithm (see `parzen list suggesters`)") }
                name = algorithm
            }
            let configured: Algorithm
            do { configured = try Algorithm.named(name, options: options) } catch {
                if case .invalidOption(let option, _) = error, case .mapping(let mapping)? = optionsNode,
                   let keyNode = mapping.first(where: { $0.key.string == option })?.key {
                    throw self.error(keyNode, "\(field).options.\(option)", "\(error)")
                }
                throw self.error(optionsNode ?? nameNode, field, "\(error)")
            }
            let resolvedLabel = label ?? name
            guard Self.isLabel(resolvedLabel) else { throw error(nameNode, field, "'\(resolvedLabel)' cannot be a label; add label: with letters, digits, '.', '_', '-'") }
            if result.contains(where: { $0.spec.label == resolvedLabel }) {
                throw error(item, field, "duplicate suggester label '\(resolvedLabel)'; give each suggester a distinct label")
            }
            result.append((SuggesterSpec(label: resolvedLabel, algorithm: configured), item))
        }
        return result
    }
}
