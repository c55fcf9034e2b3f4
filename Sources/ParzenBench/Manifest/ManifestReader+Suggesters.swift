import Parzen
import Yams

extension ManifestReader {
    static let suggesterKeys = ["label", "algorithm", "options", "command", "timeout"]

    func suggesters(_ node: Node) throws(ManifestError) -> [(spec: SuggesterSpec, node: Node)] {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            throw error(node, "suggesters", "expected a non-empty list of algorithms (e.g. - tpe, - {label: tpe-g15, algorithm: tpe, options: {gamma: 0.15}}, or - {label: mine, command: [python3, mine.py]})")
        }
        var result: [(spec: SuggesterSpec, node: Node)] = []
        for (i, item) in sequence.enumerated() {
            let field = "suggesters[\(i)]"
            var label: String? = nil, options = OrderedRecord<Value>(), optionsNode: Node? = nil
            var command: [String]? = nil, commandNode: Node? = nil, timeout: Double? = nil, timeoutNode: Node? = nil
            let given = try named(item, field, nameKey: "algorithm", accepted: Self.suggesterKeys) { pair throws(ManifestError) in
                switch pair.key {
                case "label": label = try self.label(pair.value, "\(field).label")
                case "command": command = try self.command(pair.value, "\(field).command"); commandNode = pair.value
                case "timeout":
                    let seconds = try number(pair.value, "\(field).timeout")
                    guard seconds > 0 else { throw error(pair.value, "\(field).timeout", "expected a number of seconds > 0 (the wait for each reply of the program)") }
                    timeout = seconds; timeoutNode = pair.value
                default:
                    guard case .record(let record) = try value(pair.value, "\(field).options") else {
                        throw error(pair.value, "\(field).options", "expected a mapping of option names to values")
                    }
                    options = record
                    optionsNode = pair.value
                }
            }
            let nameNode = given.node
            if let command, let commandNode {
                if given.name != nil {
                    throw error(nameNode, "\(field).algorithm", "algorithm and command are exclusive: use algorithm for a built-in suggester, command for an external program")
                }
                guard let label else { throw error(item, "\(field).label", "missing; an external suggester (command) needs a label") }
                let configured: Algorithm
                do { configured = try Algorithm.external(command: command, options: options, timeout: timeout ?? 60) } catch {
                    throw self.error(commandNode, "\(field).command", "\(error)")
                }
                if result.contains(where: { $0.spec.label == label }) {
                    throw self.error(item, field, "duplicate suggester label '\(label)'; give each suggester a distinct label")
                }
                let program = ExternalSuggester.Options(command: command, options: options, timeout: timeout ?? 60)
                var spec = SuggesterSpec(label: label, algorithm: configured, program: program)
                spec.programHash = ProgramIdentity.hash(command: command)
                result.append((spec, item))
                continue
            }
            if let timeoutNode { throw error(timeoutNode, "\(field).timeout", "timeout applies to external suggesters only (with command)") }
            guard let name = given.name else {
                throw error(item, "\(field).algorithm", "missing; name an algorithm (see `parzen list suggesters`) or give a command (an external program)")
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
            guard resolvedLabel.count <= ManifestLimits.labelLength else {
                throw error(nameNode, field, "the label is \(resolvedLabel.count) characters long; at most \(ManifestLimits.labelLength) (it names folders)")
            }
            if result.contains(where: { $0.spec.label == resolvedLabel }) {
                throw error(item, field, "duplicate suggester label '\(resolvedLabel)'; give each suggester a distinct label")
            }
            result.append((SuggesterSpec(label: resolvedLabel, algorithm: configured), item))
        }
        return result
    }

    /// A command: a non-empty list of strings (the program and its arguments); a single
    /// string is not split (no shell).
    func command(_ node: Node, _ field: String) throws(ManifestError) -> [String] {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            throw error(node, field, "expected a non-empty list: the program and its arguments, e.g. [python3, adapters/example_suggester.py]")
        }
        var argv: [String] = []
        for (index, item) in sequence.enumerated() {
            guard case .scalar(let scalar) = item else { throw error(item, "\(field)[\(index)]", "expected a string") }
            argv.append(scalar.string)
        }
        guard !argv[0].isEmpty else { throw error(sequence[0], "\(field)[0]", "the program name is empty") }
        return argv
    }
}
