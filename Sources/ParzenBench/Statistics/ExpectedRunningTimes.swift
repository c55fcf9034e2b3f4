import GSLKit

/// One problem's expected running times to its easiest, middle and hardest ECDF target.
public struct ExpectedRunningTimes: Sendable {
    /// The indexes of the ECDF targets the ERT table shows: the easiest, the middle and the hardest.
    public static let targetIndexes = [0, ECDFTable.targetCount / 2, ECDFTable.targetCount - 1]

    /// The targets of ``targetIndexes``.
    public let targets: [Double]
    /// `rows[target][suggester]`: the ERT, the runs that reached the target and all runs.
    public let rows: [[(ert: Double, successes: Int, runs: Int)]]

    /// The times of `one`'s single problem, whose ECDF targets are `all`.
    init(_ one: ResultSet, targets all: [Double]) {
        let targets = Self.targetIndexes.map { all[min($0, all.count - 1)] }
        let runs = one.suggesters.indices.map { s in
            (curves: one.curves(problem: 0, suggester: s).map { RuntimeECDF.Curve(evaluations: $0.evaluations, regrets: $0.regrets) },
             lengths: one.runLengths(problem: 0, suggester: s))
        }
        self.targets = targets
        rows = targets.map { target in
            runs.map { group in
                let hits = group.curves.map { $0.hittingEvaluation(of: target) }
                return (ExpectedRunningTime.ert(hits: hits, lengths: group.lengths), hits.compactMap { $0 }.count, hits.count)
            }
        }
    }
}
