import Foundation
import GSLKit

/// The less common `fmin` settings, as hyperopt users know them.
public struct FMinOptions {
    /// Stop as soon as an ok trial's loss is below this (hyperopt's `loss_threshold`).
    public var lossThreshold: Double?
    /// Stop starting new trials after this much wall time (hyperopt's `timeout`).
    public var timeout: Duration?
    /// Called after every trial with the history; return true to stop (hyperopt's `early_stop_fn`).
    public var earlyStop: ((Trials) -> Bool)?
    /// Points evaluated first, before the algorithm proposes any (hyperopt's
    /// `points_to_evaluate`); stored values, choices as indexes, active labels only (inactive
    /// ones are an error, unlike hyperopt which needs every label). Each is validated. As in
    /// hyperopt they come on top of `maxEvals`.
    public var pointsToEvaluate: [Assignment]

    public init(
        lossThreshold: Double? = nil, timeout: Duration? = nil, earlyStop: ((Trials) -> Bool)? = nil,
        pointsToEvaluate: [Assignment] = []
    ) {
        self.lossThreshold = lossThreshold
        self.timeout = timeout
        self.earlyStop = earlyStop
        self.pointsToEvaluate = pointsToEvaluate
    }
}

extension FMinOptions {
    /// hyperopt's `no_progress_loss(iterations, percent)`: an early-stop rule that fires once
    /// `iterations` trials in a row have not improved the best loss by more than `percent` % of
    /// its magnitude. The first trial counts as the first iteration.
    public static func noProgressLoss(iterations: Int, percent: Double = 0) -> (Trials) -> Bool {
        { trials in
            var best = Double.infinity
            var sinceImprovement = 0
            for trial in trials.trials {
                let loss = trial.status == .ok ? (trial.loss ?? .infinity) : .infinity
                let needed = best.isFinite ? best - abs(best) * percent / 100 : .infinity
                if loss < needed || (!best.isFinite && loss.isFinite) {
                    best = loss
                    sinceImprovement = 0
                } else {
                    sinceImprovement += 1
                }
            }
            return sinceImprovement >= iterations
        }
    }
}

/// The outcome of ``fmin(_:space:algorithm:maxEvals:trials:seed:direction:options:)``.
public struct FMinResult: Sendable {
    /// The best ok trial, or nil when every trial failed.
    public let best: Trial?
    /// The best point as the objective received it (choices as their values, integer kinds as
    /// `Int`): hyperopt's `space_eval(space, argmin)`.
    public let point: Value?
    public let stopReason: StopReason
    /// The suggester's description of its plan, if it has one (e.g. the grid's resolution).
    public let plan: String?

    /// The best point's stored values (hyperopt's `argmin`, choices as indexes).
    public var argmin: Assignment? { best?.assignment }
}

/// An error that stops `fmin` before it can search (the objective's own errors never do).
public enum FMinError: Error, CustomStringConvertible {
    case space(SpaceError)
    case suggester(SuggesterError)
    case pointToEvaluate(index: Int, AssignmentError)
    /// The algorithm proposed a point that breaks the space (a bug in the algorithm).
    case invalidProposal(trial: Int, AssignmentError)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .space(let e): return "search space: \(e)"
        case .suggester(let e): return "algorithm: \(e)"
        case .pointToEvaluate(let index, let e): return "pointsToEvaluate[\(index)]: \(e)"
        case .invalidProposal(let trial, let e): return "algorithm: proposed an invalid point at trial \(trial): \(e)"
        case .invalidArgument(let message): return message
        }
    }
}

