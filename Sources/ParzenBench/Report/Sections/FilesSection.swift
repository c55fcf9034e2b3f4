/// `## Files`, last: the columns of each data file of the results folder.
enum FilesSection: ReportSection {
    static let title = "Files"

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        func columns(_ header: [String]) -> String { "`" + header.joined(separator: ",") + "`" }
        var out: [String] = []
        out.append("- runs.csv: `problem,suggester,replicate,evaluations,best_loss,regret`, one row per checkpoint of every run.")
        if results.hasTraces {
            out.append("- trace.csv: \(columns(TraceTable.header)), one row per improvement of the best-so-far in every run.")
        }
        out.append("- tests.csv: \(columns(PairwiseTable.header)), every pair at every checkpoint.")
        out.append("- ranks.csv: \(columns(RankTable.header)).")
        out.append("- ecdf.csv: \(columns(ECDFTable.header)).")
        out.append("- samples.csv: `problem,suggester,trial,x,y,loss`, replicate 0 on the 1-D and 2-D problems.")
        if !results.extras.isEmpty {
            out.append("- extras.csv: \(columns(ExtrasTable.header)), each change of a proposal extra within a run.")
        }
        if !results.shortRuns.isEmpty {
            out.append("- short-runs.csv: \(columns(ShortRunsTable.header)), each run that stopped before its budget.")
        }
        if !results.failures.isEmpty {
            out.append("- failures.csv: \(columns(FailuresTable.header)), each failed cell.")
        }
        if results.cost != nil {
            out.append("- cost.csv: \(columns(CostTable.header)), times per trial (depend on the machine).")
        }
        return out
    }
}
