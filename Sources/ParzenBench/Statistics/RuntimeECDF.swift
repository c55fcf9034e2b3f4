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

    /// The ECDF value at each evaluation count: the weighted fraction of (problem, target, run)
    /// triples reached after that many evaluations (see ``RuntimeECDF`` for the weighting).
    ///
    /// - Parameters:
    ///   - problems: one entry per problem, all for the same suggester; non-empty.
    ///   - evaluations: the counts to evaluate the ECDF at (any order; typically 1…budget or
    ///     log-spaced).
    /// - Returns: fractions in [0, 1], one per count, non-decreasing in the count.
    /// - Complexity: O(R·T·(log C + log E) + E·log E) with R runs, T targets, C points per curve, E counts.
    /// - Determinism: a pure function.
    public static func fractionReached(problems: [Problem], at evaluations: [Int]) -> [Double] {
        precondition(!problems.isEmpty, "ECDF: need at least one problem")
        var fractions = [Double](repeating: 0, count: evaluations.count)
        // The counts in ascending order; a hit adds one from the first count ≥ it onwards.
        let order = evaluations.indices.sorted { evaluations[$0] < evaluations[$1] }
        let ascending = order.map { evaluations[$0] }
        for problem in problems {
            // Integer counts per problem, divided once, so a fully reached problem adds exactly 1/P.
            var starts = [Int](repeating: 0, count: evaluations.count + 1)
            for run in problem.runs {
                for target in problem.targets {
                    guard let hit = run.hittingEvaluation(of: target) else { continue }
                    var low = 0, high = ascending.count
                    while low < high {
                        let middle = (low + high) / 2
                        if ascending[middle] >= hit { high = middle } else { low = middle + 1 }
                    }
                    starts[low] += 1
                }
            }
            var reached = [Int](repeating: 0, count: evaluations.count)
            var running = 0
            for (position, index) in order.enumerated() {
                running += starts[position]
                reached[index] = running
            }
            let pairs = Double(problem.runs.count * problem.targets.count)
            for index in reached.indices { fractions[index] += Double(reached[index]) / pairs }
        }
        return fractions.map { min(1, $0 / Double(problems.count)) }
    }
}
