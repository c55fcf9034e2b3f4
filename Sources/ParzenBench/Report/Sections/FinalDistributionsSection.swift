/// `## Final regret distributions`: the box-plot picture of the final regrets.
enum FinalDistributionsSection: ReportSection {
    static let title = "Final regret distributions"

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        [ReportMarkdown.image("Final regret distributions", plots, PlotCatalog.final), ""]
    }
}
