import Foundation

/// `## Average ranks`: the suggesters' average ranks over the problems with the Friedman test
/// and the Nemenyi critical difference, and the critical-difference diagram.
enum AverageRanksSection: ReportSection {
    static let title = "Average ranks"

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        let format = ReportMarkdown.format
        guard let test = RankTable.friedman(results) else { return ["Ranks need at least two suggesters.", ""] }
        var out: [String] = []
        out.append("Each problem ranks the suggesters by median final regret (1 = lowest; ties share the average rank); the ranks are averaged over the \(test.problems) problems. "
                   + "Friedman χ² = \(format(test.chiSquared)) (\(results.suggesters.count - 1) degrees of freedom), p = \(format(test.pValue)): "
                   + (test.pValue < FinalSummary.alpha ? "the suggesters differ (α = 0.05). " : "no significant difference among the suggesters (α = 0.05). ")
                   + "Nemenyi critical difference (α = 0.05): CD = \(format(test.criticalDifference)); two suggesters whose average ranks differ by at least CD differ significantly.")
        out.append("")
        out.append("| suggester | average rank |")
        out.append("|:---|---:|")
        let ranks = test.averageRanks
        let order = ranks.indices.sorted { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : $0 < $1 }
        for s in order { out.append("| \(ReportMarkdown.escape(results.suggesters[s].label)) | \(String(format: "%.2f", ranks[s])) |") }
        out.append("")
        out.append(ReportMarkdown.image("Critical-difference diagram of the average ranks", plots, PlotCatalog.ranks))
        out.append("")
        return out
    }
}
