import Foundation
import GSLKit
import Parzen

/// Times one suggester's `suggest` on a fixed history: the cost per suggestion that
/// `parzen bench suggest` reports and `benchmarks/compare_tpe.sh` compares with hyperopt.
///
/// The history follows hyperopt's benchmark convention: N points drawn from the prior and
/// evaluated, so every algorithm (and hyperopt's `tpe.suggest` in
/// `benchmarks/hyperopt_tpe_bench.py`) faces the same kind of history, whatever it would have
/// proposed itself. Then R suggestions are timed one by one with `ContinuousClock`, each by a
/// suggester made for it, on the same N-trial history (nothing proposed is appended):
///
/// - ``Mode/search`` (the default): the suggester has first suggested on the history's first
///   N − 1 trials (untimed), so the timed call sees one new trial, as every call in a search
///   does. Suggesters that keep state between calls (TPE keeps its sorted observations) are
///   timed as a search uses them.
/// - ``Mode/cold``: a new suggester on the whole history, the cost of a first call, and what a
///   stateless suggester such as hyperopt's `tpe.suggest` pays on every call.
///
/// ```swift
/// let branin = try TestFunctionRegistry.function(named: "branin")
/// let bench = SuggestBenchmark(algorithm: .tpe, space: branin.space, objective: branin.evaluate,
///                              history: 1000, repeats: 200, seed: 1)
/// let result = try bench.run()
/// print(result.medianMicroseconds, result.p90Microseconds)
/// ```
public struct SuggestBenchmark {
    public var algorithm: Algorithm
    public var space: SearchSpace
    public var objective: (Value) -> Double
    /// N, the number of evaluated trials in the history.
    public var history: Int
    /// R, the number of timed suggestions.
    public var repeats: Int
    /// Seeds the prior draws of the history (stream 1) and the suggester (stream 2).
    public var seed: UInt32
    /// What the suggester has seen before the timed call.
    public var mode: Mode
    /// Where the history's points come from.
    public var source: HistorySource = .prior

    /// Where the N trials of the history come from.
    public enum HistorySource: String, Sendable, CaseIterable {
        /// Draws from the prior (hyperopt's benchmark convention; every algorithm faces the
        /// same points).
        case prior
        /// The algorithm's own search of N trials (a seeded `fmin`-like loop: suggest, evaluate,
        /// append), so a model-based suggester is timed in the state its own search reaches
        /// (a CMA-ES that has converged rather than one told scattered points).
        case search
    }

    /// What a timed suggester has seen before its timed call.
    public enum Mode: String, Sendable, CaseIterable {
        /// The first N − 1 trials (it suggested there): the state of a suggester in a search.
        case search
        /// Nothing: a new suggester.
        case cold
    }

    /// Describes a benchmark; nothing runs until ``run()``.
    ///
    /// - Parameters:
    ///   - algorithm: the suggester and its options.
    ///   - space: the search space.
    ///   - objective: the loss of an evaluated point (`SearchSpace.evaluate`); NaN or ±∞ make a
    ///     failed trial, as in `fmin`.
    ///   - history: N ≥ 0 evaluated trials drawn from the prior.
    ///   - repeats: R ≥ 1 timed suggestions.
    ///   - seed: any value; the same seed gives the same history and the same suggestions.
    ///   - mode: what each timed suggester has seen before (``Mode/search`` by default).
    public init(algorithm: Algorithm, space: SearchSpace, objective: @escaping (Value) -> Double, history: Int, repeats: Int, seed: UInt32, mode: Mode = .search) {
        self.algorithm = algorithm
        self.space = space
        self.objective = objective
        self.history = history
        self.repeats = repeats
        self.seed = seed
        self.mode = mode
    }

    /// The timings of one run.
    public struct Result: Sendable, Equatable {
        /// The algorithm's registry name.
        public var algorithm: String
        public var history: Int
        public var repeats: Int
        /// Median wall time of one `suggest` call, microseconds.
        public var medianMicroseconds: Double
        /// 90th percentile (linear interpolation, as NumPy's default), microseconds.
        public var p90Microseconds: Double
        /// Every timed call in order, microseconds.
        public var samplesMicroseconds: [Double]
        /// The process's peak resident set size in bytes after the run (Linux `VmHWM`); nil where
        /// `/proc/self/status` does not exist.
        public var peakResidentBytes: Int?
    }

