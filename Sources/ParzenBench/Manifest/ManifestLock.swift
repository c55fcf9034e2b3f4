import Parzen

/// manifest.lock.yaml: the manifest as run, with every default filled in, how every cell's seeds
/// and fingerprint are derived (with the few seeds that needed a collision salt, and a digest of
/// all of them to check a re-derivation against) and the versions, so a result folder documents
/// itself. Its size does not grow with the repeats. Deterministic text.
enum ManifestLock {
    static let parzenVersion = "0.1.0"

    static func text(for manifest: Manifest) -> String {
        var lines = [
            "# The manifest as run (defaults filled in) and how every cell's seeds are derived. Written by parzen collect.",
            "parzen_version: \(parzenVersion)",
            "cell_format: \(Cell.formatVersion)",
            "source: \(quoted(manifest.source))",
            "name: \(manifest.name)",
            "seed: \(manifest.seed)",
            "repeats: \(manifest.repeats)",
            "budget: \(manifest.budget)",
            "checkpoints: [\(manifest.checkpoints.map(String.init).joined(separator: ", "))]",
            "problems:",
        ]
        for problem in manifest.problems {
            let budget = problem.budget.map { ", budget: \($0)" } ?? ""
            lines.append("  - {label: \(problem.label), \(problem.objective.lockFields), direction: \(problem.direction.rawValue)\(budget)}")
        }
        lines.append("suggesters:")
        for suggester in manifest.suggesters {
            let options = suggester.algorithm.options.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            lines.append("  - {label: \(suggester.label), algorithm: \(suggester.algorithm.name), options: {\(options)}}")
        }
        let catalog = manifest.catalog
        var digest = SeedDerivation.fnv1a64([])
        var salted: [String] = []
        for index in 0..<catalog.count {
            let cell = catalog.cell(at: index)
            digest = SeedDerivation.fnv1a64(Array(digestLine(cell).utf8), continuing: digest)
            for (role, seed) in [(SeedDerivation.Role.problem, cell.problemSeed), (.suggester, cell.suggesterSeed)] {
                let suggester = role == .problem ? "" : cell.suggester.label
                if let salt = salt(of: seed, manifest: manifest, role: role, problem: cell.problem.label, suggester: suggester, replicate: cell.replicate),
                   role == .suggester || cell.suggester.label == manifest.suggesters[0].label {
                    salted.append("{cell: \(cell.name), stream: \(role.rawValue), salt: \(salt)}")
                }
            }
        }
        lines += [
            "cell_count: \(catalog.count)",
            "cell_order: problems as listed, then suggesters as listed, then replicates 0 to repeats - 1",
            "seeds:",
            "  problem_seed: 'seed of the text SEED, problem, PROBLEM, an empty field, REPLICATE joined by U+001F'",
            "  suggester_seed: 'seed of the text SEED, suggester, PROBLEM, SUGGESTER, REPLICATE joined by U+001F'",
            "  seed_of_text: 'FNV-1a 64 of the UTF-8, then the SplitMix64 finaliser, its two 32-bit halves xor-ed; 0 becomes 0x9E3779B9'",
            "  collisions: 'a seed equal to an earlier replicate''s of the same stream is derived again with U+001F and saltK appended, K = 1, 2, and so on'",
            "  salted: [\(salted.joined(separator: ", "))]",
            "  fingerprint: 'FNV-1a 64 of parzen-cell-v\(Cell.formatVersion)|PROBLEM|SUGGESTER|budget=B|replicate=R|problem_seed=P|suggester_seed=S (canonical texts of the problem and suggester), SplitMix64 finaliser, 16 hex digits'",
            "  digest: \"\(SeedDerivation.fingerprint(hash: digest))\"",
        ]
        return lines.joined(separator: "\n") + "\n"
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

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
