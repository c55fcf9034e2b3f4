extension OptunaTPE {
    /// Which parameters each complete trial holds, as a mask over the space's positions.
    ///
    /// - Complexity: O(1) per trial of an unconditional space, O(P²) per trial otherwise.
    func presence(_ trial: Trial) -> [Bool] {
        if !space.isConditional { return [Bool](repeating: true, count: space.parameters.count) }
        return space.parameters.map { trial.assignment[$0.label] != nil }
    }

    /// The models of the relative search space (docs/optuna-tpe.md §6), each a list of positions
    /// sorted by label with single-valued parameters dropped, empty ones left out:
    ///
    /// - `group: false`: one model, Optuna's `IntersectionSearchSpace`: the parameters every
    ///   complete trial holds;
    /// - `group: true`: Optuna's `_GroupDecomposedSearchSpace`: the label sets of the complete
    ///   trials, in trial order, refine a partition (G → G ∩ T, G ∖ T; T's new labels a new group
    ///   at the end).
    ///
    /// - Complexity: O(N·P) for N complete trials and P parameters (O(N·P²) for groups).
    func relativeModels(_ history: Trials, complete: [Int]) -> [[Int]] {
        let count = space.parameters.count
        var groups: [[Bool]] = []
        if !options.group {
            var intersection = [Bool](repeating: !complete.isEmpty, count: count)
            if space.isConditional {
                for i in complete {
                    let held = presence(history.trials[i])
                    for p in 0..<count where !held[p] { intersection[p] = false }
                }
            }
            groups = [intersection]
        } else if !space.isConditional {
            groups = complete.isEmpty ? [] : [[Bool](repeating: true, count: count)]
        } else {
            for i in complete {
                var fresh = presence(history.trials[i])
                var next: [[Bool]] = []
                for group in groups {
                    let inside = (0..<count).map { group[$0] && fresh[$0] }
                    let outside = (0..<count).map { group[$0] && !fresh[$0] }
                    for p in 0..<count where group[p] { fresh[p] = false }
                    next.append(inside)
                    next.append(outside)
                }
                next.append(fresh)
                groups = next.filter { $0.contains(true) }
            }
        }
        return groups.compactMap { mask in
            let positions = byLabel.filter { mask[$0] && !numeric.coordinates[$0].isSingle }
            return positions.isEmpty ? nil : positions
        }
    }
}
