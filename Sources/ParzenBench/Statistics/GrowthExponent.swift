import Foundation
import GSLKit

/// How a suggester's suggestion time grows with the trial index n: the exponent b of
/// t(n) ≈ a·nᵇ, the slope of the least-squares line through (log n, log t) over the index bins of
/// cost-growth.csv whose middle trial lies in the last two doublings of the suggester's trial
/// indices (from n_max/4 to n_max), where start-up phases (such as TPE's 20 random first trials)
/// are behind in runs of 100 trials or more. About 0 for a cost that does not grow with the
/// history, 1 for a linear one.
public struct GrowthExponent: Sendable, Equatable {
    public var exponent: Double
    /// The trial indices the fitted bins span.
    public var trials: ClosedRange<Int>
    /// The bins fitted.
    public var points: Int

    /// The fewest bins a line is fitted through.
    public static let minimumPoints = 3

    /// The exponent of one suggester's rows (`rows` of one suggester, any order); nil with fewer
    /// than ``minimumPoints`` bins of positive median time in the last two doublings.
    ///
    /// - Complexity: O(rows).
    public static func fit(_ rows: [CostGrowthTable.Row]) -> GrowthExponent? {
        guard let last = rows.map(\.trialIndex).max() else { return nil }
        let fitted = rows.filter { $0.trialIndex >= last / 4 && $0.suggest > 0 && $0.suggest.isFinite }
        guard fitted.count >= minimumPoints,
              let line = Statistics.linearFit(x: fitted.map { log10($0.trialIndex) }, y: fitted.map { log10($0.suggest) }) else { return nil }
        return GrowthExponent(exponent: line.slope, trials: fitted.map(\.firstTrial).min()!...fitted.map(\.lastTrial).max()!,
                              points: fitted.count)
    }
}
