import Foundation
import Parzen
import Yams

extension ManifestReader {
    static let functionProblemKeys = ["function", "dims", "noise", "label", "instance", "budget"]
    static let externalProblemKeys = ["label", "command", "protocol", "space", "template", "direction", "optimum", "timeout", "budget"]
    static let problemKeys = ["function", "dims", "noise", "label", "instance", "budget", "command", "protocol", "space", "template", "direction", "optimum", "timeout"]

    func problems(_ node: Node, budget: Int = .max) throws(ManifestError) -> [ProblemSpec] {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            throw error(node, "problems", "expected a non-empty list of functions (e.g. - branin, or - {function: rosenbrock, dims: 5}) or programs (- {label: mine, command: [python3, train.py], protocol: worker, space: \"{x: uniform(0, 1)}\"})")
        }
        var problems: [ProblemSpec] = []
        for (i, item) in sequence.enumerated() {
            let field = "problems[\(i)]"
            var problem: ProblemSpec
            if case .mapping(let mapping) = item, mapping.keys.contains(where: { $0.string == "command" }) {
                problem = try externalProblem(item, field)
            } else {
                problem = try functionProblem(item, field)
            }
            if let node = item["budget"] {
                let own = try integer(node, "\(field).budget", atLeast: 1)
                guard own <= budget else {
                    throw error(node, "\(field).budget", "\(own) is beyond the manifest's budget; accepted: 1...\(budget) (raise the manifest's budget, which bounds the checkpoints)")
                }
                problem.budget = own
            }
            if problems.contains(where: { $0.label == problem.label }) {
                throw error(item, field, "duplicate problem label '\(problem.label)'; give each problem a distinct label")
            }
            problems.append(problem)
        }
        return problems
    }

    /// `- branin` or `{function: rosenbrock, dims: 5, noise: 0.1, label: …}`; a `bbob-` function
    /// also takes `instance: N` or `instance: replicate` (docs/coco-bbob.md).
    func functionProblem(_ item: Node, _ field: String) throws(ManifestError) -> ProblemSpec {
        var dims: Int? = nil, noise = 0.0, explicitLabel: String? = nil, instanceNode: Node? = nil
        let given = try named(item, field, nameKey: "function", accepted: Self.problemKeys) { pair throws(ManifestError) in
            switch pair.key {
            case "dims": dims = try integer(pair.value, "\(field).dims", atLeast: 1)
            case "noise":
                noise = try number(pair.value, "\(field).noise")
                guard noise >= 0 else { throw error(pair.value, "\(field).noise", "must be >= 0 (the noise's standard deviation)") }
            case "label": explicitLabel = try self.label(pair.value, "\(field).label")
            case "instance": instanceNode = pair.value
            case "budget": break  // read by problems(_:budget:)
            default:
                throw error(pair.keyNode, "\(field).\(pair.key)",
                            "only a problem with a command (an external program) takes '\(pair.key)'; a test function takes \(Self.functionProblemKeys.joined(separator: ", "))")
            }
        }
        guard let key = given.name else {
            throw error(item, "\(field).function", "missing; name a test function (see `parzen list functions`) or give a command (see docs/external-objectives.md)")
        }
        let keyNode = given.node
        if key.hasPrefix("bbob-") {
            return try bbobProblem(key: key, keyNode: keyNode, dims: dims, noise: noise, instanceNode: instanceNode,
                                   explicitLabel: explicitLabel, item: item, field: field)
        }
        if let instanceNode {
            throw error(instanceNode, "\(field).instance", "only bbob-f1 … bbob-f24 take an instance; '\(key)' has none")
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
        return ProblemSpec(label: label, objective: TestFunctionObjective(function: resolved, requestedDimension: dims, noise: noise))
    }

    /// `{function: bbob-f15, dims: 10, instance: 3}` (instance 1 when absent) or
    /// `instance: replicate` (replicate r runs instance (r mod 15) + 1).
    func bbobProblem(key: String, keyNode: Node, dims: Int?, noise: Double, instanceNode: Node?, explicitLabel: String?,
                     item: Node, field: String) throws(ManifestError) -> ProblemSpec {
        guard let number = TestFunctionRegistry.bbobNumber(key) else {
            throw error(keyNode, "\(field).function", "unknown bbob function '\(key)'; accepted: bbob-f1 … bbob-f24")
        }
        guard noise == 0 else {
            throw error(item, "\(field).noise", "the bbob functions here are COCO's noiseless suite; drop noise")
        }
        var instances = BBOBObjective.Instances.fixed(1)
        if let node = instanceNode {
            if case .scalar(let scalar) = node, scalar.string == "replicate" {
                instances = .byReplicate
            } else if case .scalar(let scalar) = node, let value = Int(scalar.string) {
                guard value >= 1 else {
                    throw error(node, "\(field).instance", "\(value) is not an instance; accepted: an instance number >= 1, or replicate (replicate r runs instance (r mod 15) + 1)")
                }
                instances = .fixed(value)
            } else {
                throw error(node, "\(field).instance", "expected an instance number >= 1, or replicate (replicate r runs instance (r mod 15) + 1)")
            }
        }
        let objective: BBOBObjective
        do { objective = try BBOBObjective(number: number, dimension: dims ?? 2, instances: instances) } catch {
            let at: Node = if case .badDimension = error { item["dims"] ?? item } else if case .badInstance = error { instanceNode ?? item } else { keyNode }
            throw self.error(at, field, "\(error)")
        }
        var label = explicitLabel ?? key
        if explicitLabel == nil {
            if let dims { label += "-\(dims)d" }
            if case .fixed(let i) = instances, instanceNode != nil { label += "-i\(i)" }
        }
        return ProblemSpec(label: label, objective: objective)
    }

    /// `{label: …, command: [argv…], protocol: worker|template, space: "…", template: FILE,
    /// direction: minimize|maximize, optimum: x, timeout: seconds}` (docs/external-objectives.md).
    func externalProblem(_ item: Node, _ field: String) throws(ManifestError) -> ProblemSpec {
        var nodes: [String: (keyNode: Node, value: Node)] = [:]
        for pair in try pairs(item, field, accepted: Self.problemKeys) {
            guard Self.externalProblemKeys.contains(pair.key) else {
                throw error(pair.keyNode, "\(field).\(pair.key)",
                            "a problem with a command is an external program and takes no '\(pair.key)'; accepted: \(Self.externalProblemKeys.joined(separator: ", "))")
            }
            nodes[pair.key] = (pair.keyNode, pair.value)
        }
        guard let labelNode = nodes["label"]?.value else {
            throw error(item, "\(field).label", "missing; a problem with a command needs a label (it names folders and rows)")
        }
        let label = try self.label(labelNode, "\(field).label")
        guard let protocolNode = nodes["protocol"]?.value else {
            throw error(item, "\(field).protocol", "missing; say how Parzen talks to the program: protocol: worker (JSON lines) or protocol: template ({{…}} markers)")
        }
        let protocolName = try string(protocolNode, "\(field).protocol")
        guard let kind = ExternalObjective.Kind(rawValue: protocolName) else {
            throw error(protocolNode, "\(field).protocol", "unknown protocol '\(protocolName)'; accepted: worker, template")
        }

        // command: a non-empty list of strings.
        let commandNode = nodes["command"]!.value
        guard case .sequence(let argumentNodes) = commandNode, !argumentNodes.isEmpty else {
            throw error(commandNode, "\(field).command", "expected the program and its arguments as a list, e.g. [python3, examples/sklearn/knn_worker.py]")
        }
        var command: [String] = []
        for (j, argument) in argumentNodes.enumerated() {
            guard case .scalar = argument else { throw error(argument, "\(field).command[\(j)]", "expected a string (one argument)") }
            command.append(try string(argument, "\(field).command[\(j)]"))
        }
        guard !command[0].isEmpty else { throw error(argumentNodes[0], "\(field).command[0]", "the program name is empty") }

        var direction = Direction.minimize
        if let node = nodes["direction"]?.value {
            let text = try string(node, "\(field).direction")
            guard let parsed = Direction(rawValue: text) else {
                throw error(node, "\(field).direction", "unknown direction '\(text)'; accepted: minimize, maximize")
            }
            direction = parsed
        }
        let optimum = try nodes["optimum"].map { (n) throws(ManifestError) in try number(n.value, "\(field).optimum") }
        var timeout = 300.0
        if let node = nodes["timeout"]?.value {
            timeout = try number(node, "\(field).timeout")
            guard timeout > 0 else { throw error(node, "\(field).timeout", "must be > 0 (seconds per evaluation)") }
        }

        let objective: ExternalObjective
        switch kind {
        case .worker:
            if let node = nodes["template"] {
                throw error(node.keyNode, "\(field).template", "a worker takes no template; use protocol: template for {{…}} markers, or drop template")
            }
            guard let spaceNode = nodes["space"]?.value else {
                throw error(item, "\(field).space", "missing; a worker needs its space in Parzen's text form, e.g. space: \"{x: uniform(-5, 5)}\"")
            }
            guard case .scalar = spaceNode else {
                throw error(spaceNode, "\(field).space", "expected the space as text; quote it (space: \"{x: uniform(0, 1)}\") or write it as a block (space: |), since YAML would read its braces and commas itself")
            }
            let text = try string(spaceNode, "\(field).space")
            let space: SearchSpace
            do { space = try SearchSpace(parsing: text, source: "\(field).space") } catch {
                throw positioned(error, in: spaceNode, field: "\(field).space")
            }
            for (j, argument) in command.enumerated() where argument.contains("{{") {
                throw self.error(argumentNodes[j], "\(field).command[\(j)]", "a worker's command takes no {{…}} markers (the worker receives each point as JSON); use protocol: template")
            }
            objective = ExternalObjective(worker: command, space: space, direction: direction, knownOptimum: optimum, timeout: timeout)
        case .template:
            if let node = nodes["space"] {
                throw error(node.keyNode, "\(field).space", "a template's space comes from its {{…}} markers; drop space (see `parzen template FILE` for the space read)")
            }
            var templates: [ObjectiveTemplate] = []
            var next = 1
            for (j, argument) in command.enumerated() {
                do {
                    let template = try ObjectiveTemplate(parsing: argument, source: "\(field).command[\(j)]", firstNumber: next)
                    next += template.markers.count
                    templates.append(template)
                } catch {
                    throw positioned(error, in: argumentNodes[j], field: "\(field).command[\(j)]")
                }
            }
            var file: ExternalObjective.TemplateFile? = nil
            if let node = nodes["template"]?.value {
                let path = try string(node, "\(field).template")
                let text: String
                do { text = try TextFile.contents(path) } catch {
                    throw self.error(node, "\(field).template", "cannot read the template file: \(error) (relative paths start from the folder parzen runs in)")
                }
                guard command.contains(where: { $0.contains("{file}") }) else {
                    throw self.error(commandNode, "\(field).command", "the command never mentions {file}, the filled-in copy of '\(path)'; pass it, e.g. [python3, \"{file}\"]")
                }
                do { templates.append(try ObjectiveTemplate(parsing: text, source: path, firstNumber: next)) } catch {
                    throw self.error(node, "\(field).template", "\(error)")
                }
                file = ExternalObjective.TemplateFile(path: path, text: text)
            } else if let j = command.firstIndex(where: { $0.contains("{file}") }) {
                throw self.error(argumentNodes[j], "\(field).command[\(j)]", "{file} names the filled-in template file, but there is no template; add template: FILE")
            }
            let set: TemplateSet
            do { set = try TemplateSet(templates: templates) } catch {
                if let j = command.indices.first(where: { "\(field).command[\($0)]" == error.source }) {
                    throw positioned(error, in: argumentNodes[j], field: error.source)
                }
                throw self.error(nodes["template"]?.value ?? commandNode, nodes["template"] == nil ? "\(field).command" : "\(field).template", "\(error)")
            }
            do {
                objective = try ExternalObjective(template: command, templates: set, templateFile: file, direction: direction, knownOptimum: optimum, timeout: timeout)
            } catch {
                throw self.error(commandNode, "\(field).command", "\(error)")
            }
        }
        var spec = ProblemSpec(label: label, objective: objective)
        spec.programHash = ProgramIdentity.hash(command: command)
        return spec
    }

    /// Moves an error at `line`:`column` of a scalar's text to its place in the manifest: exact
    /// for one-line plain and quoted scalars and for block scalars (`|`) of a readable file;
    /// otherwise at the scalar, naming the text's own line and column.
    func positioned(_ error: SpaceParseError, in node: Node, field: String) -> ManifestError {
        positioned(line: error.line, column: error.column, message: error.message, in: node, field: field)
    }


    func positioned(line: Int, column: Int, message: String, in node: Node, field: String) -> ManifestError {
        guard case .scalar(let scalar) = node, let mark = scalar.mark else {
            return self.error(node, field, "\(message) (at line \(line), column \(column) of the text)")
        }
        let own = " (line \(line), column \(column) of the text)"
        switch scalar.style {
        case .plain, .singleQuoted, .doubleQuoted:
            // Exact unless the text spans lines or quoting escapes shift its columns.
            let offset = scalar.style == .plain ? 0 : 1
            let escapes = scalar.style == .doubleQuoted && (scalar.string.contains("\\") || scalar.string.contains("\""))
                || scalar.style == .singleQuoted && scalar.string.contains("'")
            if line == 1 && !scalar.string.contains("\n") && !escapes {
                return ManifestError(file: source, line: mark.line, column: mark.column + offset + column - 1, field: field, message: message)
            }
        case .literal:
            // Content line k is manifest line mark.line + k, indented by the block's indentation.
            if let text = try? String(contentsOfFile: source, encoding: .utf8) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                // The block's indentation is its first line's.
                let index = mark.line + line - 1
                if index < lines.count, mark.line < lines.count {
                    let indent = lines[mark.line].prefix { $0 == " " }.count
                    return ManifestError(file: source, line: mark.line + line, column: indent + column, field: field, message: message)
                }
            }
        default: break
        }
        return ManifestError(file: source, line: mark.line, column: mark.column, field: field, message: message + own)
    }
}
