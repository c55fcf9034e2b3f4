import GSLKit

/// The sections of report.md on what did not go to plan (failed cells, runs shorter than their
/// budget), on expected running times, and on cost.
enum ReportSections {
    /// Failed cells, first in the report: every failure with its message (the first 50), and which
    /// problems and suggesters the statistics leave out. Empty without failures.
    static func failures(_ results: ResultSet) -> [String] {
        guard !results.failures.isEmpty else { return [] }
        var out = ["## Failed cells", ""]
        out.append("\(Gnuplot.count(results.failures.count, "cell")) failed (failures.csv); every finished cell is in runs.csv and trace.csv. "
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
    static func shortRuns(_ results: ResultSet) -> [String] {
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

    /// The indexes of the ECDF targets the ERT table shows: the easiest, the middle and the hardest.
    static let ertTargets = [0, ECDFTable.targetCount / 2, ECDFTable.targetCount - 1]

    /// `ert[target][suggester]` and the successes, for problem `p` at its targets `targets`.
    static func ert(_ results: ResultSet, problem p: Int, targets: [Double]) -> [[(ert: Double, successes: Int, runs: Int)]] {
        let runs = results.suggesters.indices.map { s in
            (curves: results.curves(problem: p, suggester: s).map { RuntimeECDF.Curve(evaluations: $0.evaluations, regrets: $0.regrets) },
             lengths: results.runLengths(problem: p, suggester: s))
        }
        return targets.map { target in
            runs.map { group in
                let hits = group.curves.map { $0.hittingEvaluation(of: target) }
                return (ExpectedRunningTime.ert(hits: hits, lengths: group.lengths), hits.compactMap { $0 }.count, hits.count)
            }
        }
    }

    /// The expected running time to the easiest, middle and hardest ECDF target of each problem.
    static func expectedRunningTimes(_ results: ResultSet) -> [String] {
        var out = ["## Expected running time", ""]
        out.append("COCO's expected running time (ERT) to reach a regret target: the evaluations all runs spent until they reached it "
                   + "(a run that never did counts with all of its evaluations) divided by the number of runs that reached it, "
                   + "which is the expected number of evaluations when every unsuccessful run is followed by another drawn at random (simulated restarts). "
                   + "Targets: the easiest, middle and hardest of each problem's \(ECDFTable.targetCount) ECDF targets. "
                   + "Each cell: ERT (runs that reached the target / runs); lower is better, inf where no run reached it. "
                   + (results.traces == nil ? "Without trace.csv the runs are known at the checkpoints only, so a target counts as reached at the first checkpoint at or below it."
                      : "From trace.csv, exact to the evaluation."))
        out.append("")
        out.append("| problem | target | " + results.suggesters.map { ReportMarkdown.escape($0.label) }.joined(separator: " | ") + " |")
        out.append("|:---|---:|" + String(repeating: "---:|", count: results.suggesters.count))
        for (p, problem) in results.problems.enumerated() {
            let all = ECDFTable.targets(results, problem: p)
            let targets = ertTargets.map { all[min($0, all.count - 1)] }
            for (t, row) in ert(results, problem: p, targets: targets).enumerated() {
                let cells = row.map { "\(ReportMarkdown.format($0.ert)) (\($0.successes)/\($0.runs))" }
                out.append("| \(t == 0 ? ReportMarkdown.escape(problem.label) : "") | \(ReportMarkdown.format(targets[t])) | " + cells.joined(separator: " | ") + " |")
            }
        }
        out.append("")
        return out
    }

    /// A time in seconds as µs, ms or s with three significant digits.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return ReportMarkdown.format(seconds) }
        if seconds < 1e-3 { return String(format: "%.3g µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.3g ms", seconds * 1e3) }
        return String(format: "%.3g s", seconds)
    }

    /// The cost section, from cost.csv; says the timings are absent when the folder has none.
    static func cost(_ results: ResultSet, plots: String) -> [String] {
        var out = ["## Cost", ""]
        guard let rows = results.cost, !rows.isEmpty else {
            out.append("No timings: this results folder has no cost.csv (collected before cost.csv existed, or copied without it). "
                       + "`parzen collect` writes it from the times recorded in the cell files.")
            out.append("")
            return out
        }
        out.append("**Depends on the machine.** These times were measured while the cells ran, on that machine under its load at the time; "
                   + "unlike the rest of this report they differ from one run to the next (cost.csv, outside the byte-identical files). "
                   + "Per trial: a run's total suggestion time (set-up included) or evaluation time divided by its trials; "
                   + "the median over runs per problem, then the median over problems per suggester.")
        out.append("")
        out.append("| suggester | suggestion per trial, median | [smallest, largest problem median] | evaluation per trial, median | trials per run (N) |")
        out.append("|:---|---:|---:|---:|---:|")
        for suggester in results.suggesters {
            let mine = rows.filter { $0.suggester == suggester.label }
            guard !mine.isEmpty else { continue }
            let suggest = Statistics.sorted(mine.map(\.suggest))
            let evaluate = Statistics.sorted(mine.map(\.evaluate))
            let trials = Statistics.sorted(mine.map(\.trials))
            out.append("| \(ReportMarkdown.escape(suggester.label)) | \(duration(Statistics.median(sorted: suggest))) | "
                       + "[\(duration(suggest.first!)), \(duration(suggest.last!))] | \(duration(Statistics.median(sorted: evaluate))) | "
                       + "\(ReportMarkdown.format(Statistics.median(sorted: trials))) |")
        }
        out.append("")
        out.append("The cell files record each run's total times, not each trial's, so the growth of a suggestion's cost with the trial index "
                   + "inside a run is not measured here; the picture shows the time per trial against the run length N, one point per problem, "
                   + "which spreads only where problems have different budgets or runs stop short. "
                   + "`parzen bench suggest` measures one suggester's cost against N trial by trial.")
        out.append("")
        out.append("![Suggestion time per trial against trials per run](\(ReportMarkdown.link(plots, PlotCatalog.cost + ".png")))")
        out.append("")
        return out
    }
}
