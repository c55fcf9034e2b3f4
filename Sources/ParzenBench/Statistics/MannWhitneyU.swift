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
        /// One departure: when the exact distribution is not feasible (``exactIsFeasible``: e.g.
        /// 8 values against more than about 2,500) the normal approximation is used, where scipy
        /// would still enumerate; at those sizes the two agree closely.
        case auto
        /// The exact null distribution of U (no ties assumed). With ties, as scipy's
        /// `method='exact'`, U is truncated to an integer and the tie-free distribution is
        /// used (conservative). Meant for small samples: it requires C(n₁+n₂, n₁) < 2⁶⁴ (e.g.
        /// 8 against about 1,000, or 33 against 33) or n₁·n₂ ≤ 20,000 (a precondition).
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
    ///   memory with m = min(n₁, n₂), M = max(n₁, n₂) while C(n₁+n₂, n₁) < 2⁶⁴, and
    ///   O(n₁²n₂²) time beyond (bounded by the feasibility rule).
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
        case .auto: resolved = (n1 > 8 && n2 > 8) || hasTies || !exactIsFeasible(n1, n2) ? .asymptotic : .exact
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

    /// The largest n₁·n₂ for which the exact p-value is computed by the probability recurrence
    /// when the counts C(n₁+n₂, n₁) do not fit in 64 bits (about 10⁸ operations).
    static let recurrenceLimit = 20_000

    /// Whether the exact null distribution is available for these sizes: n₁·n₂ ≤ 10⁷ (the
    /// distribution's length) and either C(n₁+n₂, n₁) < 2⁶⁴ (exact integer counts) or
    /// n₁·n₂ ≤ ``recurrenceLimit`` (probability recurrence).
    static func exactIsFeasible(_ n1: Int, _ n2: Int) -> Bool {
        let pairs = n1.multipliedReportingOverflow(by: n2)
        guard !pairs.overflow && pairs.partialValue <= 10_000_000 else { return false }
        return pairs.partialValue <= recurrenceLimit || binomialFitsIn64Bits(n1, n2)
    }

    /// C(n₁+n₂, min(n₁, n₂)) computed step by step; nil if it reaches 2⁶⁴.
    static func binomial(_ n1: Int, _ n2: Int) -> UInt64? {
        let m = min(n1, n2), big = max(n1, n2)
        var value: UInt64 = 1
        for i in 0..<m {
            // value·(big + i + 1)/(i + 1) is C(big + i + 1, i + 1), an integer.
            let product = value.multipliedFullWidth(by: UInt64(big + i + 1))
            let divisor = UInt64(i + 1)
            guard product.high < divisor else { return nil }
            value = divisor.dividingFullWidth(product).quotient
        }
        return value
    }

    static func binomialFitsIn64Bits(_ n1: Int, _ n2: Int) -> Bool { binomial(n1, n2) != nil }

    /// The number of rank arrangements giving each U = 0…n₁n₂ under the null: the coefficients
    /// of the Gaussian binomial coefficient [n₁+n₂ choose n₁]_q = ∏ᵢ₌₁ᵐ (1 − q^(M+i))/(1 − q^i),
    /// m = min(n₁, n₂), M = max(n₁, n₂). They sum to C(n₁+n₂, n₁).
    ///
    /// Computed in wrapping 64-bit integer arithmetic: every step is a ring operation on
    /// truncated power series, so the result is exact whenever C(n₁+n₂, n₁) < 2⁶⁴ (check with
    /// ``binomialFitsIn64Bits(_:_:)``), even though intermediate values wrap around.
    /// (The same product in floating point loses all accuracy once counts pass 2⁵³.)
    ///
    /// - Complexity: O(m²·M) time, O(m·M) memory.
    static func exactCounts(_ n1: Int, _ n2: Int) -> [UInt64] {
        let m = min(n1, n2), big = max(n1, n2)
        let top = m * big
        var counts = [UInt64](repeating: 0, count: top + m + 1)
        counts[0] = 1
        if m > 0 {
            for i in 1...m {
                // Multiply by (1 − q^(big+i)); descending so each term reads the old value.
                let shift = big + i
                var k = i * big + i
                while k >= shift { counts[k] &-= counts[k - shift]; k -= 1 }
                // Divide by (1 − q^i): a running sum with stride i.
                for k in i..<counts.count { counts[k] &+= counts[k - i] }
            }
        }
        return Array(counts[0...top])
    }

    /// The null distribution P(U = u), u = 0…n₁n₂, by the recurrence on the largest pooled value
    /// (it belongs to the first sample, adding n₂ to U, with probability n₁/(n₁+n₂)):
    /// P_{a,b}(u) = a/(a+b)·P_{a−1,b}(u − b) + b/(a+b)·P_{a,b−1}(u).
    /// Only additions of non-negative terms, so it is stable and never overflows.
    ///
    /// - Complexity: O(n₁²n₂²/4) time, O(n₁²n₂) memory.
    static func exactProbabilities(_ n1: Int, _ n2: Int) -> [Double] {
        precondition(n1 >= 1 && n2 >= 1, "Mann–Whitney exact: empty sample")
        // previous[a] = P_{a, b−1}; current[a] = P_{a, b}.
        var previous: [[Double]] = (0...n1).map { _ in [1] }  // b = 0: U = 0 surely
        for b in 1...n2 {
            var current: [[Double]] = [[1]]                    // a = 0: U = 0 surely
            for a in 1...n1 {
                let first = Double(a) / Double(a + b), second = Double(b) / Double(a + b)
                let row = [Double](unsafeUninitializedCapacity: a * b + 1) { out, count in
                    out.initialize(repeating: 0)
                    current[a - 1].withUnsafeBufferPointer { lower in
                        for u in 0..<lower.count { out[u + b] += first * lower[u] }
                    }
                    previous[a].withUnsafeBufferPointer { left in
                        for u in 0..<left.count { out[u] += second * left[u] }
                    }
                    count = a * b + 1
                }
                current.append(row)
            }
            previous = current
        }
        return previous[n1]
    }

    /// P(U ≥ u) under the null for sample sizes n₁, n₂ without ties.
    ///
    /// - Precondition: ``exactIsFeasible(_:_:)``.
    static func exactSurvival(atLeast u: Int, _ n1: Int, _ n2: Int) -> Double {
        precondition(exactIsFeasible(n1, n2),
                     "Mann–Whitney exact: sizes \(n1)×\(n2) too large (C(n1+n2, n1) ≥ 2^64 and n1·n2 > \(recurrenceLimit)); use .asymptotic")
        guard u > 0 else { return 1 }
        guard u <= n1 * n2 else { return 0 }
        if let total = binomial(n1, n2) {
            let counts = exactCounts(n1, n2)
            var tail: UInt64 = 0
            for index in u..<counts.count { tail &+= counts[index] }
            return Double(tail) / Double(total)
        }
        let probabilities = exactProbabilities(n1, n2)
        var tail = 0.0
        for index in stride(from: probabilities.count - 1, through: u, by: -1) { tail += probabilities[index] }
        return tail
    }
}
