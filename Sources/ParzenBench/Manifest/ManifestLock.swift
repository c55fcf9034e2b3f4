import Parzen

/// manifest.lock.yaml: the manifest as run, with every default filled in, the seeds of every
/// cell and the versions, so a result folder documents itself. Deterministic text.
enum ManifestLock {
    static let parzenVersion = "0.1.0"

    static func text(for manifest: Manifest) -> String {
        var lines = [
            "# The manifest as run (defaults filled in) with the seeds of every cell. Written by parzen collect.",
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
        lines.append("cells:")
        for cell in manifest.cells {
            lines.append("  - {cell: \(cell.name), problem_seed: \(cell.problemSeed), suggester_seed: \(cell.suggesterSeed), fingerprint: \"\(cell.fingerprint)\"}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
