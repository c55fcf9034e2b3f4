import Foundation

/// Counts of durations in logarithmic bins, from which quantiles are read to within the bins'
/// width: memory fixed however many durations are added, and two histograms merge by adding counts.
///
/// Bin 0 holds durations under 1 ns; bin `b ≥ 1` holds durations `d` (in ns) with
/// `10^((b−1)/40) ≤ d < 10^(b/40)`, 40 bins per decade (each 5.9 % wide); durations of 10⁴ s or
/// more share the last bin.
struct TimeHistogram: Sendable, Equatable {
    static let binsPerDecade = 40
    /// 1 ns to 10⁴ s: 13 decades, plus the bin below 1 ns.
    static let binCount = 13 * binsPerDecade + 1

    private(set) var counts = [Int](repeating: 0, count: binCount)
    private(set) var total = 0

    /// The bin of a duration in whole nanoseconds.
    static func bin(nanoseconds: Int64) -> Int {
        guard nanoseconds >= 1 else { return 0 }
        return min(binCount - 1, 1 + Int((Double(binsPerDecade) * log10(Double(nanoseconds))).rounded(.down)))
    }

    mutating func add(nanoseconds: Int64) {
        counts[Self.bin(nanoseconds: nanoseconds)] += 1
        total += 1
    }

    /// The `fraction` quantile in seconds, with GSL's convention (linear between the order
    /// statistics at (n − 1)·fraction); each order statistic is placed inside its bin
    /// log-linearly by its rank among the bin's counts, so the error is under one bin's width.
    /// 0 for durations under 1 ns; NaN when empty.
    ///
    /// - Complexity: O(bins).
    func quantile(_ fraction: Double) -> Double {
        guard total > 0 else { return .nan }
        let rank = Double(total - 1) * fraction
        let low = Int(rank.rounded(.down)), high = min(total - 1, low + 1)
        let a = orderStatistic(low), b = orderStatistic(high)
        return a + (b - a) * (rank - Double(low))
    }

    /// The `k`-th smallest duration (0-based), estimated inside its bin, in seconds.
    private func orderStatistic(_ k: Int) -> Double {
        var before = 0
        for (bin, count) in counts.enumerated() where count > 0 {
            if k < before + count {
                guard bin > 0 else { return 0 }
                let position = (Double(k - before) + 0.5) / Double(count)
                return pow(10, (Double(bin - 1) + position) / Double(Self.binsPerDecade)) * 1e-9
            }
            before += count
        }
        return .nan
    }
}
