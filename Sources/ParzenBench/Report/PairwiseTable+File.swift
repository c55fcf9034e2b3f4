import GSLKit

/// tests.csv (written by `parzen report`).
///
/// Columns, in this order (no other header than the column names):
/// `problem,evaluations,suggester_a,suggester_b,n_a,n_b,u,p,p_holm,a12,magnitude,method`
/// - the samples are the best-so-far regrets of the replicates at `evaluations`;
/// - `u`: the Mann–Whitney U of `suggester_a` (small U: a tends to the lower regret);
/// - `p`: the two-sided Mann–Whitney p-value (exact for small tie-free samples as scipy's
///   `method='auto'`, otherwise normal approximation with tie and continuity correction);
/// - `p_holm`: Holm-adjusted within the family of the k(k − 1)/2 pairs of this problem and
///   checkpoint;
/// - `a12`: Vargha–Delaney A₁₂ = P(regret of a < regret of b) + ½ P(tie): above 0.5 favours a;
/// - `magnitude`: negligible, small, medium or large (|A₁₂ − 0.5| < 0.06, 0.14, 0.21);
/// - `method`: `exact` or `asymptotic`.
///
/// Rows follow the manifest: problems, then checkpoints ascending, then pairs (a, b) with a
/// declared before b. Empty (header only) with fewer than two suggesters.
extension PairwiseTable {
    public static let fileName = "tests.csv"
    public static let header = ["problem", "evaluations", "suggester_a", "suggester_b", "n_a", "n_b",
                                "u", "p", "p_holm", "a12", "magnitude", "method"]

    /// The text of tests.csv.
    /// - Determinism: a pure function of `results`.
    public static func text(_ results: ResultsSummary) -> String {
        var rows: [[String]] = []
        for (p, problem) in results.problems.enumerated() {
            for (c, evaluations) in results.checkpoints.enumerated() {
                for row in results.perProblem[p].comparisons[c] {
                    rows.append([
                        problem.label, String(evaluations),
                        results.suggesters[row.first].label, results.suggesters[row.second].label,
                        String(results.perProblem[p].replicates[row.first]), String(results.perProblem[p].replicates[row.second]),
                        CSV.number(row.test.u), CSV.number(row.test.pValue), CSV.number(row.adjustedPValue),
                        CSV.number(row.a12), VarghaDelaney.Magnitude(row.a12).rawValue, row.test.method.rawValue,
                    ])
                }
            }
        }
        return CSV.text(header: header, rows: rows)
    }
}
