import GSLKit

/// Holm's step-down (Holm–Bonferroni) adjustment of a family of p-values, which controls the
/// family-wise error rate (Holm 1979).
public enum HolmBonferroni {
    /// Holm-adjusted p-values, in the order given.
    ///
    /// With the m p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value of p₍ⱼ₎ is
    /// min(1, maxᵢ≤ⱼ (m − i + 1)·p₍ᵢ₎): multiplied by the number of hypotheses not yet rejected,
    /// made monotone (never smaller than an adjusted value earlier in the order) and capped at 1
    /// (statsmodels' `multipletests(method='holm')`, R's `p.adjust(method='holm')`).
    /// Reject hypothesis j at level α when its adjusted value is < α.
    ///
    /// - Parameter pValues: the family; each in [0, 1] (no NaN). An empty family gives [].
    /// - Returns: the adjusted values, same count and order; each ≥ the raw value.
    /// - Complexity: O(m log m).
    /// - Determinism: a pure function; tied p-values get equal adjusted values whatever order
    ///   the sort leaves them in.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        precondition(pValues.allSatisfy { $0 >= 0 && $0 <= 1 }, "Holm: p-values must lie in [0, 1]")
        let m = pValues.count
        let order = Statistics.sortIndex(pValues)
        var adjusted = [Double](repeating: 0, count: m)
        var running = 0.0
        for (position, index) in order.enumerated() {
            running = max(running, min(1, Double(m - position) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
