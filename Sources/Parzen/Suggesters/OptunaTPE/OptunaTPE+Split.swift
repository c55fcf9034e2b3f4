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
            var complete: [Int] = [], pending: [Int] = []
            complete.reserveCapacity(history.count)
            // Read in place: a trial is not copied out to look at its status and loss.
            history.trials.withUnsafeBufferPointer { trials in
                for i in trials.indices {
                    switch trials[i].status {
                    case .ok:
                        if let loss = trials[i].loss, !loss.isNaN { complete.append(i) }
                    case .pending:
                        pending.append(i)
                    case .fail:
                        break
                    }
                }
            }
            self.complete = complete
            self.pending = pending
        }
    }

    /// Optuna's `_split_trials` for one objective: the `belowCount` complete trials with the
    /// lowest losses (ties to the older trial: a stable sort over trial order) are *below*; the
    /// other complete trials, and the pending ones when `constantLiar`, are *above*; both in trial
    /// order.
    ///
    /// - Complexity: O(N·g) for g = `belowCount` at worst, O(N) when few trials improve on the
    ///   g-th best seen so far (a selection, not a sort).
    static func split(_ history: Trials, states: States, belowCount: Int, constantLiar: Bool) -> (below: [Int], above: [Int]) {
        let complete = states.complete
        let count = min(belowCount, complete.count)
        var isBelow = [Bool](repeating: false, count: history.count)
        if count > 0 {
            // The `count` best so far, ascending by (loss, trial order): a later trial enters
            // only with a strictly lower loss than the one it passes.
            var best: [Int] = [], bestLosses: [Double] = []
            best.reserveCapacity(count + 1)
            bestLosses.reserveCapacity(count + 1)
            history.trials.withUnsafeBufferPointer { trials in
                for i in complete {
                    let loss = trials[i].loss!
                    if best.count == count && !(loss < bestLosses[count - 1]) { continue }
                    var slot = best.count
                    while slot > 0 && loss < bestLosses[slot - 1] { slot -= 1 }
                    best.insert(i, at: slot)
                    bestLosses.insert(loss, at: slot)
                    if best.count > count {
                        best.removeLast()
                        bestLosses.removeLast()
                    }
                }
            }
            for i in best { isBelow[i] = true }
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
