import Foundation

/// Collected runs held in memory: the regrets of runs.csv and the improvements of trace.csv, with
/// what the folder records beside them (``ResultsInfo``). The analysis holds one problem at a
/// time this way (``problem(_:)``, ``ResultsReader/stream(_:_:)``) and keeps a
/// ``ResultsSummary`` of each; tests and small folders hold them all.
@dynamicMemberLookup
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

    /// The lock's problems, suggesters and checkpoints and the small tables; its fields read as
    /// the result set's own (`results.problems`, `results.cost`).
    public var info: ResultsInfo
    /// `regrets[problem][suggester][replicate][checkpoint]`: best-so-far regret (noise-free value
    /// of the incumbent minus the optimum); +∞ before any successful trial.
    public var regrets: [[[[Double]]]]
    /// `traces[problem][suggester][replicate]`: every improvement of each run (trace.csv), in
    /// the shape of ``regrets``; nil when the folder has no trace.csv (collected before traces
    /// existed), in which case curves are known at the checkpoints only.
    public var traces: [[[TraceTable.Run]]]?

    public init(name: String, checkpoints: [Int], problems: [Problem], suggesters: [Suggester],
                regrets: [[[[Double]]]], samples: [String: [String: [Sample]]] = [:]) {
        self.init(info: ResultsInfo(name: name, checkpoints: checkpoints, problems: problems, suggesters: suggesters, samples: samples),
                  regrets: regrets, traces: nil)
    }

    /// A result set of `info`'s problems and suggesters.
    public init(info: ResultsInfo, regrets: [[[[Double]]]], traces: [[[TraceTable.Run]]]?) {
        precondition(regrets.count == info.problems.count && regrets.allSatisfy { $0.count == info.suggesters.count },
                     "ResultSet: regrets must be indexed [problem][suggester]")
        precondition(regrets.allSatisfy { $0.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.count == info.checkpoints.count } } },
                     "ResultSet: every (problem, suggester) needs at least one replicate with a value per checkpoint")
        self.info = info
        self.regrets = regrets
        self.traces = traces
    }

    public subscript<T>(dynamicMember path: WritableKeyPath<ResultsInfo, T>) -> T {
        get { info[keyPath: path] }
        set { info[keyPath: path] = newValue }
    }

    public subscript<T>(dynamicMember path: KeyPath<ResultsInfo, T>) -> T { info[keyPath: path] }

    /// The evaluations each run of problem `p` was given.
    public func budget(problem p: Int) -> Int { info.budget(problem: p) }

    /// Problem `p` alone: its regrets and traces, with every suggester.
    public func problem(_ p: Int) -> ResultSet {
        var one = info
        one.problems = [info.problems[p]]
        return ResultSet(info: one, regrets: [regrets[p]], traces: traces.map { [$0[p]] })
    }

    /// The regrets of every replicate of (problem, suggester) at checkpoint index `checkpoint`,
    /// in replicate order.
    public func regrets(problem: Int, suggester: Int, checkpoint: Int) -> [Double] {
        regrets[problem][suggester].map { $0[checkpoint] }
    }

    /// The regrets at the final checkpoint, in replicate order.
    public func finalRegrets(problem: Int, suggester: Int) -> [Double] {
        regrets(problem: problem, suggester: suggester, checkpoint: info.checkpoints.count - 1)
    }

    /// The evaluations each replicate of (problem, suggester) made: its budget, or fewer for a
    /// run that stopped short (short-runs.csv).
    public func runLengths(problem p: Int, suggester s: Int) -> [Int] {
        var lengths = [Int](repeating: budget(problem: p), count: regrets[p][s].count)
        for row in info.shortRuns where row.problem == info.problems[p].label && row.suggester == info.suggesters[s].label && row.replicate < lengths.count {
            lengths[row.replicate] = row.evaluations
        }
        return lengths
    }

    /// Each replicate's best-so-far regret curve of (problem, suggester): from trace.csv at every
    /// improvement when there is one, else at the checkpoints of runs.csv.
    public func curves(problem p: Int, suggester s: Int) -> [TraceTable.Run] {
        if let traces { return traces[p][s] }
        return regrets[p][s].map { TraceTable.Run(evaluations: info.checkpoints, regrets: $0) }
    }
}
