import GSLKit

/// ranks.csv (written by `parzen report`).
///
/// Columns, in this order, one row per suggester in manifest order:
/// `suggester,average_rank,evaluations,problems,friedman_chi2,friedman_p,iman_davenport_f,iman_davenport_p,critical_difference`
/// - `evaluations`: the final checkpoint the ranks are taken at;
/// - `problems`: N, the number of problems averaged over;
/// - the last five columns are the same on every row: χ²_F and its p-value (k − 1 degrees of
///   freedom, tie-corrected), the Iman–Davenport F and p-value (`nan` for one problem), and the
///   Nemenyi critical difference at α = 0.05: average ranks at least this far apart differ
///   significantly.
///
/// Header only with fewer than two suggesters.
extension RankTable {
    public static let fileName = "ranks.csv"
    public static let header = ["suggester", "average_rank", "evaluations", "problems", "friedman_chi2", "friedman_p",
                                "iman_davenport_f", "iman_davenport_p", "critical_difference"]

    /// The text of ranks.csv.
    /// - Determinism: a pure function of `results`.
    public static func text(_ results: ResultsSummary) -> String {
        var rows: [[String]] = []
        if let test = friedman(results) {
            for (s, suggester) in results.suggesters.enumerated() {
                rows.append([suggester.label, CSV.number(test.averageRanks[s]), String(results.finalEvaluations),
                             String(test.problems), CSV.number(test.chiSquared), CSV.number(test.pValue),
                             CSV.number(test.imanDavenportF), CSV.number(test.imanDavenportPValue),
                             CSV.number(test.criticalDifference)])
            }
        }
        return CSV.text(header: header, rows: rows)
    }
}
