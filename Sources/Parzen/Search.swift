import Foundation
import GSLKit

/// What an objective returns: a value (in the objective's own sign), or a failure, plus extras.
///
/// A `Double` converts to `.ok(value)`. NaN and ±∞ become failed trials, as does a thrown error
/// (``Search/tell(_:_:proposalExtras:startTime:endTime:)`` is the one place that decides).
public struct ObjectiveResult: Sendable, Equatable {
    public var status: TrialStatus
    /// The objective's value in its own sign (negated into a loss when maximising).
    public var value: Double?
    public var message: String?
    public var extras: OrderedRecord<Value>

    public init(status: TrialStatus, value: Double?, message: String? = nil, extras: OrderedRecord<Value> = OrderedRecord()) {
        self.status = status
        self.value = value
        self.message = message
        self.extras = extras
    }

    /// A successful evaluation.
    public static func ok(_ value: Double, extras: OrderedRecord<Value> = OrderedRecord()) -> ObjectiveResult {
        ObjectiveResult(status: .ok, value: value, extras: extras)
    }

    /// A failed evaluation, optionally with a value that model-based suggesters still use.
    public static func fail(_ message: String, value: Double? = nil, extras: OrderedRecord<Value> = OrderedRecord()) -> ObjectiveResult {
        ObjectiveResult(status: .fail, value: value, message: message, extras: extras)
    }
}

/// Anything an objective may return: a number or an ``ObjectiveResult``.
public protocol ObjectiveOutput { var objectiveResult: ObjectiveResult { get } }
extension ObjectiveResult: ObjectiveOutput { public var objectiveResult: ObjectiveResult { self } }
extension Double: ObjectiveOutput { public var objectiveResult: ObjectiveResult { .ok(self) } }
extension Int: ObjectiveOutput { public var objectiveResult: ObjectiveResult { .ok(Double(self)) } }

/// Why a search ended.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    case maxEvals
    case lossThreshold
    case timeout
    case earlyStop
    /// The algorithm had nothing more to propose (e.g. the whole grid was evaluated).
    case exhausted
    /// The caller stopped the search from outside (the harness on Ctrl-C or SIGTERM).
    case cancelled

    public var description: String {
        switch self {
        case .maxEvals: return "reached max evaluations"
        case .lossThreshold: return "reached the loss threshold"
        case .timeout: return "timed out"
        case .earlyStop: return "stopped by the early-stop callback"
        case .exhausted: return "the algorithm had no more points"
        case .cancelled: return "cancelled"
        }
    }
}

/// Why a search cannot go on. The objective's own failures never stop a search: they are
/// failed trials.
public enum SearchError: Error, Equatable, CustomStringConvertible {
    /// The suggester threw while proposing trial `trial`.
    case suggester(trial: Int, SuggesterError)
    /// The point proposed for trial `trial` is not a valid assignment of the space.
    case invalidProposal(trial: Int, AssignmentError)

    public var description: String {
        switch self {
        case .suggester(let trial, let error): return "failed at trial \(trial): \(error)"
        case .invalidProposal(let trial, let error): return "proposed an invalid point at trial \(trial): \(error)"
        }
    }
}

/// What a caller plugs into ``Search/run(until:hooks:)``: the objective, and whatever it adds
/// around the loop (timing, planned points, stop rules, cancellation, bookkeeping). Every hook
/// but ``evaluate(_:point:)`` has a default that does nothing.
public protocol SearchHooks {
    /// Whether trials get their wall-clock start and end times (``Trial/startTime``).
    var recordsTimes: Bool { get }
    /// Called before each trial: a reason to stop, or nil to go on.
    mutating func stopReason(before trials: Trials) -> StopReason?
    /// A point to evaluate before the suggester is asked (hyperopt's `points_to_evaluate`);
    /// it is validated like a proposal.
    mutating func plannedPoint() -> Assignment?
    /// Called just before and just after the suggester proposes (also when it has nothing left).
    mutating func willSuggest()
    mutating func didSuggest()
    /// Called just before the validated point is built for the objective and just after the
    /// objective returned: building and releasing the point is part of evaluating it.
    mutating func willEvaluate()
    mutating func didEvaluate()
    /// Evaluates one validated point; never throws: a failure is a result.
    mutating func evaluate(_ assignment: Assignment, point: Value) -> ObjectiveResult
    /// Called after `trial` was recorded (the last of `trials`): a reason to stop, or nil.
    mutating func didRecord(_ trial: Trial, in trials: Trials) -> StopReason?
}

