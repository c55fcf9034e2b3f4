import GSLKit

/// The two-sided Mann–Whitney U (Wilcoxon rank-sum) test between two independent samples,
/// matching `scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method=…)` (scipy 1.17).
///
/// Direction: the reported statistic is U₁, the U of the *first* sample,
/// U₁ = R₁ − n₁(n₁+1)/2 = #{(a, b): a > b} + ½ #{(a, b): a = b}, with R₁ the rank sum of the
/// first sample in the pooled data (ranks ascending, ties averaged). With losses, where lower is
/// better, a *small* U₁ means the first sample tends to be better (its losses are smaller);
/// U₁ + U₂ = n₁n₂. The test itself is two-sided, so the p-value does not depend on the order of
/// the samples.
public enum MannWhitneyU {
    /// How the p-value is computed.
    public enum Method: String, Sendable, Equatable, CaseIterable {
        /// scipy's rule (`_mwu_choose_method`): exact when at least one sample has ≤ 8 values and
        /// the pooled data have no ties; asymptotic otherwise (both samples > 8, or any tie).
        case auto
        /// The exact null distribution of U (no ties assumed). With ties, as scipy's
        /// `method='exact'`, U is truncated to an integer and the tie-free distribution is
        /// used (conservative).
        case exact
        /// The normal approximation with tie correction (and continuity correction if asked).
        case asymptotic
    }

    /// The outcome of one test.
    public struct Result: Sendable, Equatable {
        /// U₁, the U statistic of the first sample (see ``MannWhitneyU``), in 0…n₁n₂.
        public let u: Double
        /// The two-sided p-value, in [0, 1].
        public let pValue: Double
        /// The method actually used: `.exact` or `.asymptotic`, never `.auto`.
        public let method: Method
        /// The standardised statistic (max(U₁, U₂) − n₁n₂/2 − ½)/σ of the asymptotic method
        /// (without the ½ when continuity correction is off); nil for the exact method.
        public let z: Double?
    }

    /// Tests whether two samples come from the same distribution (two-sided).
    ///
    /// The asymptotic p-value is 2·Q(z) with Q the standard normal survival function (GSL's
    /// `gsl_cdf_gaussian_Q` through ``NormalDistribution/survival(_:mean:sd:)``), where
    /// z = (max(U₁, U₂) − n₁n₂/2 − ½)/σ and
    /// σ² = n₁n₂/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))), n = n₁ + n₂, t the sizes of the tie groups
    /// of the pooled sample. The exact p-value is 2·P(U ≥ max(U₁, U₂)) under the null
    /// (all C(n, n₁) rank arrangements equally likely). Both are capped at 1.
    /// When every pooled value is equal (σ = 0) the p-value is 1.
    ///
    /// - Parameters:
    ///   - first: the first sample (e.g. losses of suggester A); non-empty, no NaN.
    ///   - second: the second sample; non-empty, no NaN.
    ///   - method: how to compute the p-value; `.auto` follows scipy.
    ///   - continuityCorrection: subtract ½ in the normal approximation (scipy's
    ///     `use_continuity=True`, the default).
    /// - Returns: U₁, the p-value and the method used.
    /// - Complexity: O(n log n) for the ranks; the exact method adds O(m²·M) time and O(m·M)
    ///   memory with m = min(n₁, n₂), M = max(n₁, n₂).
    /// - Determinism: a pure function of its inputs.
    public static func test(_ first: [Double], _ second: [Double],
                            method: Method = .auto, continuityCorrection: Bool = true) -> Result {
        precondition(!first.isEmpty && !second.isEmpty, "Mann–Whitney U: both samples must be non-empty")
        let n1 = first.count, n2 = second.count, n = n1 + n2
        let (ranks, tieSizes) = Statistics.ranks(first + second)
        var rankSum = 0.0
        for index in 0..<n1 { rankSum += ranks[index] }
        let u1 = rankSum - Double(n1 * (n1 + 1)) / 2
        let u2 = Double(n1) * Double(n2) - u1
        let upper = max(u1, u2)
        let hasTies = tieSizes.contains { $0 > 1 }

        let resolved: Method
        switch method {
        case .auto: resolved = (n1 > 8 && n2 > 8) || hasTies ? .asymptotic : .exact
        case .exact, .asymptotic: resolved = method
        }

        if resolved == .exact {
            let p = 2 * exactSurvival(atLeast: Int(upper), n1, n2)
            return Result(u: u1, pValue: min(1, max(0, p)), method: .exact, z: nil)
        }

        let mean = Double(n1) * Double(n2) / 2
        let tieTerm = tieSizes.reduce(0.0) { sum, t in
            let size = Double(t)
            return sum + (size * size * size - size)
        }
        let variance = Double(n1) * Double(n2) / 12
            * (Double(n + 1) - tieTerm / (Double(n) * Double(n - 1)))
        let numerator = upper - mean - (continuityCorrection ? 0.5 : 0)
        guard variance > 0 else {
            return Result(u: u1, pValue: 1, method: .asymptotic, z: nil)
        }
        let z = numerator / variance.squareRoot()
        let p = 2 * NormalDistribution.survival(z)
        return Result(u: u1, pValue: min(1, max(0, p)), method: .asymptotic, z: z)
    }

    /// The number of rank arrangements giving each U = 0…n₁n₂ under the null: the coefficients
    /// of the Gaussian binomial coefficient [n₁+n₂ choose n₁]_q = ∏ᵢ₌₁ᵐ (1 − q^(M+i))/(1 − q^i),
    /// m = min(n₁, n₂), M = max(n₁, n₂). They sum to C(n₁+n₂, n₁).
    ///
    /// Computed in `Double` (exact while the counts stay below 2⁵³; beyond that, relative
    /// error near machine precision, which is negligible for p-values).
    ///
    /// - Complexity: O(m²·M) time, O(m·M) memory.
    static func exactCounts(_ n1: Int, _ n2: Int) -> [Double] {
        let m = min(n1, n2), big = max(n1, n2)
        let top = m * big
        var counts = [Double](repeating: 0, count: top + m + 1)
        counts[0] = 1
        if m > 0 {
            for i in 1...m {
                // Multiply by (1 − q^(big+i)); descending so each term reads the old value.
                let shift = big + i
                var k = i * big + i
                while k >= shift { counts[k] -= counts[k - shift]; k -= 1 }
                // Divide by (1 − q^i): a running sum with stride i.
                for k in i..<counts.count { counts[k] += counts[k - i] }
            }
        }
        return Array(counts[0...top])
    }

    /// P(U ≥ u) under the null for sample sizes n₁, n₂ without ties.
    static func exactSurvival(atLeast u: Int, _ n1: Int, _ n2: Int) -> Double {
        let counts = exactCounts(n1, n2)
        guard u > 0 else { return 1 }
        guard u < counts.count else { return 0 }
        // Sum the smaller tail from its far end for accuracy.
        var total = 0.0
        for value in counts { total += value }
        var tail = 0.0
        for index in stride(from: counts.count - 1, through: u, by: -1) { tail += counts[index] }
        return tail / total
    }
}
