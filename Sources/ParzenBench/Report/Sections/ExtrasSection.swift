import GSLKit

/// `## Where proposal extras changed` (only with extras.csv): per problem, suggester and key that
/// changed after a run's first trial, how many runs it changed in, the median [min, max] number
/// of changes per run, and replicate 0's changes as `trial (value)`. Keys that never change
/// within a run are named once.
enum ExtrasSection: ReportSection {
    static let title = "Where proposal extras changed"

    static func applies(to results: ResultsSummary) -> Bool { !results.extras.isEmpty }

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        let rows = results.extras
        var out: [String] = []
        out.append("Suggesters that report proposal extras record their changes within each run (extras.csv). "
                   + "For cmaes, `cmaes_run` numbers the runs of the evolution strategy inside a search: each change is a restart, "
                   + "at the trial shown, and `cmaes_popsize` is the new run's population.")
        out.append("")
        var table: [String] = []
        // (suggester, key) that never changed within a run, with the problems where.
        var constant: [(name: String, problems: Int)] = []
        for (p, problem) in results.problems.enumerated() {
            for (s, suggester) in results.suggesters.enumerated() {
                let mine = rows.filter { $0.problem == problem.label && $0.suggester == suggester.label }
                guard !mine.isEmpty else { continue }
                let replicates = results.perProblem[p].replicates[s]
                var keys: [String] = []
                for row in mine where !keys.contains(row.key) { keys.append(row.key) }
                for key in keys {
                    // A run's changes after its first proposal.
                    var counts = [Int](repeating: 0, count: replicates)
                    var firstSeen = Set<Int>()
                    var zero: [String] = []
                    for row in mine where row.key == key {
                        if firstSeen.insert(row.replicate).inserted { continue }
                        if row.replicate < replicates { counts[row.replicate] += 1 }
                        if row.replicate == 0 { zero.append("\(row.trial) (\(row.value))") }
                    }
                    let changed = counts.filter { $0 > 0 }.count
                    guard changed > 0 else {
                        let name = "\(ReportMarkdown.escape(suggester.label)) `\(key)`"
                        if let index = constant.firstIndex(where: { $0.name == name }) { constant[index].problems += 1 } else { constant.append((name, 1)) }
                        continue
                    }
                    let sorted = Statistics.sorted(counts.map(Double.init))
                    let shown = zero.isEmpty ? "none" : zero.prefix(12).joined(separator: ", ") + (zero.count > 12 ? ", … (\(zero.count) in all)" : "")
                    table.append("| \(ReportMarkdown.escape(problem.label)) | \(ReportMarkdown.escape(suggester.label)) | \(ReportMarkdown.escape(key)) | \(changed) of \(replicates) | "
                                 + "\(ReportMarkdown.format(Statistics.median(sorted: sorted))) [\(Int(sorted.first ?? 0)), \(Int(sorted.last ?? 0))] | \(ReportMarkdown.escape(shown)) |")
                }
            }
        }
        if table.isEmpty {
            out.append("No extra changed within a run.")
        } else {
            out.append("| problem | suggester | extra | runs with a change | changes per run, median [min, max] | replicate 0: trial (new value) |")
            out.append("|:---|:---|:---|---:|---:|:---|")
            out += table
        }
        out.append("")
        if !constant.isEmpty {
            out.append("Constant within every run: " + constant.map { "\($0.name) (\(Wording.count($0.problems, "problem")))" }.joined(separator: "; ") + ".")
            out.append("")
        }
        return out
    }
}
