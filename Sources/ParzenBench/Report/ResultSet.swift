import Foundation

/// A collected experiment as the analysis sees it: what results/NAME holds (manifest.lock.yaml,
/// runs.csv, trace.csv, samples.csv and the optional files beside them), nothing rerun. Problems and suggesters keep the manifest's order; a
/// suggester's index in ``suggesters`` picks its colour in every picture.
public struct ResultSet: Sendable {
    /// One problem as the lock file records it. Problems that are not registered test functions
    /// (e.g. external objectives) have no function key, dimension or known optimum.
    public struct Problem: Sendable, Equatable {
        public var label: String
        /// The registry key of the test function, if the problem is one.
        public var functionKey: String?
        public var dimension: Int?
        /// Standard deviation of the observation noise (0 when none is recorded).
        public var noise: Double
        /// The known optimum, if recorded.
        public var optimum: Double?
        /// The bbob instance replicate 0 ran (nil: not a bbob problem, or instance 1).
        public var instance: Int?
        /// The evaluations each run was given, when the lock records them (the problem's own
        /// budget, else the manifest's).
        public var budget: Int?

        public init(label: String, functionKey: String?, dimension: Int?, noise: Double = 0, optimum: Double?, instance: Int? = nil,
                    budget: Int? = nil) {
            self.label = label
            self.functionKey = functionKey
            self.dimension = dimension
            self.noise = noise
            self.optimum = optimum
            self.instance = instance
            self.budget = budget
        }
    }

    /// One suggester as the lock file records it.
    public struct Suggester: Sendable, Equatable {
        public var label: String
        public var algorithm: String

        public init(label: String, algorithm: String) {
            self.label = label
            self.algorithm = algorithm
        }
    }

    /// One evaluated point of replicate 0 (a row of samples.csv).
    public struct Sample: Sendable, Equatable {
        public var trial: Int
        public var x: Double
        /// nil on a 1-D problem.
        public var y: Double?
        /// nil for a failed trial.
        public var loss: Double?

        public init(trial: Int, x: Double, y: Double?, loss: Double?) {
            self.trial = trial
            self.x = x
            self.y = y
            self.loss = loss
        }
    }

    /// The manifest name (results/NAME).
    public var name: String
    /// The evaluation counts at which best-so-far was recorded, ascending.
    public var checkpoints: [Int]
    public var problems: [Problem]
    public var suggesters: [Suggester]
    /// `regrets[problem][suggester][replicate][checkpoint]`: best-so-far regret (noise-free value
    /// of the incumbent minus the optimum); +∞ before any successful trial.
    public var regrets: [[[[Double]]]]
    /// Sample points of replicate 0, keyed by problem label then suggester label; only problems
    /// samples.csv lists (1-D and 2-D numeric ones).
    public var samples: [String: [String: [Sample]]]
    /// Where proposal extras changed (extras.csv; empty when the folder has none).
    public var extras: [ExtrasTable.Row] = []
    /// `traces[problem][suggester][replicate]`: every improvement of each run (trace.csv), in
    /// the shape of ``regrets``; nil when the folder has no trace.csv (collected before traces
    /// existed), in which case curves are known at the checkpoints only.
    public var traces: [[[TraceTable.Run]]]?
    /// The runs that stopped before their budget (short-runs.csv); their values are carried to
    /// the later checkpoints in ``regrets``.
    public var shortRuns: [ShortRunsTable.Row] = []
    /// The cells that failed (failures.csv), of every problem and suggester of the manifest.
    public var failures: [FailuresTable.Row] = []
    /// Problems and suggesters of the manifest left out of ``problems`` and ``suggesters``
    /// because some of their cells failed: the statistics cover complete groups only.
    public var leftOutProblems: [String] = []
    public var leftOutSuggesters: [String] = []
    /// What suggesting and evaluating cost (cost.csv); nil when the folder has no timings.
    public var cost: [CostTable.Row]?
    /// How each suggester's suggestion time grows with the trial index (cost-growth.csv); nil
    /// when the cells recorded no per-trial times.
    public var costGrowth: [CostGrowthTable.Row]?

    public init(name: String, checkpoints: [Int], problems: [Problem], suggesters: [Suggester],
                regrets: [[[[Double]]]], samples: [String: [String: [Sample]]] = [:]) {
        precondition(regrets.count == problems.count && regrets.allSatisfy { $0.count == suggesters.count },
                     "ResultSet: regrets must be indexed [problem][suggester]")
        precondition(regrets.allSatisfy { $0.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.count == checkpoints.count } } },
                     "ResultSet: every (problem, suggester) needs at least one replicate with a value per checkpoint")
        self.name = name
        self.checkpoints = checkpoints
        self.problems = problems
        self.suggesters = suggesters
        self.regrets = regrets
        self.samples = samples
    }

    /// The regrets of every replicate of (problem, suggester) at checkpoint index `checkpoint`,
    /// in replicate order.
    public func regrets(problem: Int, suggester: Int, checkpoint: Int) -> [Double] {
        regrets[problem][suggester].map { $0[checkpoint] }
    }

    /// The regrets at the final checkpoint, in replicate order.
    public func finalRegrets(problem: Int, suggester: Int) -> [Double] {
        regrets(problem: problem, suggester: suggester, checkpoint: checkpoints.count - 1)
    }

    /// The final checkpoint (the budget).
    public var finalEvaluations: Int { checkpoints.last ?? 0 }

    /// The evaluations each run of problem `p` was given.
    public func budget(problem p: Int) -> Int { problems[p].budget ?? finalEvaluations }

    /// The evaluations each replicate of (problem, suggester) made: its budget, or fewer for a
    /// run that stopped short (short-runs.csv).
    public func runLengths(problem p: Int, suggester s: Int) -> [Int] {
        var lengths = [Int](repeating: budget(problem: p), count: regrets[p][s].count)
        for row in shortRuns where row.problem == problems[p].label && row.suggester == suggesters[s].label && row.replicate < lengths.count {
            lengths[row.replicate] = row.evaluations
        }
        return lengths
    }

    /// Each replicate's best-so-far regret curve of (problem, suggester): from trace.csv at every
    /// improvement when there is one, else at the checkpoints of runs.csv.
    public func curves(problem p: Int, suggester s: Int) -> [TraceTable.Run] {
        if let traces { return traces[p][s] }
        return regrets[p][s].map { TraceTable.Run(evaluations: checkpoints, regrets: $0) }
    }
}
