import Foundation
import GSLKit
import Parzen

/// Why a cell could not finish.
public enum CellFailure: Error, Equatable, CustomStringConvertible {
    /// The suggester could not start, threw, or proposed a point outside the space.
    case suggester(String)
    /// The objective could not start (e.g. its program is missing).
    case objective(String)
    /// The run was interrupted (Ctrl-C, SIGTERM); the cell is abandoned and rerun next time.
    case cancelled

    public var description: String {
        switch self {
        case .suggester(let message), .objective(let message): return message
        case .cancelled: return "cancelled"
        }
    }
}

extension Cell {
    /// Runs the cell to its budget (or until its suggester is exhausted) on the search loop
    /// (``Search/run(until:hooks:)``), which validates every proposal against the space before
    /// it is evaluated and turns non-finite values into failed trials; the cell adds its
    /// objective session, the suggest and evaluate times, and cancellation as hooks.
    ///
    /// Creates both generators inside, so the cell is independent of every other cell and of the
    /// thread it runs on.
    ///
    /// - Parameters:
    ///   - workDirectory: the cell's work folder for objectives that write files (external
    ///     programs); nil for none.
    ///   - isCancelled: polled between trials (and by external objectives while a program
    ///     runs); when it returns true the cell stops with ``CellFailure/cancelled`` and nothing
    ///     is written.
    ///   - programs: where external programs that serve many cells wait between cells (one
    ///     pool per runner thread); nil starts one process per cell.
    /// - Complexity: the suggester's cost per trial times the budget, plus the objective's.
    /// - Determinism: the trials are a pure function of the cell (its fingerprint), whichever
    ///   process of `programs` serves it; only the timings vary.
    public func execute(workDirectory: URL? = nil, isCancelled: @escaping () -> Bool = { false }, programs: ProgramPool? = nil) throws(CellFailure) -> CellRecord {
        let space = problem.space
        let direction = problem.direction
        let problemRNG = MersenneTwister(seed: problemSeed)
        let suggesterRNG = MersenneTwister(seed: suggesterSeed)
        let context = SessionContext(workDirectory: workDirectory, isCancelled: isCancelled, replicate: replicate, programs: programs)
        let clock = ContinuousClock()
        var hooks: CellHooks
        do {
            hooks = CellHooks(session: try problem.objective.makeSession(problemRNG: problemRNG, context: context),
                              direction: direction, isCancelled: isCancelled, clock: clock, budget: budget)
        } catch {
            throw .objective("problem '\(problem.label)' could not start: \(error)")
        }
        // The hooks own the session from here on (a worker session may restart its program).
        defer { hooks.session.close() }
        let starting = clock.now
        let proposer: any Suggester
        do {
            if let program = suggester.program, let programs {
                // What makeSuggester checks, then the program from the thread's pool.
                try suggester.algorithm.check(space: space)
                proposer = try ExternalSuggester(space: space, options: program, budget: budget, using: suggesterRNG, programs: programs)
            } else {
                proposer = try suggester.algorithm.makeSuggester(space: space, budget: budget, using: suggesterRNG)
            }
        } catch {
            throw .suggester("\(suggester.label) could not start: \(error)")
        }
        // Setting up is the suggester's work too (a grid lays out all its points here).
        hooks.suggestTime = clock.now - starting
        var search = Search(space: space, suggester: proposer, using: suggesterRNG, direction: direction)
        search.reserveCapacity(budget)
        let stopReason: StopReason
        do { stopReason = try search.run(until: budget, hooks: &hooks) } catch {
            throw .suggester("\(suggester.label) \(error)")
        }
        // Cancelled during the last trial (a program stopped by the same signal fails that
        // trial): the cell is abandoned like any running one.
        if stopReason == .cancelled || isCancelled() { throw .cancelled }
        return CellRecord(fingerprint: fingerprint, rows: hooks.rows, suggestSeconds: hooks.suggestTime.seconds,
                          evaluateSeconds: hooks.evaluateTime.seconds, trialTimes: hooks.trialTimes.map(TrialTime.init),
                          extras: hooks.extras.changes)
    }
}

/// What a cell adds to the search loop: its objective session (noise and external programs
/// live there), the suggest and evaluate times (totals and each trial's), cancellation between
/// trials, and the stored rows with each trial's noise-free value.
private struct CellHooks: SearchHooks {
    var session: any ObjectiveSession
    let direction: Direction
    let isCancelled: () -> Bool
    let clock: ContinuousClock
    /// Durations are summed as Durations and converted once (the conversion is not free).
    var suggestTime = Duration.zero
    var evaluateTime = Duration.zero
    /// The current trial's times; its suggestion stays zero for a planned point.
    var trialSuggest = Duration.zero
    var trialEvaluate = Duration.zero
    /// Each recorded trial's (suggestion, evaluation) times, converted once at the end.
    var trialTimes: [(Duration, Duration)] = []
    var started: ContinuousClock.Instant
    /// The noise-free value of the trial being evaluated (the session's, in the user's sign).
    var trueValue: Double?
    var rows: [TrialRow] = []
    /// The changes of the suggester's proposal extras (the harness's objectives add none).
    var extras = ExtrasRecorder()

    init(session: any ObjectiveSession, direction: Direction, isCancelled: @escaping () -> Bool, clock: ContinuousClock, budget: Int) {
        self.session = session
        self.direction = direction
        self.isCancelled = isCancelled
        self.clock = clock
        started = clock.now
        rows.reserveCapacity(budget)
        trialTimes.reserveCapacity(budget)
    }

    func stopReason(before trials: Trials) -> StopReason? { isCancelled() ? .cancelled : nil }

    mutating func willSuggest() { started = clock.now }
    mutating func didSuggest() {
        trialSuggest = clock.now - started
        suggestTime += trialSuggest
    }
    mutating func willEvaluate() { started = clock.now }
    mutating func didEvaluate() {
        trialEvaluate = clock.now - started
        evaluateTime += trialEvaluate
    }

    mutating func evaluate(_ assignment: Assignment, point: Value) -> ObjectiveResult {
        let outcome = session.evaluate(assignment, point: point)
        trueValue = outcome.trueValue ?? outcome.value
        return ObjectiveResult(status: outcome.status, value: outcome.value, message: outcome.message)
    }

    /// A trial without a loss (failed, or a non-finite value) has no noise-free loss either.
    mutating func didRecord(_ trial: Trial, in trials: Trials) -> StopReason? {
        let trueLoss = trial.loss == nil ? nil : trueValue.map { direction.loss(fromObjectiveValue: $0) }
        rows.append(TrialRow(id: trial.id, status: trial.status, loss: trial.loss, trueLoss: trueLoss, assignment: trial.assignment,
                             message: trial.message))
        extras.record(trial.extras, trial: trial.id)
        trialTimes.append((trialSuggest, trialEvaluate))
        trialSuggest = .zero
        return nil
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }

    /// The duration in whole nanoseconds, rounded down (negative durations, which a monotonic
    /// clock does not produce, as 0).
    var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

extension TrialTime {
    /// A trial's (suggestion, evaluation) durations, in whole nanoseconds.
    init(_ times: (suggest: Duration, evaluate: Duration)) {
        self.init(suggestNanoseconds: times.suggest.wholeNanoseconds, evaluateNanoseconds: times.evaluate.wholeNanoseconds)
    }
}
