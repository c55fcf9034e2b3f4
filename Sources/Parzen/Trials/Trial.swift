import Foundation

/// One evaluation of the objective: hyperopt's trial document, typed.
public struct Trial: Sendable, Equatable {
    /// hyperopt's `tid`: 0, 1, 2, … in the order trials were created.
    public let id: Int
    /// The stored values of the labels active in this trial (choice kinds as indexes).
    public var assignment: Assignment
    public var status: TrialStatus
    /// The loss being minimised (for a maximised objective, the negated value); nil while
    /// pending, and for a failed trial that reported none.
    public var loss: Double?
    /// Why the trial failed (the thrown error, "loss is NaN", …); nil for ok trials.
    public var message: String?
    /// Extra values the objective reported beside the loss (hyperopt's extra result keys).
    public var extras: OrderedRecord<Value>
    /// When the evaluation started and ended (wall clock; never used for any decision).
    public var startTime: Date?
    public var endTime: Date?

    public init(
        id: Int, assignment: Assignment, status: TrialStatus = .pending, loss: Double? = nil, message: String? = nil,
        extras: OrderedRecord<Value> = OrderedRecord(), startTime: Date? = nil, endTime: Date? = nil
    ) {
        self.id = id
        self.assignment = assignment
        self.status = status
        self.loss = loss
        self.message = message
        self.extras = extras
        self.startTime = startTime
        self.endTime = endTime
    }

    /// The loss a model-based suggester sees: the loss of an ok trial; +∞ for a pending trial or
    /// a failed one without a loss (hyperopt's rule: a failed trial that reported a loss keeps it).
    public var lossForModel: Double { loss ?? .infinity }

    /// Seconds between start and end, when both are known.
    public var duration: Double? {
        guard let startTime, let endTime else { return nil }
        return endTime.timeIntervalSince(startTime)
    }
}

/// The outcome of a trial, as hyperopt's `STATUS_OK` / `STATUS_FAIL` (plus not yet evaluated).
public enum TrialStatus: String, Sendable, Codable, CaseIterable {
    case pending = "new"
    case ok
    case fail
}