/// Minimises (or maximises) `objective` over `space`, as hyperopt's `fmin`.
///
/// Runs a ``Search`` until `trials` holds `maxEvals` trials (trials already in it count, and
/// points to evaluate come on top, as in hyperopt), or a stop condition in `options` fires, or
/// the algorithm is exhausted. Each trial is recorded in `trials` with its times. An objective
/// that throws, or returns NaN or ±∞, produces a failed trial carrying the message, and the
/// search goes on.
///
/// - Parameters:
///   - objective: receives the point as a ``Value`` (records, choice values, `Int` for integer
///     kinds) and returns a number or an ``ObjectiveResult``.
///   - space: the validated space (an overload takes a ``Space`` and validates it).
///   - algorithm: `.random`, `.grid`, `.tpe`, or any ``Algorithm``.
///   - maxEvals: the total number of trials wanted.
///   - trials: the history; appended to.
///   - seed: seeds the suggester's MT19937 stream (0 behaves as 4357).
///   - direction: `.maximize` negates values into losses; results keep the user's sign in
///     ``Trials/bestValue``.
/// - Returns: the best trial and its point.
/// - Throws: ``FMinError`` when an argument or a point to evaluate is invalid or the algorithm
///   fails; never for the objective's own errors.
/// - Determinism: for a deterministic objective and no timeout, the trial sequence is a pure
///   function of (space, algorithm, maxEvals, seed, initial trials).
@discardableResult
public func fmin<Output: ObjectiveOutput>(
    _ objective: (Value) throws -> Output, space: SearchSpace, algorithm: Algorithm, maxEvals: Int, trials: inout Trials,
    seed: UInt32, direction: Direction = .minimize, options: FMinOptions = FMinOptions()
) throws(FMinError) -> FMinResult {
    guard maxEvals >= 0 else { throw .invalidArgument("maxEvals must be >= 0, got \(maxEvals)") }
    for (index, point) in options.pointsToEvaluate.enumerated() {
        do { try space.validate(point) } catch { throw .pointToEvaluate(index: index, error) }
    }
    let rng = MersenneTwister(seed: seed)
    let suggester: any Suggester
    do { suggester = try algorithm.makeSuggester(space: space, budget: maxEvals, using: rng) } catch { throw .suggester(error) }
    var search = Search(space: space, suggester: suggester, using: rng, direction: direction, trials: trials)
    // As hyperopt: maxEvals counts the trials already in `trials`; points to evaluate come on top.
    let target = trials.count + options.pointsToEvaluate.count + max(0, maxEvals - trials.count)
    let stopReason: StopReason
    do {
        stopReason = try withoutActuallyEscaping(objective) { objective throws(SearchError) -> StopReason in
            var hooks = FMinHooks(objective: objective, options: options)
            defer { trials = search.trials }
            return try search.run(until: target, hooks: &hooks)
        }
    } catch {
        switch error {
        case .suggester(_, let error): throw .suggester(error)
        case .invalidProposal(let trial, let error): throw .invalidProposal(trial: trial, error)
        }
    }
    let best = trials.best
    let point = best.flatMap { try? space.evaluate($0.assignment) }
    return FMinResult(best: best, point: point, stopReason: stopReason, plan: search.suggester.planDescription)
}

/// ``fmin(_:space:algorithm:maxEvals:trials:seed:direction:options:)`` for a ``Space`` as
/// written (`space: .uniform("x", 0, 1)`), compiled and validated first.
///
/// - Throws: ``FMinError/space(_:)`` when the space breaks a rule.
@discardableResult
public func fmin<Output: ObjectiveOutput>(
    _ objective: (Value) throws -> Output, space: Space, algorithm: Algorithm, maxEvals: Int, trials: inout Trials,
    seed: UInt32, direction: Direction = .minimize, options: FMinOptions = FMinOptions()
) throws(FMinError) -> FMinResult {
    let compiled: SearchSpace
    do { compiled = try SearchSpace(space) } catch { throw .space(error) }
    return try fmin(objective, space: compiled, algorithm: algorithm, maxEvals: maxEvals, trials: &trials, seed: seed,
                    direction: direction, options: options)
}

/// What `fmin` adds to the search loop: the objective (a thrown error is a failed trial),
/// points to evaluate, the wall-clock timeout, the loss threshold and the early-stop callback.
private struct FMinHooks<Output: ObjectiveOutput>: SearchHooks {
    let objective: (Value) throws -> Output
    let options: FMinOptions
    var pending: ArraySlice<Assignment>
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant

    init(objective: @escaping (Value) throws -> Output, options: FMinOptions) {
        self.objective = objective
        self.options = options
        pending = options.pointsToEvaluate[...]
        started = clock.now
    }

    var recordsTimes: Bool { true }

    func stopReason(before trials: Trials) -> StopReason? {
        if let timeout = options.timeout, clock.now - started >= timeout { return .timeout }
        return nil
    }

    mutating func plannedPoint() -> Assignment? { pending.popFirst() }

    func evaluate(_ assignment: Assignment, point: Value) -> ObjectiveResult {
        do { return try objective(point).objectiveResult } catch { return ObjectiveResult(status: .fail, value: nil, message: "\(error)") }
    }

    func didRecord(_ trial: Trial, in trials: Trials) -> StopReason? {
        if let threshold = options.lossThreshold, trial.status == .ok, let loss = trial.loss, loss < threshold { return .lossThreshold }
        if let earlyStop = options.earlyStop, earlyStop(trials) { return .earlyStop }
        return nil
    }
}