extension SearchHooks {
    public var recordsTimes: Bool { false }
    public mutating func stopReason(before trials: Trials) -> StopReason? { nil }
    public mutating func plannedPoint() -> Assignment? { nil }
    public mutating func willSuggest() {}
    public mutating func didSuggest() {}
    public mutating func willEvaluate() {}
    public mutating func didEvaluate() {}
    public mutating func didRecord(_ trial: Trial, in trials: Trials) -> StopReason? { nil }
}

/// An ask/tell search: a suggester proposes points of a space, the caller evaluates them, and
/// the results are recorded as ``Trials``. ``fmin(_:space:algorithm:maxEvals:trials:seed:direction:options:)``
/// and the benchmark harness's cells both run on it (``run(until:hooks:)``).
///
/// - ``ask()`` proposes the next point and validates it against the space.
/// - ``tell(_:_:proposalExtras:startTime:endTime:)`` turns an objective's result into a trial
///   and records it; a non-finite value, a missing value on an ok result and a pending status
///   all become failed trials here, and nowhere else.
///
/// - Determinism: the proposals are a pure function of (space, suggester, generator state,
///   history); the search draws only from its suggester's generator.
public struct Search {
    /// The space searched.
    public let space: SearchSpace
    /// `.maximize` negates values into losses.
    public let direction: Direction
    /// The history, appended to by ``tell(_:_:proposalExtras:startTime:endTime:)``.
    public private(set) var trials: Trials
    /// The suggester, as it stands after its last proposal.
    public private(set) var suggester: any Suggester
    /// The suggester's generator.
    public let rng: MersenneTwister

    /// A search with `suggester` drawing from `rng`, continuing `trials`.
    ///
    /// - Complexity: O(1).
    public init(space: SearchSpace, suggester: any Suggester, using rng: MersenneTwister, direction: Direction = .minimize,
                trials: Trials = Trials()) {
        self.space = space
        self.direction = direction
        self.suggester = suggester
        self.rng = rng
        var trials = trials
        trials.direction = direction
        self.trials = trials
    }

    /// Makes room for `count` trials in all.
    public mutating func reserveCapacity(_ count: Int) { trials.reserveCapacity(count) }

    /// The suggester's next point, validated against the space; nil when it has none left.
    ///
    /// - Throws: ``SearchError/suggester(trial:_:)`` when the suggester throws,
    ///   ``SearchError/invalidProposal(trial:_:)`` when its point breaks the space.
    /// - Complexity: the suggester's cost, plus O(labels) for the validation.
    /// - Determinism: draws from ``rng`` only through the suggester.
    public mutating func ask() throws(SearchError) -> Assignment? {
        guard let proposal = try suggest() else { return nil }
        try check(proposal)
        return proposal
    }

    /// The suggester's next point as it comes, nil when it has none left.
    @usableFromInline
    mutating func suggest() throws(SearchError) -> Assignment? {
        do { return try suggester.suggest(history: trials, using: rng) } catch { throw .suggester(trial: trials.nextID, error) }
    }

    /// Checks that `assignment` is a valid point of the space (as every proposal is checked).
    public func check(_ assignment: Assignment) throws(SearchError) {
        do { try space.validate(assignment) } catch { throw .invalidProposal(trial: trials.nextID, error) }
    }

