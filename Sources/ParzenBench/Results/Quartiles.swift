import GSLKit

/// Quantiles of values that may hold ±∞ (a run without a successful trial yet): the one quantile
/// function of summary.csv and report.md, so the two never disagree.
///
/// The same linear interpolation as ``Statistics/quantile(sorted:_:)`` (GSL, NumPy's default),
/// except that an exact order statistic is returned as is and equal neighbours are not
/// interpolated, so an infinite neighbour with weight zero gives no NaN (GSL computes 0·∞).
enum Quartiles {
    static func quantile(sorted values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let position = Double(values.count - 1) * fraction
        let low = Int(position.rounded(.down))
        let delta = position - Double(low)
        if delta == 0 || low + 1 >= values.count || values[low] == values[low + 1] { return values[low] }
        return Statistics.quantile(sorted: values, fraction)
    }
}
