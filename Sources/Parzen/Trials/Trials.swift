/// The history of a search: every trial in creation order, as hyperopt's `Trials`.
///
/// A value type: ``fmin(_:space:algorithm:maxEvals:trials:seed:direction:options:)`` takes it
/// `inout` and appends to it, so the caller keeps every record after the search.
public struct Trials: Sendable, Equatable {
    public private(set) var trials: [Trial]
    /// Whether the objective values were maximised (losses are then the negated values).
    public var direction: Direction
    /// The id the next trial gets: one more than the largest id so far.
    public private(set) var nextID: Int

    public init(_ trials: [Trial] = [], direction: Direction = .minimize) {
        self.trials = trials
        self.direction = direction
        nextID = (trials.map(\.id).max() ?? -1) + 1
    }

    /// Appends a trial.
    ///
    /// - Precondition: its id is not already used.
    /// - Complexity: O(1) for the usual increasing ids; O(n) to check an id below ``nextID``.
    public mutating func append(_ trial: consuming Trial) {
        if trial.id < nextID {
            precondition(!trials.contains { $0.id == trial.id }, "trial id \(trial.id) is already used")
        }
        nextID = max(nextID, trial.id + 1)
        trials.append(trial)  // the last use: moved in, not copied
    }

    /// Makes room for `count` trials in all, so appending up to there does not reallocate.
    public mutating func reserveCapacity(_ count: Int) { trials.reserveCapacity(count) }

    /// Replaces the trial with the same id (e.g. when a pending trial finishes).
    public mutating func update(_ trial: Trial) {
        guard let index = trials.firstIndex(where: { $0.id == trial.id }) else {
            preconditionFailure("no trial with id \(trial.id)")
        }
        trials[index] = trial
    }

    public var count: Int { trials.count }
    public var isEmpty: Bool { trials.isEmpty }
    public subscript(index: Int) -> Trial { trials[index] }

    /// Each trial's loss in creation order (nil where none), as hyperopt's `Trials.losses()`.
    public var losses: [Double?] { trials.map(\.loss) }

    /// Each trial's status in creation order, as hyperopt's `Trials.statuses()`.
    public var statuses: [TrialStatus] { trials.map(\.status) }

    /// The ok trial with the lowest loss; ties go to the earliest trial. nil when none is ok.
    public var best: Trial? {
        var best: Trial?
        for trial in trials where trial.status == .ok {
            guard let loss = trial.loss, !loss.isNaN else { continue }
            if let current = best?.loss, current <= loss { continue }
            best = trial
        }
        return best
    }

    /// The best trial's assignment (hyperopt's `argmin`: choice kinds as indexes).
    public var argmin: Assignment? { best?.assignment }

    /// The best objective value in the user's sign (the loss, or its negation when maximising).
    public var bestValue: Double? { best?.loss.map(direction.objectiveValue(fromLoss:)) }

    /// The best loss among the first `n` trials, for every n = 1…count (+∞ before any ok trial).
    public var bestSoFar: [Double] {
        var running = Double.infinity
        return trials.map { trial in
            if trial.status == .ok, let loss = trial.loss, loss < running { running = loss }
            return running
        }
    }
}

/// Whether the objective is minimised or maximised. Parzen always minimises a loss; a maximised
/// objective's values are negated into losses and shown in the user's sign.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case minimize, maximize

    /// The loss for an objective value.
    public func loss(fromObjectiveValue value: Double) -> Double { self == .minimize ? value : -value }
    /// The objective value for a loss.
    public func objectiveValue(fromLoss loss: Double) -> Double { self == .minimize ? loss : -loss }
}
