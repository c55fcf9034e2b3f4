import GSLKit

/// Average ranks of k suggesters over N problems and the Friedman test (Friedman 1937), with the
/// Iman–Davenport F form (Iman & Davenport 1980) and Nemenyi's critical difference
/// (Demšar 2006, section 3.2.2).
///
/// Lower scores are better: on each problem the suggester with the smallest score gets rank 1;
/// tied scores share the average of the ranks they span.
public struct FriedmanTest: Sendable, Equatable {
    /// N, the number of problems (rows).
    public let problems: Int
    /// k, the number of suggesters (columns).
    public let suggesters: Int
    /// The average rank of each suggester over the problems, in column order; they sum to
    /// k(k + 1)/2. Smaller is better.
    public let averageRanks: [Double]
    /// The Friedman statistic χ²_F = [12N/(k(k+1)) Σⱼ Rⱼ² − 3N(k+1)] / C with the tie correction
    /// C = 1 − Σ(t³ − t)/(N k (k² − 1)) (as `scipy.stats.friedmanchisquare`); 0 when every
    /// problem is a complete tie.
    public let chiSquared: Double
    /// P(χ²(k − 1) > χ²_F) (GSL's `gsl_cdf_chisq_Q`).
    public let pValue: Double
    /// The Iman–Davenport statistic F_F = (N − 1) χ²_F / (N(k − 1) − χ²_F); +∞ when the rankings
    /// agree perfectly; NaN when N = 1.
    public let imanDavenportF: Double
    /// P(F(k − 1, (k − 1)(N − 1)) > F_F) (GSL's `gsl_cdf_fdist_Q`); NaN when N = 1.
    public let imanDavenportPValue: Double
    /// Nemenyi's critical difference at α = 0.05: two average ranks that differ by at least this
    /// are significantly different (see ``NemenyiTest/criticalDifference(groups:problems:alpha:)``).
    public let criticalDifference: Double

    /// Ranks and tests a table of scores.
    ///
    /// - Parameter scores: `scores[problem][suggester]`, e.g. the median final regret of each
    ///   suggester on each problem; N ≥ 1 rows of the same length k ≥ 2, no NaN.
    /// - Complexity: O(N·k log k) plus O(1) CDF evaluations.
    /// - Determinism: a pure function of `scores`.
    public init(scores: [[Double]]) {
        precondition(!scores.isEmpty, "Friedman: need at least one problem")
        let k = scores[0].count
        precondition(k >= 2, "Friedman: need at least two suggesters, got \(k)")
        precondition(scores.allSatisfy { $0.count == k }, "Friedman: every problem needs a score for each of the \(k) suggesters")
        let n = scores.count
        var rankSums = [Double](repeating: 0, count: k)
        var tieTerm = 0.0
        for row in scores {
            let (ranks, tieSizes) = Statistics.ranks(row)
            for j in 0..<k { rankSums[j] += ranks[j] }
            for t in tieSizes { let size = Double(t); tieTerm += size * size * size - size }
        }
        let kk = Double(k), nn = Double(n)
        problems = n
        suggesters = k
        averageRanks = rankSums.map { $0 / nn }

        let sumOfSquares = rankSums.reduce(0) { $0 + $1 * $1 }
        let correction = 1 - tieTerm / (kk * (kk * kk - 1) * nn)
        let chi: Double
        if correction <= 0 {
            chi = 0  // every problem is a complete tie: no evidence of any difference
        } else {
            chi = max(0, (12 / (kk * nn * (kk + 1)) * sumOfSquares - 3 * nn * (kk + 1)) / correction)
        }
        chiSquared = chi
        pValue = ChiSquaredDistribution.survival(chi, degreesOfFreedom: kk - 1)

        if n < 2 {
            imanDavenportF = .nan
            imanDavenportPValue = .nan
        } else {
            let denominator = nn * (kk - 1) - chi
            // Rounding can leave the perfect-agreement denominator slightly off zero.
            let f = denominator <= 1e-12 * nn * (kk - 1) ? Double.infinity : (nn - 1) * chi / denominator
            imanDavenportF = f
            imanDavenportPValue = FDistribution.survival(
                f, numeratorDegreesOfFreedom: kk - 1, denominatorDegreesOfFreedom: (kk - 1) * (nn - 1))
        }
        criticalDifference = NemenyiTest.criticalDifference(groups: k, problems: n)
    }
}
