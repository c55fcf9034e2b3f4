import Parzen
import Yams

/// manifest.lock.yaml: the manifest as run, with every default filled in, how every cell's seeds
/// and fingerprint are derived (with the few seeds that needed a collision salt, and a digest of
/// all of them to check a re-derivation against) and the versions, so a result folder documents
/// itself. Its size does not grow with the repeats.
///
/// Written through Yams (a node tree emitted without line wrapping, after a one-line comment),
/// so labels, paths and option strings are quoted wherever YAML needs it; read through Yams by
/// ``root(of:file:)``. Deterministic text: keys in a fixed order, numbers in their shortest
/// round-trip spelling. Files written by hand before (the same keys, block sequences indented
/// by two spaces, some strings quoted where Yams leaves them plain) read the same.
enum ManifestLock {
    static let parzenVersion = "0.1.0"
    static let header = "# The manifest as run (defaults filled in) and how every cell's seeds are derived. Written by parzen collect.\n"

    /// The text of the lock file for `manifest`.
    ///
    /// - Complexity: O(cells) to derive the digest and the salts.
    static func text(for manifest: Manifest) -> String {
        do {
            return header + (try Yams.serialize(node: node(for: manifest), width: -1, allowUnicode: true))
        } catch {
            // Only a malformed tree fails to emit, and the tree is built here from strings and numbers.
            preconditionFailure("the lock file's YAML could not be emitted: \(error)")
        }
    }

    /// The lock file as a YAML node tree.
    static func node(for manifest: Manifest) -> Node {
        let problems = manifest.problems.map { problem in
            var fields: [(String, Value)] = [("label", .string(problem.label))]
            fields += problem.objective.lockFields
            fields.append(("direction", .string(problem.direction.rawValue)))
            if let budget = problem.budget { fields.append(("budget", .int(budget))) }
            return node(fields)
        }
        let suggesters = manifest.suggesters.map { suggester in
            node([("label", .string(suggester.label)), ("algorithm", .string(suggester.algorithm.name)),
                  ("options", .record(suggester.algorithm.options))])
        }
        let catalog = manifest.catalog
        var digest = SeedDerivation.fnv1a64([])
        var salted: [Node] = []
        for index in 0..<catalog.count {
            let cell = catalog.cell(at: index)
            digest = SeedDerivation.fnv1a64(Array(digestLine(cell).utf8), continuing: digest)
            for (role, seed) in [(SeedDerivation.Role.problem, cell.problemSeed), (.suggester, cell.suggesterSeed)] {
                let suggester = role == .problem ? "" : cell.suggester.label
                if let salt = salt(of: seed, manifest: manifest, role: role, problem: cell.problem.label, suggester: suggester, replicate: cell.replicate),
                   role == .suggester || cell.suggester.label == manifest.suggesters[0].label {
                    salted.append(node([("cell", .string(cell.name)), ("stream", .string(role.rawValue)), ("salt", .int(salt))]))
                }
            }
        }
        let seeds: [(String, Node)] = [
            ("problem_seed", text("seed of the text SEED, problem, PROBLEM, an empty field, REPLICATE joined by U+001F")),
            ("suggester_seed", text("seed of the text SEED, suggester, PROBLEM, SUGGESTER, REPLICATE joined by U+001F")),
            ("seed_of_text", text("FNV-1a 64 of the UTF-8, then the SplitMix64 finaliser, its two 32-bit halves xor-ed; 0 becomes 0x9E3779B9")),
            ("collisions", text("a seed equal to an earlier replicate's of the same stream is derived again with U+001F and saltK appended, K = 1, 2, and so on")),
            ("salted", .sequence(.init(salted, .implicit, .flow))),
            ("fingerprint", text("FNV-1a 64 of parzen-cell-v\(Cell.formatVersion)|PROBLEM|SUGGESTER|budget=B|replicate=R|problem_seed=P|suggester_seed=S (canonical texts of the problem and suggester), SplitMix64 finaliser, 16 hex digits")),
            ("digest", text(SeedDerivation.fingerprint(hash: digest))),
        ]
        let root: [(String, Node)] = [
            ("parzen_version", text(parzenVersion)),
            ("cell_format", node(.int(Cell.formatVersion))),
            ("source", text(manifest.source)),
            ("name", text(manifest.name)),
            ("seed", .scalar(.init(String(manifest.seed)))),
            ("repeats", node(.int(manifest.repeats))),
            ("budget", node(.int(manifest.budget))),
            ("checkpoints", node(.list(manifest.checkpoints.map(Value.int)))),
            ("problems", .sequence(.init(problems, .implicit, .block))),
            ("suggesters", .sequence(.init(suggesters, .implicit, .block))),
            ("cell_count", node(.int(catalog.count))),
            ("cell_order", text("problems as listed, then suggesters as listed, then replicates 0 to repeats - 1")),
            ("seeds", .mapping(.init(seeds.map { (text($0.0), $0.1) }, .implicit, .block))),
        ]
        return .mapping(.init(root.map { (text($0.0), $0.1) }, .implicit, .block))
    }

    /// A string as Yams writes one: plain when it reads back as the same string, quoted otherwise.
    private static func text(_ string: String) -> Node { .scalar(string.represented()) }

    /// A flow mapping of `fields`.
    private static func node(_ fields: [(String, Value)]) -> Node {
        .mapping(.init(fields.map { (text($0.0), node($0.1)) }, .implicit, .flow))
    }

    /// A value on one line: numbers and Booleans plain in their shortest round-trip spelling
    /// (`nan`, `inf`, `-inf` for the non-finite), strings as ``text(_:)``, lists and records as
    /// flow collections.
    private static func node(_ value: Value) -> Node {
        switch value {
        case .null: return .scalar(.init("null"))
        case .bool(let b): return .scalar(.init(b ? "true" : "false"))
        case .int(let i): return .scalar(.init(String(i)))
        case .double: return .scalar(.init(value.description))
        case .string(let s): return text(s)
        case .list(let items): return .sequence(.init(items.map(node), .implicit, .flow))
        case .record(let record): return node(record.map { ($0.key, $0.value) })
        }
    }

    /// The root of a lock file's text, parsed by Yams.
    ///
    /// - Throws: ``AnalysisError`` naming `file` when the text is empty or not YAML.
    static func root(of text: String, file: String) throws(AnalysisError) -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else { throw AnalysisError(file: file, message: "empty lock file") }
            return node
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw AnalysisError(file: file, message: "not valid YAML: \(error)")
        }
    }

    /// The line of a cell that the lock's digest hashes: `CELL PROBLEM_SEED SUGGESTER_SEED FINGERPRINT` and a newline.
    static func digestLine(_ cell: Cell) -> String {
        "\(cell.name) \(cell.problemSeed) \(cell.suggesterSeed) \(cell.fingerprint)\n"
    }

    /// The salt that gave `seed`, when it is not the unsalted derivation (a collision).
    private static func salt(of seed: UInt32, manifest: Manifest, role: SeedDerivation.Role, problem: String, suggester: String, replicate: Int) -> Int? {
        func derived(_ salt: Int) -> UInt32 {
            SeedDerivation.seed(manifestSeed: manifest.seed, role: role, problem: problem, suggester: suggester, replicate: replicate, salt: salt)
        }
        guard derived(0) != seed else { return nil }
        return (1...).first { derived($0) == seed }
    }
}

extension Manifest {
    /// The text of manifest.lock.yaml for this manifest, as collect writes it.
    ///
    /// - Complexity: O(cells).
    public var lockFileText: String { ManifestLock.text(for: self) }
}
