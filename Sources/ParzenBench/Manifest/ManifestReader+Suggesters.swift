import Parzen
import Yams

extension ManifestReader {
    static let suggesterKeys = ["label", "algorithm", "options"]

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
