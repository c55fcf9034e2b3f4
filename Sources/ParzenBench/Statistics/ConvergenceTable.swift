import GSLKit

/// One problem's convergence curves, summarised for its picture: the evaluations,
/// `quantiles[row][suggester]` = (median, q25, q75) of the best-so-far regret over the
/// replicates, and what a log axis needs to know. With trace.csv there is one row at evaluation 1,
/// at every evaluation where some run improved, and at the budget; without it, one row per
/// checkpoint.
public struct ConvergenceTable: Sendable, Equatable {
    public let evaluations: [Int]
    public let quantiles: [[[Double]]]
    /// The replicates of the first suggester (the title's count).
    public let replicates: Int
    /// The smallest positive finite value (of the quantiles with traces, of every regret
    /// without), nil if none; whether any value is ≤ 0, and whether no value is finite.
    public let smallestPositive: Double?
    public let floored: Bool
    public let empty: Bool

    /// The table of `one`'s single problem.
    init(_ one: ResultSet) {
        if one.traces == nil {
            evaluations = one.checkpoints
            quantiles = one.checkpoints.indices.map { c in
                one.suggesters.indices.map { s in
                    let sorted = Statistics.sorted(one.regrets(problem: 0, suggester: s, checkpoint: c))
                    return [0.5, 0.25, 0.75].map { Quartiles.quantile(sorted: sorted, $0) }
                }
            }
        } else {
            let curves = one.suggesters.indices.map { one.curves(problem: 0, suggester: $0) }
            var counts = Set<Int>([1, one.budget(problem: 0)])
            for runs in curves { for run in runs { counts.formUnion(run.evaluations) } }
            evaluations = counts.sorted()
            quantiles = evaluations.map { e in
                curves.map { runs in
                    let sorted = Statistics.sorted(runs.map { $0.regret(after: e) })
                    return [0.5, 0.25, 0.75].map { Quartiles.quantile(sorted: sorted, $0) }
                }
            }
        }
        let all = one.traces == nil ? one.regrets[0].flatMap { $0.flatMap { $0 } } : quantiles.flatMap { $0.flatMap { $0 } }
        smallestPositive = all.filter { $0 > 0 && $0.isFinite }.min()
        floored = all.contains { $0 <= 0 }
        empty = !all.contains { $0.isFinite }
        replicates = one.regrets[0].first?.count ?? 0
    }
}
