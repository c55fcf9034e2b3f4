#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runtime ECDFs in COCO's sense (Hansen et al., "COCO: performance assessment", 2022): for each
/// evaluation count, the fraction of (problem, target, run) triples whose best-so-far regret has
/// reached the target by then.
///
/// A target t is reached at the first evaluation count whose best-so-far regret is ≤ t (a
/// regret of 0 or below reaches every target). Targets are log-spaced in regret; by default the
/// 51 values 10², 10^1.8, …, 10⁻⁸ that COCO's bbob ECDFs use. Problems whose regrets live on
/// other scales can pass their own targets (e.g. log-spaced between the median regret of the
/// first evaluation and a small fraction of it).
///
/// Weighting: every problem counts equally, every run equally within its problem, every target
/// equally within its run. With the same number of runs and targets on every problem this is the
/// plain fraction of triples reached. Unlike cocopp there are no bootstrapped "simulated
/// restarts": a run that misses a target counts as not reached at every budget.
public enum RuntimeECDF {
    /// One run's best-so-far regret, sampled at ascending evaluation counts.
    public struct Curve: Sendable, Equatable {
        /// Evaluation counts, strictly ascending, ≥ 1.
        public let evaluations: [Int]
        /// The best-so-far regret at each count (made non-increasing on construction; NaN is
        /// "nothing valid yet" and reaches no target).
        public let regrets: [Double]

        /// A curve sampled at the given counts (e.g. the checkpoints of runs.csv).
        ///
        /// - Parameters:
        ///   - evaluations: strictly ascending counts ≥ 1.
        ///   - regrets: the regret at each count, same length; a running minimum is applied so
        ///     a raw (not yet best-so-far) curve is also accepted.
        public init(evaluations: [Int], regrets: [Double]) {
            precondition(evaluations.count == regrets.count, "ECDF curve: \(evaluations.count) counts but \(regrets.count) regrets")
            precondition(zip(evaluations, evaluations.dropFirst()).allSatisfy { $0 < $1 } && (evaluations.first ?? 1) >= 1,
                         "ECDF curve: evaluation counts must be strictly ascending and ≥ 1")
            self.evaluations = evaluations
            var best = Double.nan
            self.regrets = regrets.map { value in
                if !value.isNaN && (best.isNaN || value < best) { best = value }
                return best
            }
        }

        /// A curve with one regret per evaluation: `regrets[i]` after i + 1 evaluations.
        public init(regrets: [Double]) {
            self.init(evaluations: regrets.indices.map { $0 + 1 }, regrets: regrets)
        }

        /// The first evaluation count at which the best-so-far regret is ≤ `target`, or nil if
        /// the curve never reaches it.
        ///
        /// - Complexity: O(log n) (binary search on the non-increasing regrets).
        public func hittingEvaluation(of target: Double) -> Int? {
            // Regrets are NaN for a prefix, then non-increasing; find the first index ≤ target.
            var low = 0, high = regrets.count
            while low < high {
                let middle = (low + high) / 2
                let value = regrets[middle]
                if !value.isNaN && value <= target { high = middle } else { low = middle + 1 }
            }
            return low < regrets.count ? evaluations[low] : nil
        }
    }

    /// The runs on one problem and the targets that problem is measured against.
    public struct Problem: Sendable, Equatable {
        /// Regret targets (any order), positive and finite.
        public let targets: [Double]
        /// The runs (replicates); at least one.
        public let runs: [Curve]

        public init(targets: [Double] = RuntimeECDF.logSpacedTargets(), runs: [Curve]) {
            precondition(!targets.isEmpty && targets.allSatisfy { $0 > 0 && $0.isFinite }, "ECDF: targets must be positive and finite")
            precondition(!runs.isEmpty, "ECDF: a problem needs at least one run")
            self.targets = targets
            self.runs = runs
        }
    }

