import GSLKit

/// A percentile-bootstrap confidence interval of the median.
public struct BootstrapInterval: Sendable, Equatable {
    /// The median of the original sample (the point estimate).
    public let estimate: Double
    /// The lower end: the (1 − level)/2 quantile of the bootstrap medians.
    public let lower: Double
    /// The upper end: the (1 + level)/2 quantile of the bootstrap medians.
    public let upper: Double
    /// The nominal coverage, e.g. 0.95.
    public let level: Double
    /// The number of bootstrap resamples B.
    public let resamples: Int
}

/// Bootstrap confidence intervals of the median (percentile method; Efron & Tibshirani 1993).
public enum BootstrapMedian {
    /// The percentile-bootstrap confidence interval of the median of `sample`.
    ///
    /// Each of the B resamples draws n indices uniformly with replacement, index by index, as
    /// `rng.uniformInt(below: n)` (`gsl_rng_uniform_int`), and takes the median of the resampled
    /// values (GSL's `gsl_stats_median_from_sorted_data`: the mean of the two middle values when
    /// n is even). The interval's ends are the (1 − level)/2 and (1 + level)/2 quantiles of the B
    /// medians, linearly interpolated between order statistics (NumPy's default `percentile`).
    ///
    /// - Parameters:
    ///   - sample: the data (e.g. final regrets of one suggester on one problem); non-empty, no NaN.
    ///   - resamples: B ≥ 1; 2,000 or more gives stable 95% ends.
    ///   - level: the coverage, 0 < level < 1; 0.95 by default.
    ///   - rng: the generator the resamples are drawn from; it advances by exactly B·n
    ///     `uniformInt` draws (also when n = 1).
    /// - Returns: the median and the interval; `lower ≤ upper`, both within the sample's range.
    /// - Complexity: O(B·n + B log B + n log n) time, O(B + n) memory.
    /// - Determinism: a pure function of `sample`, `resamples`, `level` and the generator's state:
    ///   the same seed gives the same interval on every platform. The order of `sample` matters
    ///   (a permuted sample maps the same indices to other values), so pass it in a fixed order.
    public static func confidenceInterval(_ sample: [Double], resamples: Int = 2000, level: Double = 0.95,
                                          using rng: MersenneTwister) -> BootstrapInterval {
        precondition(!sample.isEmpty, "bootstrap: empty sample")
        precondition(resamples >= 1, "bootstrap: need at least one resample, got \(resamples)")
        precondition(level > 0 && level < 1, "bootstrap: level \(level) outside (0, 1)")
        precondition(!sample.contains(where: \.isNaN), "bootstrap: NaN has no order")
        let n = sample.count
        // A resample is a multiset of the sample's values: counting how often each sorted
        // position is drawn and walking the counts to the middle gives its sorted middle values
        // (the same numbers a sort would put there) in O(n) instead of O(n log n).
        let order = sample.indices.sorted { sample[$0] < sample[$1] }
        var rank = [Int](repeating: 0, count: n)
        for (position, index) in order.enumerated() { rank[index] = position }
        let ascending = order.map { sample[$0] }
        let lhs = (n - 1) / 2, rhs = n / 2
        var medians = [Double](repeating: 0, count: resamples)
        var counts = [Int](repeating: 0, count: n)
        for b in 0..<resamples {
            for _ in 0..<n { counts[rank[rng.uniformInt(below: n)]] += 1 }
            var cumulative = 0, position = 0
            var low = 0.0
            while true {
                let before = cumulative
                cumulative += counts[position]
                if before <= lhs && cumulative > lhs { low = ascending[position] }
                if cumulative > rhs { break }
                position += 1
            }
            let high = ascending[position]
            // gsl_stats_median_from_sorted_data: the middle value, or the mean of the two middle ones.
            medians[b] = n % 2 == 0 ? (low + high) / 2.0 : high
            for i in counts.indices { counts[i] = 0 }
        }
        let sortedMedians = Statistics.sorted(medians)
        let tail = (1 - level) / 2
        return BootstrapInterval(
            estimate: Statistics.median(sorted: Statistics.sorted(sample)),
            lower: Statistics.quantile(sorted: sortedMedians, tail),
            upper: Statistics.quantile(sorted: sortedMedians, 1 - tail),
            level: level,
            resamples: resamples)
    }
}
