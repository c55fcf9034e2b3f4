import Parzen
import Yams

extension ManifestReader {
    static let problemKeys = ["function", "dims", "noise", "label"]

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
}
