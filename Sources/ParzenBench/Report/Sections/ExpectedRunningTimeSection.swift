/// `## Expected running time`: COCO's ERT to the easiest, middle and hardest ECDF target of each
/// problem, per suggester.
enum ExpectedRunningTimeSection: ReportSection {
    static let title = "Expected running time"

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        let explanation = "COCO's expected running time (ERT) to reach a regret target: the evaluations all runs spent until they reached it "
            + "(a run that never did counts with all of its evaluations) divided by the number of runs that reached it, "
            + "which is the expected number of evaluations when every unsuccessful run is followed by another drawn at random (simulated restarts). "
            + "Targets: the easiest, middle and hardest of each problem's \(ECDFTable.targetCount) ECDF targets. "
            + "Each cell: ERT (runs that reached the target / runs); lower is better, inf where no run reached it. "
            + (!results.hasTraces ? "Without trace.csv the runs are known at the checkpoints only, so a target counts as reached at the first checkpoint at or below it."
               : "From trace.csv, exact to the evaluation.")
        var out = [explanation, ""] + ReportMarkdown.tableHead(results, first: ["problem", "target"])
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
