import Foundation

/// What the report and the pictures need of a results folder, problem by problem: built while
/// the runs are read one problem at a time (``ResultsReader/summarise(_:threads:finalCells:)``), so the runs of at
/// most two problems are held at once (one being read, one being summarised). Beside the small per-problem aggregates it keeps every run's
/// final regret (8 bytes a run, for final-points.dat and the bootstrap).
@dynamicMemberLookup
public struct ResultsSummary: Sendable {
    /// The lock's problems (those with every group complete), suggesters, checkpoints and the
    /// small tables; its fields read as the summary's own (`summary.problems`).
    public var info: ResultsInfo
    /// Whether the folder has trace.csv (curves known at every evaluation).
    public var hasTraces: Bool
    /// One entry per problem of ``info``, same order.
    public var perProblem: [ProblemSummary]
    /// The final-regret cells with their bootstrap intervals, `[problem][suggester]`, when they
    /// were computed while the folder was read (``ResultsReader/summarise(_:threads:finalCells:)``);
    /// nil otherwise, and ``FinalSummary`` computes them.
    public var finalCells: [[FinalSummary.Cell]]?

    public init(info: ResultsInfo, hasTraces: Bool, perProblem: [ProblemSummary], finalCells: [[FinalSummary.Cell]]? = nil) {
        precondition(perProblem.count == info.problems.count, "ResultsSummary: one summary per problem")
        precondition(finalCells.map { $0.count == info.problems.count && $0.allSatisfy { $0.count == info.suggesters.count } } ?? true,
                     "ResultsSummary: one final cell per problem and suggester")
        self.info = info
        self.hasTraces = hasTraces
        self.perProblem = perProblem
        self.finalCells = finalCells
    }

    /// The summary of a result set held in memory.
    public init(_ results: ResultSet) {
        self.init(info: results.info, hasTraces: results.traces != nil,
                  perProblem: results.problems.indices.map { ProblemSummary(results.problem($0)) })
    }

    public subscript<T>(dynamicMember path: KeyPath<ResultsInfo, T>) -> T { info[keyPath: path] }

    /// The final regrets of (problem, suggester), in replicate order.
    public func finalRegrets(problem p: Int, suggester s: Int) -> [Double] { perProblem[p].finals[s] }
}

/// One problem's aggregates: everything the report and the pictures read of its runs.
public struct ProblemSummary: Sendable {
    /// Replicates per suggester.
    public let replicates: [Int]
    /// `finals[suggester][replicate]`: the regret at the final checkpoint.
    public let finals: [[Double]]
    /// The pairs of suggesters compared at each checkpoint (tests.csv).
    public let comparisons: [[PairwiseComparison]]
    /// The runtime-ECDF target range and, per suggester, when its runs reached the targets.
    public let targetRange: ECDFTable.TargetRange
    public let hits: [RuntimeECDF.Hits]
    /// With trace.csv: the budget and every evaluation at which some run improved, ascending.
    public let evaluations: [Int]
    /// The expected running times of report.md (``ExpectedRunningTimes/targetIndexes``).
    let expectedRunningTimes: ExpectedRunningTimes
    /// The convergence picture's rows.
    public let convergence: ConvergenceTable

    /// The aggregates of `one`, a result set of a single problem.
    public init(_ one: ResultSet) {
        precondition(one.problems.count == 1, "ProblemSummary: one problem at a time")
        replicates = one.regrets[0].map(\.count)
        finals = one.suggesters.indices.map { one.finalRegrets(problem: 0, suggester: $0) }
        comparisons = one.checkpoints.indices.map { PairwiseTable.comparisons(one, problem: 0, checkpoint: $0) }
        targetRange = ECDFTable.targetRange(one, problem: 0)
        let targets = targetRange.targets
        hits = one.suggesters.indices.map { ECDFTable.hits(one, problem: 0, suggester: $0, targets: targets) }
        var counts = Set<Int>([one.budget(problem: 0)])
        if let traces = one.traces { for runs in traces[0] { for run in runs { counts.formUnion(run.evaluations) } } }
        evaluations = counts.sorted()
        expectedRunningTimes = ExpectedRunningTimes(one, targets: targets)
        convergence = ConvergenceTable(one)
    }
}
