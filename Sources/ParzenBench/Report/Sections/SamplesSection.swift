/// `## Where the suggesters sampled`: the sample picture of each 1-D and 2-D problem that has
/// one (``PlotCatalog/sampleProblems(_:)``).
enum SamplesSection: ReportSection {
    static let title = "Where the suggesters sampled"

    static func applies(to results: ResultsSummary) -> Bool { !PlotCatalog.sampleProblems(results.info).isEmpty }

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        var out = ["Replicate 0 of each suggester on the 1-D and 2-D problems, over the function (samples.csv).", ""]
        for p in PlotCatalog.sampleProblems(results.info) {
            let problem = results.problems[p]
            out.append(ReportMarkdown.image("\(ReportMarkdown.escape(problem.label)): sampled points", plots, PlotCatalog.samples(problem)))
            out.append("")
        }
        return out
    }
}
