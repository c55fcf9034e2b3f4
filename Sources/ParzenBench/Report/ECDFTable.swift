import GSLKit

/// ecdf.csv: COCO-style runtime ECDFs, the fraction of (problem, target) pairs reached against
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
///
/// Columns, in this order: `suggester,evaluations,fraction`; rows by suggester in manifest
/// order, then by evaluations ascending.
public enum ECDFTable {
    public static let fileName = "ecdf.csv"
    public static let header = ["suggester", "evaluations", "fraction"]
    /// Targets per problem.
    public static let targetCount = 51

    /// The target range (high, low) of problem `p`.
    public static func targetRange(_ results: ResultSet, problem p: Int) -> (high: Double, low: Double) {
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
        return (high, low)
    }

    /// The targets of problem `p`, hardest last.
    public static func targets(_ results: ResultSet, problem p: Int) -> [Double] {
        let range = targetRange(results, problem: p)
        return RuntimeECDF.logSpacedTargets(high: range.high, low: range.low, count: targetCount)
    }

    /// The evaluation counts the ECDFs are given at: with trace.csv, 1, every evaluation at which
    /// some run improved, and every problem's budget; without it, the checkpoints.
    public static func evaluations(_ results: ResultSet) -> [Int] {
        guard let traces = results.traces else { return results.checkpoints }
        var counts = Set<Int>([1, results.finalEvaluations])
        for p in results.problems.indices {
            counts.insert(results.budget(problem: p))
            for runs in traces[p] { for run in runs { counts.formUnion(run.evaluations) } }
        }
        return counts.sorted()
    }

    /// `fractions[suggester][e]` at `evaluations(results)[e]`.
    public static func fractions(_ results: ResultSet) -> [[Double]] {
        fractions(results, at: evaluations(results))
    }

    /// `fractions[suggester][e]` at `counts[e]`: every run's curve (``ResultSet/curves(problem:suggester:)``)
    /// against its problem's targets.
    public static func fractions(_ results: ResultSet, at counts: [Int]) -> [[Double]] {
        let targets = results.problems.indices.map { self.targets(results, problem: $0) }
        return results.suggesters.indices.map { s in
            let problems = results.problems.indices.map { p in
                RuntimeECDF.Problem(targets: targets[p], runs: results.curves(problem: p, suggester: s).map {
                    RuntimeECDF.Curve(evaluations: $0.evaluations, regrets: $0.regrets)
                })
            }
            return RuntimeECDF.fractionReached(problems: problems, at: counts)
        }
    }

    /// The text of ecdf.csv.
    /// - Determinism: a pure function of `results`.
    public static func text(_ results: ResultSet) -> String {
        var lines = [CSV.row(header)]
        let counts = evaluations(results)
        for (s, curve) in fractions(results, at: counts).enumerated() {
            for (c, evaluations) in counts.enumerated() {
                lines.append(CSV.row([results.suggesters[s].label, String(evaluations), CSV.number(curve[c])]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
