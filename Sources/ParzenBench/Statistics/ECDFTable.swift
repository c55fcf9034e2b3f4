import GSLKit

/// COCO-style runtime ECDFs, the fraction of (problem, target) pairs reached against
/// evaluations, one curve per suggester over all problems.
///
/// Targets are per problem, ``targetCount`` values log-spaced in regret from `high` down to
/// `low`:
/// - `high`: the median regret at the first checkpoint, pooled over every suggester and
///   replicate (a target "typical after the first checkpoint"); if that is not positive and
///   finite, the largest positive finite regret seen; 1 if there is none;
/// - `low`: the smallest positive finite regret any run reached at the final checkpoint (so only
///   the best run reaches the hardest target), but at least `high`·10⁻⁸; `high`·10⁻⁸ when no
///   run has a positive finite regret (every run hit the optimum).
///
/// A regret ≤ 0 reaches every target. A target counts as reached at the first evaluation whose
/// best-so-far regret is ≤ it (``RuntimeECDF``: problems weigh equally, replicates equally
/// within a problem). With trace.csv the curves are known at every evaluation and the ECDF is
/// given wherever it can change (``evaluations(_:)``); without it (results collected before
/// traces), at the checkpoints of runs.csv.
public enum ECDFTable {
    /// Targets per problem.
    public static let targetCount = 51

    /// A problem's targets: from `high` (easiest) down to `low` (hardest).
    public struct TargetRange: Sendable, Equatable {
        public let high: Double
        public let low: Double

        /// The ``ECDFTable/targetCount`` targets, hardest last.
        public var targets: [Double] { RuntimeECDF.logSpacedTargets(high: high, low: low, count: targetCount) }
    }

    /// The hits of every run of (problem `p`, suggester `s`) against the problem's `targets`.
    public static func hits(_ results: ResultSet, problem p: Int, suggester s: Int, targets: [Double]) -> RuntimeECDF.Hits {
        RuntimeECDF.Hits(runs: results.curves(problem: p, suggester: s).map { RuntimeECDF.Curve(evaluations: $0.evaluations, regrets: $0.regrets) },
                         targets: targets)
    }

    /// The target range of problem `p`.
    public static func targetRange(_ results: ResultSet, problem p: Int) -> TargetRange {
        let first = results.suggesters.indices.flatMap { results.regrets(problem: p, suggester: $0, checkpoint: 0) }
            .filter { $0.isFinite }
        var high = first.isEmpty ? .nan : Statistics.median(sorted: Statistics.sorted(first))
        if !(high > 0 && high.isFinite) {
            let positives = results.regrets[p].flatMap { $0.flatMap { $0 } }.filter { $0 > 0 && $0.isFinite }
            high = positives.max() ?? 1
        }
        let finals = results.suggesters.indices.flatMap { results.finalRegrets(problem: p, suggester: $0) }
            .filter { $0 > 0 && $0.isFinite }
        let floor = high * 1e-8
        let low = min(high, max(floor, finals.min() ?? floor))
        return TargetRange(high: high, low: low)
    }

    /// The evaluation counts the ECDFs are given at: with trace.csv, 1, every evaluation at which
    /// some run improved, and every problem's budget; without it, the checkpoints.
    public static func evaluations(_ summary: ResultsSummary) -> [Int] {
        guard summary.hasTraces else { return summary.checkpoints }
        var counts = Set<Int>([1, summary.finalEvaluations])
        for problem in summary.perProblem { counts.formUnion(problem.evaluations) }
        return counts.sorted()
    }

    /// `fractions[suggester][e]` at `evaluations(summary)[e]`.
    public static func fractions(_ summary: ResultsSummary) -> [[Double]] {
        fractions(summary, at: evaluations(summary))
    }

    /// `fractions[suggester][e]` at `counts[e]` (ascending): every run's curve
    /// (``ResultSet/curves(problem:suggester:)``) against its problem's targets, problems weighing
    /// equally and runs equally within a problem (``RuntimeECDF/fractions(_:at:)``).
    public static func fractions(_ summary: ResultsSummary, at counts: [Int]) -> [[Double]] {
        summary.suggesters.indices.map { s in RuntimeECDF.fractions(summary.perProblem.map { $0.hits[s] }, at: counts) }
    }
}
