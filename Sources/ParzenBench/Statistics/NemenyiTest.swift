import GSLKit

/// Nemenyi's post-hoc test after a Friedman test: the critical difference of average ranks
/// (Demšar 2006, "Statistical comparisons of classifiers over multiple data sets", JMLR 7:1–30,
/// section 3.2.2 and Table 5).
public enum NemenyiTest {
    /// q_α for α = 0.05 and k = 2…10 from Demšar (2006), Table 5(a): studentized range
    /// quantiles (infinite degrees of freedom) divided by √2.
    public static let demsarQ005: [Int: Double] = [
        2: 1.960, 3: 2.343, 4: 2.569, 5: 2.728, 6: 2.850, 7: 2.949, 8: 3.031, 9: 3.102, 10: 3.164,
    ]
    /// q_α for α = 0.10 and k = 2…10 from Demšar (2006), Table 5(a).
    public static let demsarQ010: [Int: Double] = [
        2: 1.645, 3: 2.052, 4: 2.291, 5: 2.459, 6: 2.589, 7: 2.693, 8: 2.780, 9: 2.855, 10: 2.920,
    ]

    /// The critical value q_α for k groups: Demšar's three-decimal table for α ∈ {0.05, 0.10} and
    /// k ≤ 10; otherwise computed as the (1 − α) quantile of the studentized range with
    /// infinite degrees of freedom divided by √2 (``StudentizedRange/quantile(_:groups:)``, GSL
    /// quadrature), which agrees with the table within 1e-3 (the table's last digit is not always
    /// correctly rounded, e.g. 2.343 for k = 3 where the quantile is 2.3437).
    ///
    /// - Parameters:
    ///   - groups: k ≥ 2.
    ///   - alpha: the significance level, 0 < α < 1.
    /// - Complexity: O(1) from the table; one root search otherwise.
    public static func q(groups: Int, alpha: Double = 0.05) -> Double {
        precondition(groups >= 2, "Nemenyi: need at least two groups, got \(groups)")
        precondition(alpha > 0 && alpha < 1, "Nemenyi: alpha \(alpha) outside (0, 1)")
        if alpha == 0.05, let value = demsarQ005[groups] { return value }
        if alpha == 0.10, let value = demsarQ010[groups] { return value }
        return StudentizedRange.quantile(1 - alpha, groups: groups) / 2.0.squareRoot()
    }

    /// The critical difference CD = q_α √(k(k + 1)/(6N)).
    ///
    /// - Parameters:
    ///   - groups: k ≥ 2, the number of suggesters compared.
    ///   - problems: N ≥ 1, the number of problems the ranks are averaged over.
    ///   - alpha: the significance level; 0.05 by default.
    /// - Returns: the smallest difference of average ranks that is significant at α.
    /// - Determinism: a pure function.
    public static func criticalDifference(groups: Int, problems: Int, alpha: Double = 0.05) -> Double {
        precondition(problems >= 1, "Nemenyi: need at least one problem, got \(problems)")
        let k = Double(groups)
        return q(groups: groups, alpha: alpha) * (k * (k + 1) / (6 * Double(problems))).squareRoot()
    }
}
