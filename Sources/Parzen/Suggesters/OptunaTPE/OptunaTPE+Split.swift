extension OptunaTPE {
    /// The history as Optuna's states see it (docs/optuna-tpe.md §2): `ok` trials with a loss
    /// that is not NaN are COMPLETE, `pending` trials are RUNNING, the rest (failed) are invisible.
    struct States {
        /// Positions in the history of the complete trials, in trial order.
        var complete: [Int] = []
        /// Positions in the history of the pending trials, in trial order.
        var pending: [Int] = []

        /// - Complexity: O(N).
        init(_ history: Trials) {
            complete.reserveCapacity(history.count)
            for (i, trial) in history.trials.enumerated() {
                switch trial.status {
                case .ok:
                    if let loss = trial.loss, !loss.isNaN { complete.append(i) }
                case .pending:
                    pending.append(i)
                case .fail:
                    break
                }
            }
        }
    }

    /// Optuna's `_split_trials` for one objective: the `belowCount` complete trials with the
    /// lowest losses (ties to the older trial: a stable sort over trial order) are *below*; the
    /// other complete trials, and the pending ones when `constantLiar`, are *above*; both in trial
    /// order.
    ///
    /// - Complexity: O(N log N).
    static func split(_ history: Trials, states: States, belowCount: Int, constantLiar: Bool) -> (below: [Int], above: [Int]) {
        let complete = states.complete
        let count = min(belowCount, complete.count)
        var isBelow = [Bool](repeating: false, count: history.count)
        if count > 0 {
            let losses = complete.map { history.trials[$0].loss! }
            var order = Array(complete.indices)
            order.sort { losses[$0] < losses[$1] || (losses[$0] == losses[$1] && $0 < $1) }
            for i in order.prefix(count) { isBelow[complete[i]] = true }
        }
        var below: [Int] = [], above: [Int] = []
        below.reserveCapacity(count)
        above.reserveCapacity(complete.count - count + states.pending.count)
        for i in complete {
            if isBelow[i] { below.append(i) } else { above.append(i) }
        }
        if constantLiar && !states.pending.isEmpty {
            above.append(contentsOf: states.pending)
            above.sort()
        }
        return (below, above)
    }
}
