import CGSL

/// Descriptive statistics over `Double` samples, computed by GSL.
///
/// The `sorted:` functions require ascending data (use ``sorted(_:)``); they do not check it.
public enum Statistics {
    /// An ascending copy of `values` (`gsl_sort`, in-place heapsort on the copy).
    ///
    /// - Precondition: no NaN (NaN has no order).
    /// - Complexity: O(n log n).
    public static func sorted(_ values: [Double]) -> [Double] {
        precondition(!values.contains(where: \.isNaN), "sorted: NaN has no order")
        _ = GSLRuntime.prepared
        var copy = values
        copy.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        return copy
    }

    /// The arithmetic mean (`gsl_stats_mean`). NaN for no data.
    public static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        _ = GSLRuntime.prepared
        return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The sample standard deviation, divisor n − 1 (`gsl_stats_sd`). NaN for fewer than 2 values.
    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return .nan }
        _ = GSLRuntime.prepared
        return values.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
    }

    /// The sample variance, divisor n − 1 (`gsl_stats_variance`). NaN for fewer than 2 values.
    public static func variance(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return .nan }
        _ = GSLRuntime.prepared
        return values.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
    }

    /// The median of ascending data (`gsl_stats_median_from_sorted_data`). NaN for no data.
    public static func median(sorted values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        _ = GSLRuntime.prepared
        return values.withUnsafeBufferPointer { gsl_stats_median_from_sorted_data($0.baseAddress, 1, $0.count) }
    }

    /// The `fraction` quantile of ascending data by linear interpolation between order
    /// statistics at (n − 1)·fraction (`gsl_stats_quantile_from_sorted_data`; NumPy's default).
    ///
    /// - Precondition: `0 <= fraction <= 1`. NaN for no data.
    public static func quantile(sorted values: [Double], _ fraction: Double) -> Double {
        precondition(fraction >= 0 && fraction <= 1, "quantile: fraction \(fraction) outside [0, 1]")
        guard !values.isEmpty else { return .nan }
        _ = GSLRuntime.prepared
        return values.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, fraction) }
    }

    /// The smallest and largest values (`gsl_stats_minmax`); nil for no data.
    public static func minMax(_ values: [Double]) -> (min: Double, max: Double)? {
        guard !values.isEmpty else { return nil }
        _ = GSLRuntime.prepared
        var low = 0.0, high = 0.0
        values.withUnsafeBufferPointer { gsl_stats_minmax(&low, &high, $0.baseAddress, 1, $0.count) }
        return (low, high)
    }
}
