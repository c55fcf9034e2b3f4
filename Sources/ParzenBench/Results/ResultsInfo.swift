/// What a results folder records besides its runs: the lock's problems, suggesters and
/// checkpoints, and the small tables beside runs.csv (samples, extras, short runs, failures,
/// timings). Its size does not grow with the number of replicates, except through the rows of
/// those small tables. Problems and suggesters keep the manifest's order; a suggester's index in
/// ``suggesters`` picks its colour in every picture.
public struct ResultsInfo: Sendable {
    /// The manifest name (results/NAME).
    public var name: String
    /// The evaluation counts at which best-so-far was recorded, ascending.
    public var checkpoints: [Int]
    public var problems: [ResultSet.Problem]
    public var suggesters: [ResultSet.Suggester]
    /// Sample points of replicate 0, keyed by problem label then suggester label; only problems
    /// samples.csv lists (1-D and 2-D numeric ones).
    public var samples: [String: [String: [ResultSet.Sample]]]
    /// The axes of each sample picture, keyed by problem label (sample-axes.csv; empty when the
    /// folder has none).
    public var sampleAxes: [String: [SampleAxis]] = [:]
    /// Where proposal extras changed (extras.csv; empty when the folder has none).
    public var extras: [ExtrasTable.Row] = []
    /// The runs that stopped before their budget (short-runs.csv); their values are carried to
    /// the later checkpoints.
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

    public init(name: String, checkpoints: [Int], problems: [ResultSet.Problem], suggesters: [ResultSet.Suggester],
                samples: [String: [String: [ResultSet.Sample]]] = [:]) {
        self.name = name
        self.checkpoints = checkpoints
        self.problems = problems
        self.suggesters = suggesters
        self.samples = samples
    }

    /// The final checkpoint (the budget).
    public var finalEvaluations: Int { checkpoints.last ?? 0 }

    /// The evaluations each run of problem `p` was given.
    public func budget(problem p: Int) -> Int { problems[p].budget ?? finalEvaluations }
}