    /// Records the result of evaluating `assignment` as the next trial and returns it.
    ///
    /// The one rule for results: a pending status counts as failed; a finite value becomes the
    /// loss (negated when maximising); a non-finite value makes the trial fail with the message
    /// "objective returned VALUE" (`nan`, `inf`, `-inf`) and no loss; an ok result without a
    /// value fails with its message or "objective returned no value". The suggester's extras
    /// come first, then the objective's, which win on a shared key.
    ///
    /// - Complexity: O(1) amortised, plus the extras.
    @discardableResult
    public mutating func tell(_ assignment: Assignment, _ result: ObjectiveResult, proposalExtras: OrderedRecord<Value> = OrderedRecord(),
                              startTime: Date? = nil, endTime: Date? = nil) -> Trial {
        var status = result.status == .pending ? .fail : result.status
        var message = result.message
        var loss: Double?
        if let value = result.value {
            if value.isFinite {
                loss = direction.loss(fromObjectiveValue: value)
            } else {
                status = .fail
                message = "objective returned \(NumberFormatting.shortest(value))"
            }
        } else if status == .ok {
            status = .fail
            message = result.message ?? "objective returned no value"
        }
        var extras = result.extras
        if !proposalExtras.isEmpty {
            var merged = proposalExtras
            for (key, value) in extras { merged[key] = value }
            extras = merged
        }
        let trial = Trial(id: trials.nextID, assignment: assignment, status: status, loss: loss, message: message, extras: extras,
                          startTime: startTime, endTime: endTime)
        trials.append(trial)
        return trial
    }

    /// Runs trials until `trials` holds `target` of them, a hook stops it, or the suggester is
    /// exhausted: planned points first, then proposals; each validated, built into the point
    /// the objective reads, evaluated through `hooks` and recorded by ``tell(_:_:proposalExtras:startTime:endTime:)``.
    ///
    /// - Returns: why it stopped (``StopReason/maxEvals`` when `target` was reached).
    /// - Throws: ``SearchError`` when the suggester throws or proposes an invalid point.
    /// - Complexity: the suggester's and the objective's cost per trial, times the trials.
    /// - Determinism: as ``ask()``; the hooks see every trial in order.
    /// - Note: inlinable, so it is specialised for the caller's hooks (the harness runs it once
    ///   per cell with every trial's overhead on the clock).
    @inlinable
    public mutating func run<Hooks: SearchHooks>(until target: Int, hooks: inout Hooks) throws(SearchError) -> StopReason {
        while trials.count < target {
            if let reason = hooks.stopReason(before: trials) { return reason }
            let proposal: Assignment
            // Built with init(), not the literal: the literal's variadic tuple array costs a
            // runtime metadata lookup per trial.
            var proposalExtras = OrderedRecord<Value>()
            if let planned = hooks.plannedPoint() {
                try check(planned)
                proposal = planned
            } else {
                hooks.willSuggest()
                let suggestion = try suggest()
                hooks.didSuggest()
                // Consumed, so the loop holds no second reference to release inside a timed window.
                guard let suggested = consume suggestion else { return .exhausted }
                try check(suggested)
                proposal = suggested
                proposalExtras = suggester.proposalExtras
            }
            let startTime = hooks.recordsTimes ? Date() : nil
            hooks.willEvaluate()
            let result: ObjectiveResult
            do {
                // The point lives in this scope only: releasing it is part of evaluating it too.
                let point = try space.evaluate(proposal)
                result = hooks.evaluate(proposal, point: point)
            } catch {
                throw .invalidProposal(trial: trials.nextID, error)
            }
            hooks.didEvaluate()
            let endTime = hooks.recordsTimes ? Date() : nil
            let trial = tell(proposal, result, proposalExtras: proposalExtras, startTime: startTime, endTime: endTime)
            if let reason = hooks.didRecord(trial, in: trials) { return reason }
        }
        return .maxEvals
    }
}
