/// `## Convergence`: one convergence picture per problem.
enum ConvergenceSection: ReportSection {
    static let title = "Convergence"

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        var out = [!results.hasTraces
                   ? "Median best-so-far regret against evaluations with the interquartile band, log scale; one colour per suggester throughout."
                   : "Median best-so-far regret against evaluations with the interquartile band, log scales, at every evaluation (from trace.csv); one colour per suggester throughout.",
                   ""]
        for problem in results.problems {
            out.append(ReportMarkdown.image("\(ReportMarkdown.escape(problem.label)): convergence", plots, PlotCatalog.convergence(problem)))
            out.append("")
        }
        return out
    }
}
