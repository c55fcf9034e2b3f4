import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The chi-squared distribution's upper tail (GSL's `gsl_cdf_chisq_Q`), for test p-values.
public enum ChiSquaredDistribution {
    /// P(X > x) for X ~ χ²(ν), computed without cancellation in the upper tail.
    ///
    /// - Parameters:
    ///   - x: the statistic; values ≤ 0 give 1.
    ///   - degreesOfFreedom: ν > 0.
    /// - Returns: a probability in [0, 1]; NaN for a NaN statistic.
    /// - Complexity: O(1) (an incomplete-gamma evaluation).
    public static func survival(_ x: Double, degreesOfFreedom: Double) -> Double {
        precondition(degreesOfFreedom > 0, "chi-squared survival: degrees of freedom \(degreesOfFreedom) must be > 0")
        guard !x.isNaN else { return .nan }
        _ = GSLRuntime.prepared
        return gsl_cdf_chisq_Q(x, degreesOfFreedom)
    }
}

/// The F distribution's upper tail (GSL's `gsl_cdf_fdist_Q`), for test p-values.
public enum FDistribution {
    /// P(X > x) for X ~ F(ν₁, ν₂).
    ///
    /// - Parameters:
    ///   - x: the statistic; values ≤ 0 give 1, +∞ gives 0.
    ///   - numeratorDegreesOfFreedom: ν₁ > 0.
    ///   - denominatorDegreesOfFreedom: ν₂ > 0.
    /// - Returns: a probability in [0, 1]; NaN for a NaN statistic.
    /// - Complexity: O(1) (an incomplete-beta evaluation).
    public static func survival(_ x: Double, numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) -> Double {
        precondition(numeratorDegreesOfFreedom > 0 && denominatorDegreesOfFreedom > 0,
                     "F survival: degrees of freedom (\(numeratorDegreesOfFreedom), \(denominatorDegreesOfFreedom)) must be > 0")
        guard !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        _ = GSLRuntime.prepared
        return gsl_cdf_fdist_Q(x, numeratorDegreesOfFreedom, denominatorDegreesOfFreedom)
    }
}

/// The studentized range distribution with infinitely many degrees of freedom: the range of
/// `groups` independent standard normal draws. Used for Nemenyi's critical difference
/// (q_α/√2 in Demšar 2006 is a quantile of this distribution divided by √2).
public enum StudentizedRange {
    /// P(W ≤ q), where W = max − min of `groups` iid N(0, 1) draws:
    /// k ∫ φ(z) [Φ(z) − Φ(z − q)]^(k−1) dz over the real line.
    ///
    /// - Parameters:
    ///   - q: the range; values ≤ 0 give 0.
    ///   - groups: k ≥ 2.
    /// - Returns: the probability, accurate to about 1e-12 (GSL's adaptive `gsl_integration_qagi`).
    /// - Complexity: one adaptive quadrature (a few hundred CDF evaluations).
    public static func cdf(_ q: Double, groups: Int) -> Double {
        precondition(groups >= 2, "studentized range: need at least 2 groups, got \(groups)")
        guard q > 0 else { return 0 }
        if q == .infinity { return 1 }
        _ = GSLRuntime.prepared
        var parameters = (q: q, power: Double(groups - 1))
        let workspaceSize = 500
        guard let workspace = gsl_integration_workspace_alloc(workspaceSize) else {
            fatalError("GSL could not allocate an integration workspace (out of memory)")
        }
        defer { gsl_integration_workspace_free(workspace) }
        var result = 0.0, error = 0.0
        let status = withUnsafeMutablePointer(to: &parameters) { pointer -> Int32 in
            var integrand = gsl_function(
                function: { z, raw in
                    let p = raw!.assumingMemoryBound(to: (q: Double, power: Double).self).pointee
                    let inner = gsl_cdf_ugaussian_P(z) - gsl_cdf_ugaussian_P(z - p.q)
                    guard inner > 0 else { return 0 }
                    return gsl_ran_ugaussian_pdf(z) * pow(inner, p.power)
                },
                params: UnsafeMutableRawPointer(pointer))
            return gsl_integration_qagi(&integrand, 0, 1e-12, workspaceSize, workspace, &result, &error)
        }
        precondition(status == GSL_SUCCESS || status == GSL_EROUND,
                     "studentized range: quadrature failed (GSL status \(status)) at q = \(q), k = \(groups)")
        return min(1, max(0, Double(groups) * result))
    }

    /// The `p` quantile: the q with ``cdf(_:groups:)`` = p, found by bisection.
    ///
    /// - Parameters:
    ///   - p: a probability, 0 < p < 1.
    ///   - groups: k ≥ 2.
    /// - Returns: q accurate to about 1e-10.
    /// - Complexity: about 60 evaluations of ``cdf(_:groups:)``.
    public static func quantile(_ p: Double, groups: Int) -> Double {
        precondition(p > 0 && p < 1, "studentized range quantile: need 0 < p < 1, got \(p)")
        precondition(groups >= 2, "studentized range: need at least 2 groups, got \(groups)")
        var low = 0.0, high = 1.0
        while cdf(high, groups: groups) < p { low = high; high *= 2 }
        for _ in 0..<200 {
            let middle = 0.5 * (low + high)
            if middle <= low || middle >= high { break }
            if cdf(middle, groups: groups) < p { low = middle } else { high = middle }
            if high - low < 1e-11 { break }
        }
        return 0.5 * (low + high)
    }
}
