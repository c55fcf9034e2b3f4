/// One pairwise comparison of two suggesters' samples (one row of tests.csv).
public struct PairwiseComparison: Sendable, Equatable {
    /// Index of the first sample in the family.
    public let first: Int
    /// Index of the second sample in the family.
    public let second: Int
    /// The Mann–Whitney test of first against second (U is the first sample's).
    public let test: MannWhitneyU.Result
    /// The Holm-adjusted p-value within the family.
    public let adjustedPValue: Double
    /// A₁₂(first, second) = P(first < second) + ½ P(tie): > 0.5 favours the first sample.
    public let a12: Double
}

/// All pairwise comparisons within one family of samples.
public enum PairwiseComparisons {
    /// Compares every pair i < j of `samples` (e.g. final losses of each suggester on one problem
    /// at one checkpoint): two-sided Mann–Whitney U, Holm adjustment over the k(k − 1)/2 pairs of
    /// this family, and A₁₂.
    ///
    /// - Parameters:
    ///   - samples: one sample per suggester, in declaration order; each non-empty, no NaN.
    ///   - method: the Mann–Whitney p-value method; scipy's `auto` rule by default.
    /// - Returns: the pairs in order (0, 1), (0, 2), …, (0, k−1), (1, 2), …; empty for k < 2.
    /// - Complexity: O(k² n log n) with n the largest sample size.
    /// - Determinism: a pure function of its inputs.
    public static func compare(_ samples: [[Double]], method: MannWhitneyU.Method = .auto) -> [PairwiseComparison] {
        var pairs: [(Int, Int)] = []
        for i in samples.indices { for j in samples.indices where j > i { pairs.append((i, j)) } }
        let tests = pairs.map { MannWhitneyU.test(samples[$0.0], samples[$0.1], method: method) }
        let adjusted = HolmBonferroni.adjust(tests.map(\.pValue))
        return pairs.indices.map { index in
            let (i, j) = pairs[index]
            return PairwiseComparison(first: i, second: j, test: tests[index], adjustedPValue: adjusted[index],
                                      a12: VarghaDelaney.a12(samples[i], samples[j]))
        }
    }
}
