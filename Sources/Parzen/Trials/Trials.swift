import Synchronization

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
    /// What ``generation(ofFirst:)`` reads: renewed whenever an assignment is replaced.
    private var lineage: UInt64
    /// One per trial: drawn when the trial's assignment was written.
    private var stamps: [UInt64]
    /// What ``outcomeLineage`` reads: renewed whenever an update changes a status or a loss.
    private var outcomes: UInt64

    public init(_ trials: [Trial] = [], direction: Direction = .minimize) {
        self.trials = trials
        self.direction = direction
        nextID = (trials.map(\.id).max() ?? -1) + 1
        lineage = Self.newStamp()
        stamps = trials.map { _ in Self.newStamp() }
        outcomes = Self.newStamp()
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
        stamps.append(Self.newStamp())
    }

    /// Makes room for `count` trials in all, so appending up to there does not reallocate.
    public mutating func reserveCapacity(_ count: Int) {
        trials.reserveCapacity(count)
        stamps.reserveCapacity(count)
    }

    /// Replaces the trial with the same id (e.g. when a pending trial finishes).
    public mutating func update(_ trial: Trial) {
        guard let index = trials.firstIndex(where: { $0.id == trial.id }) else {
            preconditionFailure("no trial with id \(trial.id)")
        }
        let old = trials[index].assignment, new = trial.assignment
        // Bit for bit: −0 and +0, or two NaNs, are different observations.
        if old.labels != new.labels || old.values.map(\.bitPattern) != new.values.map(\.bitPattern) {
            lineage = Self.newStamp()
            stamps[index] = Self.newStamp()
        }
        if trials[index].status != trial.status || trials[index].loss?.bitPattern != trial.loss?.bitPattern {
            outcomes = Self.newStamp()
        }
        trials[index] = trial
    }

    /// Equal when the trials, the direction and the next id are (however they were reached).
    public static func == (a: Trials, b: Trials) -> Bool {
        a.trials == b.trials && a.direction == b.direction && a.nextID == b.nextID
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

// MARK: - Generations

extension Trials {
    /// Identifies the assignments of a history's first ``count`` trials, so that a cache built
    /// from them (TPE's observations) recognises a later history that only grew since.
    ///
    /// Stamps come from one counter for the whole process and are never reused. A history's
    /// lineage is renewed when it is created and whenever an assignment is replaced; appending
    /// keeps it and stamps the new trial. So two histories with the same lineage both descend
    /// by appends alone from the one state that drew it, and if they also share the stamp at
    /// position n − 1, the same append wrote it to both: their first n assignments are the same.
    /// Losses and statuses are not covered (a pending trial completing keeps its generation).
    struct Generation: Equatable, Sendable {
        let lineage: UInt64
        /// The stamp of trial count − 1 (0 when count is 0).
        let last: UInt64
        let count: Int

        /// The generation of no history: it matches none.
        static let none = Generation(lineage: 0, last: 0, count: 0)
    }

    /// The generation of the first `count` trials.
    ///
    /// - Precondition: `count <= self.count`.
    /// - Complexity: O(1).
    func generation(ofFirst count: Int) -> Generation {
        precondition(count <= stamps.count, "a history has no generation beyond its trials")
        return Generation(lineage: lineage, last: count == 0 ? 0 : stamps[count - 1], count: count)
    }

    /// The generation of every trial.
    var generation: Generation { generation(ofFirst: stamps.count) }

    /// Identifies the statuses and losses, as ``Generation`` the assignments: renewed when the
    /// history is created and whenever ``update(_:)`` changes a trial's status or loss (bit for
    /// bit), kept by appends. Two histories with the same generation of their first n trials and
    /// the same outcome lineage have the same first n trials in id, assignment, status and loss.
    ///
    /// - Complexity: O(1).
    var outcomeLineage: UInt64 { outcomes }

    /// The process-wide counter stamps are drawn from (0 is never drawn).
    private static let stampCounter = Atomic<UInt64>(0)

    private static func newStamp() -> UInt64 {
        stampCounter.wrappingAdd(1, ordering: .relaxed).newValue
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
