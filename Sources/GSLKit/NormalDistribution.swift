import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The normal distribution's functions (GSL's `gsl_cdf_gaussian_*` and `gsl_sf_erf`).
public enum NormalDistribution {
    /// Φ((x − mean)/sd), the cumulative distribution function.
    public static func cdf(_ x: Double, mean: Double = 0, sd: Double = 1) -> Double {
        _ = GSLRuntime.prepared
        return gsl_cdf_gaussian_P(x - mean, sd)
    }

    /// 1 − cdf, computed without cancellation in the upper tail.
    public static func survival(_ x: Double, mean: Double = 0, sd: Double = 1) -> Double {
        _ = GSLRuntime.prepared
        return gsl_cdf_gaussian_Q(x - mean, sd)
    }

    /// The inverse CDF (quantile function).
    ///
    /// - Precondition: `0 < p < 1` and `sd > 0`; returns ±∞ at 0 and 1 as GSL does.
    public static func quantile(_ p: Double, mean: Double = 0, sd: Double = 1) -> Double {
        precondition(p >= 0 && p <= 1 && sd > 0, "quantile(\(p), sd: \(sd)): need 0 <= p <= 1, sd > 0")
        _ = GSLRuntime.prepared
        return mean + gsl_cdf_gaussian_Pinv(p, sd)
    }

    /// log φ(x; mean, sd), the log density.
    public static func logDensity(_ x: Double, mean: Double = 0, sd: Double = 1) -> Double {
        let z = (x - mean) / sd
        return -0.5 * z * z - log(sd * (2 * Double.pi).squareRoot())
    }

    /// The error function erf(x) (`gsl_sf_erf`).
    public static func erf(_ x: Double) -> Double {
        _ = GSLRuntime.prepared
        return gsl_sf_erf(x)
    }
}

