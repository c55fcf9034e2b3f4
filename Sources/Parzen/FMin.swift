import Foundation
import GSLKit

/// What an objective returns: a value (in the objective's own sign), or a failure, plus extras.
///
/// A `Double` converts to `.ok(value)`. NaN and ±∞ become failed trials, as does a thrown error.
public struct ObjectiveResult: Sendable, Equatable {
    public var status: TrialStatus
    /// The objective's value in its own sign (negated into a loss when maximising).
    public var value: Double?
    public var message: String?
    public var extras: OrderedRecord<Value>

    public init(status: TrialStatus, value: Double?, message: String? = nil, extras: OrderedRecord<Value> = [:]) {
        self.status = status
        self.value = value
        self.message = message
        self.extras = extras
    }

    /// A successful evaluation.
    public static func ok(_ value: Double, extras: OrderedRecord<Value> = [:]) -> ObjectiveResult {
        ObjectiveResult(status: .ok, value: value, extras: extras)
    }

    /// A failed evaluation, optionally with a value that model-based suggesters still use.
    public static func fail(_ message: String, value: Double? = nil, extras: OrderedRecord<Value> = [:]) -> ObjectiveResult {
        ObjectiveResult(status: .fail, value: value, message: message, extras: extras)
    }
}

/// Anything an objective may return: a number or an ``ObjectiveResult``.
public protocol ObjectiveOutput { var objectiveResult: ObjectiveResult { get } }
extension ObjectiveResult: ObjectiveOutput { public var objectiveResult: ObjectiveResult { self } }
extension Double: ObjectiveOutput { public var objectiveResult: ObjectiveResult { .ok(self) } }
extension Int: ObjectiveOutput { public var objectiveResult: ObjectiveResult { .ok(Double(self)) } }


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

/// Why a search ended.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    case maxEvals
    case lossThreshold
    case timeout
    case earlyStop
    /// The algorithm had nothing more to propose (e.g. the whole grid was evaluated).
    case exhausted

    public var description: String {
        switch self {
        case .maxEvals: return "reached max evaluations"
        case .lossThreshold: return "reached the loss threshold"
        case .timeout: return "timed out"
        case .earlyStop: return "stopped by the early-stop callback"
        case .exhausted: return "the algorithm had no more points"
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
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .space(let e): return "search space: \(e)"
        case .suggester(let e): return "algorithm: \(e)"
        case .pointToEvaluate(let index, let e): return "pointsToEvaluate[\(index)]: \(e)"
        case .invalidArgument(let message): return message
        }
    }
}

