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
/// A regret ≤ 0 reaches every target. The curves are known only at the checkpoints of runs.csv,
/// so the ECDF is evaluated there: a target counts as reached at the first checkpoint whose
/// best-so-far regret is ≤ it (``RuntimeECDF``: problems weigh equally, replicates equally
/// within a problem).
///
/// Columns, in this order: `suggester,evaluations,fraction`; rows by suggester in manifest
/// order, then by checkpoint ascending.
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

    /// `fractions[suggester][checkpoint]`.
    public static func fractions(_ results: ResultSet) -> [[Double]] {
        let targets = results.problems.indices.map { self.targets(results, problem: $0) }
        return results.suggesters.indices.map { s in
            let problems = results.problems.indices.map { p in
                RuntimeECDF.Problem(targets: targets[p], runs: results.regrets[p][s].map {
                    RuntimeECDF.Curve(evaluations: results.checkpoints, regrets: $0)
                })
            }
            return RuntimeECDF.fractionReached(problems: problems, at: results.checkpoints)
        }
    }

    /// The text of ecdf.csv.
    /// - Determinism: a pure function of `results`.
    public static func text(_ results: ResultSet) -> String {
        var lines = [CSV.row(header)]
        for (s, curve) in fractions(results).enumerated() {
            for (c, evaluations) in results.checkpoints.enumerated() {
                lines.append(CSV.row([results.suggesters[s].label, String(evaluations), CSV.number(curve[c])]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
