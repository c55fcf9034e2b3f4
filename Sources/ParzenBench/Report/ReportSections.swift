import GSLKit

/// The sections of report.md on what did not go to plan (failed cells, runs shorter than their
/// budget) and on expected running times.
enum ReportSections {
    /// Failed cells, first in the report: every failure with its message (the first 50), and which
    /// problems and suggesters the statistics leave out. Empty without failures.
    static func failures(_ results: ResultsInfo) -> [String] {
        guard !results.failures.isEmpty else { return [] }
        var out = ["## Failed cells", ""]
        out.append("\(Wording.count(results.failures.count, "cell")) failed (failures.csv); every finished cell is in runs.csv and trace.csv. "
                   + "The statistics, tables and pictures below use complete groups only, (problem, suggester) pairs with every replicate finished"
                   + (results.leftOutProblems.isEmpty && results.leftOutSuggesters.isEmpty ? "." : ":")
                   + (results.leftOutSuggesters.isEmpty ? "" : " left out suggester\(results.leftOutSuggesters.count == 1 ? "" : "s") "
                      + results.leftOutSuggesters.map { ReportMarkdown.escape($0) }.joined(separator: ", ") + ";")
                   + (results.leftOutProblems.isEmpty ? "" : " left out problem\(results.leftOutProblems.count == 1 ? "" : "s") "
                      + results.leftOutProblems.map { ReportMarkdown.escape($0) }.joined(separator: ", ") + ";"))
        out.append("")
        out.append("| problem | suggester | replicate | message |")
        out.append("|:---|:---|---:|:---|")
        for row in results.failures.prefix(50) {
            out.append("| \(ReportMarkdown.escape(row.problem)) | \(ReportMarkdown.escape(row.suggester)) | \(row.replicate) | \(ReportMarkdown.escape(row.message)) |")
        }
        if results.failures.count > 50 { out.append("| … | | | \(results.failures.count - 50) more in failures.csv |") }
        out.append("")
        return out
    }

    /// Runs that stopped before their budget. Empty without such runs.
    static func shortRuns(_ results: ResultsInfo) -> [String] {
        guard !results.shortRuns.isEmpty else { return [] }
        var out = ["## Runs shorter than the budget", ""]
        out.append("These runs stopped before their budget because the suggester had nothing left to propose (a grid smaller than the budget, "
                   + "an external suggester that said it was exhausted). runs.csv has no row past a run's last evaluation; "
                   + "short-runs.csv holds its final value, which the statistics count at every later checkpoint.")
        out.append("")
        for line in ShortRunsTable.summaryLines(results.shortRuns) { out.append("- \(ReportMarkdown.escape(line))") }
        out.append("")
        return out
    }

    /// The expected running time to the easiest, middle and hardest ECDF target of each problem.
    static func expectedRunningTimes(_ results: ResultsSummary) -> [String] {
        var out = ["## Expected running time", ""]
        out.append("COCO's expected running time (ERT) to reach a regret target: the evaluations all runs spent until they reached it "
                   + "(a run that never did counts with all of its evaluations) divided by the number of runs that reached it, "
                   + "which is the expected number of evaluations when every unsuccessful run is followed by another drawn at random (simulated restarts). "
                   + "Targets: the easiest, middle and hardest of each problem's \(ECDFTable.targetCount) ECDF targets. "
                   + "Each cell: ERT (runs that reached the target / runs); lower is better, inf where no run reached it. "
                   + (!results.hasTraces ? "Without trace.csv the runs are known at the checkpoints only, so a target counts as reached at the first checkpoint at or below it."
                      : "From trace.csv, exact to the evaluation."))
        out.append("")
        out.append("| problem | target | " + results.suggesters.map { ReportMarkdown.escape($0.label) }.joined(separator: " | ") + " |")
        out.append("|:---|---:|" + String(repeating: "---:|", count: results.suggesters.count))
        for (p, problem) in results.problems.enumerated() {
            let times = results.perProblem[p].expectedRunningTimes
            let targets = times.targets
            for (t, row) in times.rows.enumerated() {
                let cells = row.map { "\(ReportMarkdown.format($0.ert)) (\($0.successes)/\($0.runs))" }
                out.append("| \(t == 0 ? ReportMarkdown.escape(problem.label) : "") | \(ReportMarkdown.format(targets[t])) | " + cells.joined(separator: " | ") + " |")
            }
        }
        out.append("")
        return out
    }
}
