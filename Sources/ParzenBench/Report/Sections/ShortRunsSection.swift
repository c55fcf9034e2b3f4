/// `## Runs shorter than the budget`: the runs that stopped before their budget. Only when
/// there are such runs.
enum ShortRunsSection: ReportSection {
    static let title = "Runs shorter than the budget"

    static func applies(to results: ResultsSummary) -> Bool { !results.shortRuns.isEmpty }

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        var out = ["These runs stopped before their budget because the suggester had nothing left to propose (a grid smaller than the budget, "
                   + "an external suggester that said it was exhausted). runs.csv has no row past a run's last evaluation; "
                   + "short-runs.csv holds its final value, which the statistics count at every later checkpoint.", ""]
        for line in ShortRunsTable.summaryLines(results.shortRuns) { out.append("- \(ReportMarkdown.escape(line))") }
        out.append("")
        return out
    }
}
