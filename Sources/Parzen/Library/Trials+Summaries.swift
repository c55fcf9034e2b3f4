import Foundation

extension Trials {
    /// The losses of the ok trials with a finite loss, in creation order: the list to take
    /// `min()`, `max()`, a mean or a plot from (``losses`` keeps one optional per trial, as
    /// hyperopt's `Trials.losses()`).
    ///
    /// - Complexity: O(count).
    public var finiteLosses: [Double] {
        trials.compactMap { trial in
            guard trial.status == .ok, let loss = trial.loss, loss.isFinite else { return nil }
            return loss
        }
    }

    /// The lowest loss of an ok trial (the loss of ``best``); nil when no trial is ok.
    /// For a maximised objective this is the negated best value; ``bestValue`` gives it in the
    /// objective's own sign.
    ///
    /// - Complexity: O(count).
    public var bestLoss: Double? { best?.loss }

    /// The trials whose status is ``TrialStatus/ok``, in creation order.
    ///
    /// - Complexity: O(count).
    public var okTrials: [Trial] { trials.filter { $0.status == .ok } }

    /// ``hyperoptJSON(space:)`` for a ``Space`` as written, compiled first.
    ///
    /// - Throws: ``SpaceError`` when the space breaks a rule; an encoding error otherwise.
    public func hyperoptJSON(space: Space) throws -> Data {
        try hyperoptJSON(space: SearchSpace(space))
    }

    /// ``init(hyperoptJSON:space:direction:)`` for a ``Space`` as written, compiled first.
    ///
    /// - Throws: ``SpaceError`` when the space breaks a rule; ``TrialsImportError`` naming the
    ///   trial and field that could not be read.
    public init(hyperoptJSON data: Data, space: Space, direction: Direction = .minimize) throws {
        try self.init(hyperoptJSON: data, space: SearchSpace(space), direction: direction)
    }
}