/// Minimises (or maximises) `objective` over `space`, as hyperopt's `fmin`.
///
/// Runs until `trials` holds `maxEvals` trials (trials already in it count, and points to evaluate
/// come on top, as in hyperopt), or a
/// stop condition in `options` fires, or the algorithm is exhausted. Each trial is recorded in
/// `trials` with its times. An objective that throws, or returns NaN or ±∞, produces a failed
/// trial carrying the message, and the search goes on.
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
/// - Determinism: for a deterministic objective and no timeout, the trial sequence is a pure
///   function of (space, algorithm, maxEvals, seed, initial trials).
@discardableResult
public func fmin<Output: ObjectiveOutput>(
    _ objective: (Value) throws -> Output,
    space: SearchSpace,
    algorithm: Algorithm,
    maxEvals: Int,
    trials: inout Trials,
    seed: UInt32,
    direction: Direction = .minimize,
    options: FMinOptions = FMinOptions()
) throws(FMinError) -> FMinResult {
    guard maxEvals >= 0 else { throw .invalidArgument("maxEvals must be >= 0, got \(maxEvals)") }
    for (index, point) in options.pointsToEvaluate.enumerated() {
        do { try space.validate(point) } catch { throw .pointToEvaluate(index: index, error) }
    }
    trials.direction = direction
    let rng = MersenneTwister(seed: seed)
    var suggester: any Suggester
    do { suggester = try algorithm.makeSuggester(space: space, budget: maxEvals, using: rng) } catch { throw .suggester(error) }

    let clock = ContinuousClock()
    let started = clock.now
    var pending = options.pointsToEvaluate[...]
    var stopReason = StopReason.maxEvals
    // As hyperopt: maxEvals counts the trials already in `trials`; points to evaluate come on top.
    let target = trials.count + options.pointsToEvaluate.count + max(0, maxEvals - trials.count)

    while trials.count < target {
        if let timeout = options.timeout, clock.now - started >= timeout { stopReason = .timeout; break }
        let assignment: Assignment
        var proposalExtras: OrderedRecord<Value> = [:]
        if let point = pending.popFirst() {
            assignment = point
        } else {
            let proposed: Assignment?
            do { proposed = try suggester.suggest(history: trials, using: rng) } catch { throw .suggester(error) }
            guard let proposed else { stopReason = .exhausted; break }
            assignment = proposed
            proposalExtras = suggester.proposalExtras
        }
        var trial = evaluateTrial(objective, space: space, assignment: assignment, id: trials.nextID, direction: direction)
        // The suggester's extras first, then the objective's (which win on a shared key).
        if !proposalExtras.isEmpty {
            for (key, value) in trial.extras { proposalExtras[key] = value }
            trial.extras = proposalExtras
        }
        trials.append(trial)
        if let threshold = options.lossThreshold, trial.status == .ok, let loss = trial.loss, loss < threshold {
            stopReason = .lossThreshold; break
        }
        if let earlyStop = options.earlyStop, earlyStop(trials) { stopReason = .earlyStop; break }
    }

    let best = trials.best
    let point = best.flatMap { try? space.evaluate($0.assignment) }
    return FMinResult(best: best, point: point, stopReason: stopReason, plan: suggester.planDescription)
}

/// ``fmin(_:space:algorithm:maxEvals:trials:seed:direction:options:)`` for a ``Space`` written
/// inline (`space: .uniform("x", 0, 1)`), validated first.
///
/// - Throws: ``FMinError/space(_:)`` when the space breaks a rule.
@discardableResult
public func fmin<Output: ObjectiveOutput>(
    _ objective: (Value) throws -> Output,
    space: Space,
    algorithm: Algorithm,
    maxEvals: Int,
    trials: inout Trials,
    seed: UInt32,
    direction: Direction = .minimize,
    options: FMinOptions = FMinOptions()
) throws(FMinError) -> FMinResult {
    let compiled: SearchSpace
    do { compiled = try SearchSpace(space) } catch { throw .space(error) }
    return try fmin(objective, space: compiled, algorithm: algorithm, maxEvals: maxEvals, trials: &trials, seed: seed,
                    direction: direction, options: options)
}

/// Evaluates one point and turns every outcome, including a thrown error or a non-finite value,
/// into a finished trial.
func evaluateTrial<Output: ObjectiveOutput>(
    _ objective: (Value) throws -> Output, space: SearchSpace, assignment: Assignment, id: Int, direction: Direction
) -> Trial {
    var trial = Trial(id: id, assignment: assignment, startTime: Date())
    do {
        let point = try space.evaluate(assignment)
        let result = try objective(point).objectiveResult
        trial.extras = result.extras
        trial.message = result.message
        trial.status = result.status == .pending ? .fail : result.status
        if let value = result.value {
            if value.isFinite {
                trial.loss = direction.loss(fromObjectiveValue: value)
            } else {
                trial.status = .fail
                trial.message = "objective returned \(NumberFormatting.shortest(value))"
            }
        } else if trial.status == .ok {
            trial.status = .fail
            trial.message = result.message ?? "objective returned no value"
        }
    } catch {
        trial.status = .fail
        trial.loss = nil
        trial.message = "\(error)"
    }
    trial.endTime = Date()
    return trial
}
