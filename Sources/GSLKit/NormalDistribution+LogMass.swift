import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NormalDistribution {
    /// log Φ(z), the standard normal's log CDF, accurate far into both tails
    /// (`gsl_sf_log_erfc` below the mean's upper side, log1p of the survival function above).
    ///
    /// - Returns: a value ≤ 0; −∞ at z = −∞.
    /// - Complexity: O(1).
    public static func logCDF(_ z: Double) -> Double {
        _ = GSLRuntime.prepared
        if z == -.infinity { return -.infinity }
        if z > 5 { return log1p(-gsl_cdf_ugaussian_Q(z)) }
        return gsl_sf_log_erfc(-z * 0.7071067811865475244) - 0.6931471805599453094
    }

    /// log(Φ(b) − Φ(a)), the log probability that a standard normal lies in [a, b], computed in
    /// the tail where the difference does not cancel: through log Φ when the interval lies below
    /// the mean, its mirror image above, and log1p(−Φ(a) − Φ(−b)) when it straddles the mean.
    ///
    /// - Parameters:
    ///   - a: the lower bound (may be −∞).
    ///   - b: the upper bound, ≥ `a` (may be +∞).
    /// - Returns: −∞ when a = b.
    /// - Complexity: O(1), two GSL evaluations.
    public static func logMass(_ a: Double, _ b: Double) -> Double {
        _ = GSLRuntime.prepared
        if b <= 0 {
            let la = logCDF(a), lb = logCDF(b)
            return lb + log1p(-exp(la - lb))
        }
        if a > 0 {
            let la = logCDF(-b), lb = logCDF(-a)
            return lb + log1p(-exp(la - lb))
        }
        return log1p(-gsl_cdf_ugaussian_P(a) - gsl_cdf_ugaussian_Q(b))
    }
}
