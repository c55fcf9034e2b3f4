import CGSL

/// The normal distribution truncated to an interval: its probability mass and exact draws by
/// inversion (GSL's `gsl_cdf_ugaussian_P/Q/Pinv/Qinv`).
///
/// Both functions work in whichever tail the interval lies, so neither loses precision to
/// cancellation when the interval is far from the mean (they use the survival function above
/// the mean and the CDF below it).
public enum TruncatedNormal {
    /// P(low ≤ X < high) for X ~ N(mean, sd²), accurate in both tails.
    ///
    /// - Parameters:
    ///   - mean: the untruncated mean.
    ///   - sd: the untruncated standard deviation, > 0.
    ///   - low: the lower bound (may be −∞).
    ///   - high: the upper bound (may be +∞), ≥ `low`.
    /// - Returns: a probability in [0, 1]; 0 when the interval is empty.
    /// - Complexity: O(1), at most two GSL CDF evaluations.
    public static func mass(mean: Double, sd: Double, low: Double, high: Double) -> Double {
        _ = GSLRuntime.prepared
        guard high > low else { return 0 }
        let a = (low - mean) / sd
        let b = (high - mean) / sd
        if a >= 0 { return max(0, gsl_cdf_ugaussian_Q(a) - gsl_cdf_ugaussian_Q(b)) }
        if b <= 0 { return max(0, gsl_cdf_ugaussian_P(b) - gsl_cdf_ugaussian_P(a)) }
        return max(0, 1 - gsl_cdf_ugaussian_P(a) - gsl_cdf_ugaussian_Q(b))
    }

    /// One draw from N(mean, sd²) truncated to [low, high), by inverting the CDF.
    ///
    /// Equivalent in distribution to redrawing until the value lands in [low, high) (hyperopt's
    /// rejection loop), but consumes exactly **one** uniform draw (`gsl_rng_uniform`) and has no
    /// loop. The result is clamped into [low, high) against rounding; when the interval's mass
    /// underflows to zero (it lies more than ~37 sd from the mean) the bound nearer the mean is
    /// returned.
    ///
    /// - Parameters:
    ///   - mean: the untruncated mean (finite).
    ///   - sd: the untruncated standard deviation, > 0 and finite.
    ///   - low: the lower bound (may be −∞).
    ///   - high: the upper bound (may be +∞), > `low`.
    ///   - rng: the generator; one uniform draw.
    /// - Complexity: O(1).
    /// - Determinism: a pure function of the arguments and the generator's state.
    public static func draw(mean: Double, sd: Double, low: Double, high: Double, using rng: MersenneTwister) -> Double {
        _ = GSLRuntime.prepared
        precondition(low < high, "TruncatedNormal.draw: need low < high, got [\(low), \(high))")
        let u = gsl_rng_uniform(rng.pointer)
        let a = (low - mean) / sd
        let b = (high - mean) / sd
        let z: Double
        if a >= 0 {
            // Upper tail: invert the survival function, Q(a) ≥ t ≥ Q(b).
            let qa = gsl_cdf_ugaussian_Q(a), qb = gsl_cdf_ugaussian_Q(b)
            guard qa > qb else { return clamp(low, low, high) }
            z = gsl_cdf_ugaussian_Qinv(qa - u * (qa - qb))
        } else if b <= 0 {
            // Lower tail: invert the CDF, P(a) ≤ t ≤ P(b).
            let pa = gsl_cdf_ugaussian_P(a), pb = gsl_cdf_ugaussian_P(b)
            guard pb > pa else { return clamp(high, low, high) }
            z = gsl_cdf_ugaussian_Pinv(pa + u * (pb - pa))
        } else {
            // Straddles the mean: pick the side by the cumulative target, invert there.
            let pa = gsl_cdf_ugaussian_P(a), qb = gsl_cdf_ugaussian_Q(b)
            let inside = 1 - pa - qb
            let target = pa + u * inside
            z = target <= 0.5 ? gsl_cdf_ugaussian_Pinv(target) : gsl_cdf_ugaussian_Qinv(qb + (1 - u) * inside)
        }
        return clamp(mean + sd * z, low, high)
    }

    private static func clamp(_ x: Double, _ low: Double, _ high: Double) -> Double {
        if !(x >= low) { return low.isFinite ? low : high.nextDown }
        if x >= high { return high.nextDown }
        return x
    }
}
