/// `## Runtime ECDF`: the runtime ECDF picture and each problem's easiest and hardest target.
enum RuntimeECDFSection: ReportSection {
    static let title = "Runtime ECDF"

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        var out = ["The fraction of (problem, target) pairs reached against evaluations (COCO style), \(ECDFTable.targetCount) regret targets per problem, "
                   + "log-spaced from the median regret at the first checkpoint (all suggesters pooled) down to the best final regret any run reached (at least 10⁻⁸ of the first). "
                   + "Higher and further left is better. Data: ecdf.csv.",
                   "",
                   ReportMarkdown.image("Runtime ECDF", plots, PlotCatalog.ecdf),
                   "",
                   "| problem | easiest target | hardest target |",
                   "|:---|---:|---:|"]
        for (p, problem) in results.problems.enumerated() {
            let range = results.perProblem[p].targetRange
            out.append("| \(ReportMarkdown.escape(problem.label)) | \(ReportMarkdown.format(range.high)) | \(ReportMarkdown.format(range.low)) |")
        }
        out.append("")
        return out
    }
}
