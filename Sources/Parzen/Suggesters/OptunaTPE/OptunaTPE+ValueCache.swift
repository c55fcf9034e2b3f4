extension OptunaTPE {
    /// Every trial's value of every parameter, clipped into Optuna's range, and per parameter the
    /// trials holding it in ascending order of value — kept between calls, so a call after one
    /// new trial inserts that trial instead of reading and sorting the whole history again.
    ///
    /// Values depend only on a trial's assignment, which never changes once the trial exists, so
    /// a pending trial that finishes keeps its entries. A history that is not an extension of the
    /// one seen (other ids at the same positions) starts the cache afresh.
    struct ValueCache {
        /// Counts the fresh starts: values and orders of one generation belong to one history.
        private(set) var generation = 0
        /// The ids of the trials seen, by history position.
        private(set) var ids: [Int] = []
        /// Per parameter, by history position: the value, NaN where the trial does not hold it.
        private(set) var values: [[Double]]
        /// Per parameter: the history positions of the trials holding it, ascending by
        /// (value, position).
        private(set) var orders: [[Int]]

        init(parameterCount: Int) {
            values = [[Double]](repeating: [], count: parameterCount)
            orders = [[Int]](repeating: [], count: parameterCount)
        }

        /// Brings the cache up to `history`.
        ///
        /// - Complexity: O(N) to check the ids, plus O(N) per parameter of each new trial (the
        ///   insertion); O(N·P·N) for a history not seen before.
        mutating func update(_ history: Trials, space: SearchSpace, dimensions: [Dimension]) {
            let count = history.count
            var seen = min(ids.count, count)
            for i in 0..<seen where history.trials[i].id != ids[i] {
                seen = i
                break
            }
            if seen < ids.count {
                let next = generation + 1
                self = ValueCache(parameterCount: dimensions.count)
                generation = next
                seen = 0
            }
            guard seen < count else { return }
            for i in seen..<count {
                ids.append(history.trials[i].id)
                let shared = history.trials[i].assignment.labels == space.labels
                for p in dimensions.indices {
                    let held: Double? = shared ? history.trials[i].assignment.values[p] : history.trials[i].assignment[space.parameters[p].label]
                    guard let raw = held else {
                        values[p].append(.nan)
                        continue
                    }
                    let dimension = dimensions[p]
                    let value = dimension.isCategorical ? raw : min(max(raw, dimension.low), dimension.high)
                    values[p].append(value)
                    insert(i, value: value, into: p)
                }
            }
        }

        /// Inserts position i (larger than every position already there) after every entry whose
        /// value is not above `value`.
        private mutating func insert(_ i: Int, value: Double, into p: Int) {
            var low = 0, high = orders[p].count
            while low < high {
                let middle = (low + high) / 2
                if values[p][orders[p][middle]] <= value { low = middle + 1 } else { high = middle }
            }
            orders[p].insert(i, at: low)
        }
    }
}