    /// `count` targets log-spaced from `high` down to `low`, both included:
    /// 10^(log₁₀ high − i·(log₁₀ high − log₁₀ low)/(count − 1)), i = 0…count − 1.
    /// The defaults give COCO's 51 targets 10², 10^1.8, …, 10⁻⁸.
    ///
    /// - Precondition: 0 < low ≤ high, both finite; count ≥ 1 (count = 1 gives [high]).
    public static func logSpacedTargets(high: Double = 1e2, low: Double = 1e-8, count: Int = 51) -> [Double] {
        precondition(low > 0 && low <= high && high.isFinite, "ECDF targets: need 0 < low <= high")
        precondition(count >= 1, "ECDF targets: need at least one target")
        guard count > 1 else { return [high] }
        let top = log10(high), bottom = log10(low)
        return (0..<count).map { i in
            if i == 0 { return high }
            if i == count - 1 { return low }
            return pow(10, top - Double(i) * (top - bottom) / Double(count - 1))
        }
    }

    /// When the runs on one problem reached its targets: how many (run, target) pairs were first
    /// reached at each evaluation count, and how many pairs there are. Its size is bounded by
    /// the distinct hitting counts (at most the budget), whatever the number of runs.
    public struct Hits: Sendable, Equatable {
        /// Ascending evaluation counts, and the pairs first reached at each.
        public let evaluations: [Int]
        public let counts: [Int]
        /// Runs × targets.
        public let pairs: Int

        /// The hits of `runs` against `targets` (positive and finite).
        ///
        /// - Complexity: O(R·T·log C) with R runs, T targets, C points per curve.
        public init(runs: [Curve], targets: [Double]) {
            var byEvaluation: [Int: Int] = [:]
            for run in runs {
                for target in targets {
                    if let hit = run.hittingEvaluation(of: target) { byEvaluation[hit, default: 0] += 1 }
                }
            }
            evaluations = byEvaluation.keys.sorted()
            counts = evaluations.map { byEvaluation[$0]! }
            pairs = runs.count * targets.count
        }

        /// The pairs reached after each of `ascending` evaluation counts.
        public func reached(at ascending: [Int]) -> [Int] {
            var result: [Int] = [], running = 0, next = 0
            result.reserveCapacity(ascending.count)
            for count in ascending {
                while next < evaluations.count && evaluations[next] <= count {
                    running += counts[next]
                    next += 1
                }
                result.append(running)
            }
            return result
        }
    }

    /// The ECDF value at each of `ascending` evaluation counts, from each problem's ``Hits``
    /// (one entry per problem, all for the same suggester; non-empty): the weighted fraction of
    /// (problem, target, run) triples reached (see ``RuntimeECDF`` for the weighting).
    ///
    /// - Complexity: O(P·(E + H)) with P problems, E counts, H distinct hitting counts.
    /// - Determinism: a pure function; problems are added in the order given.
    public static func fractions(_ problems: [Hits], at ascending: [Int]) -> [Double] {
        precondition(!problems.isEmpty, "ECDF: need at least one problem")
        var fractions = [Double](repeating: 0, count: ascending.count)
        for problem in problems {
            // Integer counts per problem, divided once, so a fully reached problem adds exactly 1/P.
            let pairs = Double(problem.pairs)
            for (index, reached) in problem.reached(at: ascending).enumerated() { fractions[index] += Double(reached) / pairs }
        }
        return fractions.map { min(1, $0 / Double(problems.count)) }
    }

    /// The ECDF value at each evaluation count: the weighted fraction of (problem, target, run)
    /// triples reached after that many evaluations (see ``RuntimeECDF`` for the weighting).
    ///
    /// - Parameters:
    ///   - problems: one entry per problem, all for the same suggester; non-empty.
    ///   - evaluations: the counts to evaluate the ECDF at (any order; typically 1…budget or
    ///     log-spaced).
    /// - Returns: fractions in [0, 1], one per count, non-decreasing in the count.
    /// - Complexity: O(R·T·log C + E·log E) with R runs, T targets, C points per curve, E counts.
    /// - Determinism: a pure function.
    public static func fractionReached(problems: [Problem], at evaluations: [Int]) -> [Double] {
        let order = evaluations.indices.sorted { evaluations[$0] < evaluations[$1] }
        let ascending = fractions(problems.map { Hits(runs: $0.runs, targets: $0.targets) }, at: order.map { evaluations[$0] })
        var result = [Double](repeating: 0, count: evaluations.count)
        for (position, index) in order.enumerated() { result[index] = ascending[position] }
        return result
    }
}