    /// Builds the history and times `repeats` suggestions, each by a new suggester that has
    /// first suggested on the first N − 1 trials (``Mode/search``) or has seen nothing
    /// (``Mode/cold``).
    ///
    /// - Throws: ``SuggesterError`` if the algorithm cannot search the space;
    ///   ``SuggestBenchmarkError`` for N < 0 or R < 1, or when the algorithm proposes nothing.
    /// - Complexity: N objective evaluations plus R suggesters' set-up and R (cold) or 2R
    ///   (search) suggestions.
    /// - Determinism: the history and the proposals are a pure function of the arguments; the
    ///   timings and peak memory are not.
    public func run() throws -> Result {
        guard history >= 0 else { throw SuggestBenchmarkError.invalidArgument("history must be >= 0, got \(history)") }
        guard repeats >= 1 else { throw SuggestBenchmarkError.invalidArgument("repeats must be >= 1, got \(repeats)") }
        let built = makeHistory()
        // The first N − 1 trials, and the whole history grown from them by one append: the
        // history a search holds at its next call.
        let earlier = Trials(Array(built.trials.dropLast()))
        var trials = earlier
        if let last = built.trials.last { trials.append(last) }
        let rng = MersenneTwister(seed: seed &+ 0x9E37_79B9)
        let clock = ContinuousClock()
        var samples: [Double] = []
        samples.reserveCapacity(repeats)
        for _ in 0..<repeats {
            var suggester = try algorithm.makeSuggester(space: space, budget: history + 2, using: rng)
            if mode == .search && history > 0 {
                guard try suggester.suggest(history: earlier, using: rng) != nil else {
                    throw SuggestBenchmarkError.exhausted(algorithm.name)
                }
            }
            let (proposal, elapsed) = try Self.timedSuggestion(&suggester, history: trials, using: rng, clock: clock)
            guard proposal != nil else { throw SuggestBenchmarkError.exhausted(algorithm.name) }
            samples.append(Self.microseconds(elapsed))
        }
        let sorted = Statistics.sorted(samples)
        return Result(
            algorithm: algorithm.name, history: history, repeats: repeats,
            medianMicroseconds: Statistics.median(sorted: sorted),
            p90Microseconds: Statistics.quantile(sorted: sorted, 0.9),
            samplesMicroseconds: samples,
            peakResidentBytes: Self.peakResidentBytes())
    }

    /// One timed call. Never inlined, so an instruction counter can measure exactly the timed
    /// calls (`valgrind --tool=callgrind --toggle-collect='*timedSuggestion*'`, as
    /// benchmarks/tpe_instructions.sh does).
    @inline(never)
    static func timedSuggestion(_ suggester: inout any Suggester, history: Trials, using rng: MersenneTwister, clock: ContinuousClock) throws -> (Assignment?, Duration) {
        let start = clock.now
        let proposal = try suggester.suggest(history: history, using: rng)
        return (proposal, clock.now - start)
    }

    /// N evaluated points (prior draws, or the algorithm's own proposals for
    /// ``HistorySource/search``), as ok (or failed, for a non-finite loss) trials with ids
    /// 0…N−1. A search that cannot start or stops early gives a shorter history.
    public func makeHistory() -> Trials {
        let rng = MersenneTwister(seed: seed)
        var trials = Trials()
        var searcher = source == .search ? try? algorithm.makeSuggester(space: space, budget: history, using: rng) : nil
        for id in 0..<history {
            let assignment: Assignment
            if source == .search {
                guard let proposed = try? searcher?.suggest(history: trials, using: rng) else { break }
                assignment = proposed
            } else {
                assignment = space.sample(using: rng)
            }
            let loss = (try? space.evaluate(assignment)).map(objective) ?? .nan
            if loss.isFinite {
                trials.append(Trial(id: id, assignment: assignment, status: .ok, loss: loss))
            } else {
                trials.append(Trial(id: id, assignment: assignment, status: .fail, message: "objective returned \(loss)"))
            }
        }
        return trials
    }

    /// The history of ``makeHistory()`` as CSV: a header `id,status,loss,LABEL…` (the space's
    /// labels in declaration order), then one row per trial, values in shortest round-trip form,
    /// empty where a label is inactive or the loss missing.
    ///
    /// - Complexity: O(N·d).
    public func historyCSV() -> String {
        var lines = [(["id", "status", "loss"] + space.labels).joined(separator: ",")]
        for trial in makeHistory().trials {
            var fields = [String(trial.id), trial.status.rawValue, trial.loss.map { "\($0)" } ?? ""]
            for label in space.labels { fields.append(trial.assignment[label].map { "\($0)" } ?? "") }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func microseconds(_ duration: Duration) -> Double { duration.seconds * 1e6 }

    /// The peak resident set size of this process in bytes (`VmHWM` in `/proc/self/status`);
    /// nil where that file does not exist (macOS).
    public static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kibibytes = Int(fields[1]) else { return nil }
            return kibibytes * 1024
        }
        return nil
    }
}

/// Why a suggestion benchmark could not run.
public enum SuggestBenchmarkError: Error, Equatable, CustomStringConvertible {
    case invalidArgument(String)
    /// The algorithm returned no point (e.g. a grid smaller than the history).
    case exhausted(String)

    public var description: String {
        switch self {
        case .invalidArgument(let message): return message
        case .exhausted(let name): return "'\(name)' proposed no point on this history"
        }
    }
}
