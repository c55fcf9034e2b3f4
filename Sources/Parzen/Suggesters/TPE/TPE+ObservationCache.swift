extension TPE {
    /// Every trial's observations, kept from one suggestion to the next.
    ///
    /// A search calls `suggest` once per new trial, and TPE models every past trial each time;
    /// re-collecting and re-sorting all N observations of every parameter on every call was
    /// about half its cost at N = 1,000. The cache keeps each trial's observations (one row per
    /// history position) and, per parameter, all of them sorted by value (equal values by
    /// position), so a call after k new trials moves O(k·N) elements instead of sorting.
    ///
    /// The cache proves the history unchanged before trusting itself: it holds each trial's
    /// assignment and compares the history's ids and the storage of each assignment's label and
    /// value arrays with its own. An array changed in any way gets new storage (copy on write:
    /// the cache holds a reference), so an edited, removed or reordered trial is always seen, and
    /// the cache is then rebuilt from scratch.
    struct ObservationCache {
        /// Parameters per row.
        let width: Int
        /// The trials seen, by history position: ids and assignments (held, so their storage
        /// cannot be freed and reused by another array while addresses are compared).
        private var ids: [Int] = []
        private var assignments: [Assignment] = []
        /// Row-major: the observation of parameter p in the trial at position i is
        /// `rows[i * width + p]`; NaN where it has none.
        private(set) var rows: [Double] = []
        /// Per parameter: its observations ascending by ``orderKey(_:)``, equal ones by position.
        private(set) var sortedValues: [[Double]]
        /// The positions of ``sortedValues``, entry for entry.
        private(set) var sortedPositions: [[Int32]]

        /// The number of cached trials without an observation of parameter p.
        func missing(_ p: Int) -> Int { count - sortedValues[p].count }

        init(width: Int) {
            self.width = width
            sortedValues = Array(repeating: [], count: width)
            sortedPositions = Array(repeating: [], count: width)
        }

        /// The number of trials cached.
        var count: Int { ids.count }

        /// Brings the cache up to `trials` (the history in position order): appends new trials
        /// when the cached ones are unchanged, rebuilds otherwise.
        ///
        /// - Complexity: O(N) to check the cached trials, then O(k·N) for k new trials (k small)
        ///   or one rebuild, O(N log N) at worst.
        /// - Determinism: the contents are a pure function of `trials`, however they were
        ///   reached.
        mutating func synchronize(with trials: [Trial], layout: Layout) {
            let known = ids.count
            var unchanged = trials.count >= known
            if unchanged {
                trials.withUnsafeBufferPointer { trials in
                    ids.withUnsafeBufferPointer { ids in
                        assignments.withUnsafeBufferPointer { assignments in
                            // Through pointers: compares without copying a Trial or an Assignment.
                            for i in 0..<known {
                                let trial = trials.baseAddress.unsafelyUnwrapped.advanced(by: i)
                                let assignment = assignments.baseAddress.unsafelyUnwrapped.advanced(by: i)
                                guard trial.pointee.id == ids[i],
                                      trial.pointee.assignment.storageAddresses == assignment.pointee.storageAddresses else {
                                    unchanged = false
                                    return
                                }
                            }
                        }
                    }
                }
            }
            // Inserting costs O(N) moves per trial; past a few trials one sort is cheaper.
            if unchanged && trials.count - known <= max(16, known / 16) {
                for position in known..<trials.count { append(trials[position], layout: layout) }
            } else {
                rebuild(from: trials, layout: layout)
            }
        }

        /// Adds the trial after the last cached one: its row, and each observation at its
        /// place in the sorted lists (after equal values, which are older).
        private mutating func append(_ trial: Trial, layout: Layout) {
            let position = Int32(truncatingIfNeeded: ids.count)
            ids.append(trial.id)
            assignments.append(trial.assignment)
            let start = rows.count
            rows.append(contentsOf: repeatElement(.nan, count: width))
            rows.withUnsafeMutableBufferPointer { rows in
                Self.observe(trial.assignment, layout: layout, into: UnsafeMutableBufferPointer(rebasing: rows[start...]))
            }
            for p in 0..<width {
                let value = rows[start + p]
                guard !value.isNaN else { continue }
                let key = orderKey(value)
                // The first entry with a larger key.
                var low = 0, high = sortedValues[p].count
                sortedValues[p].withUnsafeBufferPointer { sorted in
                    while low < high {
                        let mid = (low &+ high) &>> 1
                        if orderKey(sorted[mid]) <= key { low = mid &+ 1 } else { high = mid }
                    }
                }
                sortedValues[p].insert(value, at: low)
                sortedPositions[p].insert(position, at: low)
            }
        }

        /// Replaces the contents with `trials`: every row, then one stable sort per parameter.
        private mutating func rebuild(from trials: [Trial], layout: Layout) {
            let count = trials.count, width = self.width
            // Room to grow: a search appends one trial per call.
            let capacity = count + count / 2 + 16
            var ids: [Int] = [], assignments: [Assignment] = []
            ids.reserveCapacity(capacity)
            assignments.reserveCapacity(capacity)
            var rows = [Double](repeating: .nan, count: count * width)
            rows.reserveCapacity(capacity * width)
            // Through pointers: reads each trial's fields without copying the Trial.
            trials.withUnsafeBufferPointer { trials in
                rows.withUnsafeMutableBufferPointer { rows in
                    for position in 0..<count {
                        let trial = trials.baseAddress.unsafelyUnwrapped.advanced(by: position)
                        ids.append(trial.pointee.id)
                        assignments.append(trial.pointee.assignment)
                        let start = position &* width
                        Self.observe(trial.pointee.assignment, layout: layout, into: UnsafeMutableBufferPointer(rebasing: rows[start..<(start &+ width)]))
                    }
                }
            }
            for p in 0..<width {
                // The parameter's observations in position order, then sorted stably.
                var observed = 0
                let positions = [Int32](unsafeUninitializedCapacity: count) { positions, positionsCount in
                    rows.withUnsafeBufferPointer { rows in
                        for position in 0..<count where !rows[position &* width &+ p].isNaN {
                            positions[observed] = Int32(truncatingIfNeeded: position)
                            observed &+= 1
                        }
                    }
                    positionsCount = observed
                }
                let values = rows.withUnsafeBufferPointer { rows in positions.map { rows[Int($0) &* width &+ p] } }
                let order = values.withUnsafeBufferPointer { stableOrder($0) }
                // Allocated with room to grow; the first `observed` entries are written.
                sortedValues[p] = [Double](unsafeUninitializedCapacity: capacity) { sorted, sortedCount in
                    for j in 0..<observed { sorted[j] = values[Int(order[j])] }
                    sortedCount = observed
                }
                self.sortedPositions[p] = [Int32](unsafeUninitializedCapacity: capacity) { sorted, sortedCount in
                    for j in 0..<observed { sorted[j] = positions[Int(order[j])] }
                    sortedCount = observed
                }
            }
            self.ids = ids
            self.assignments = assignments
            self.rows = rows
        }

        /// Writes the observation of every parameter in `assignment` into `row` (NaN where the
        /// parameter is inactive, absent, or its value unusable). `row` holds NaN on entry.
        ///
        /// Assignments made by suggesters list labels in declaration order, so labels are
        /// matched with a cursor (an unconditional space's own labels at once); anything else
        /// falls back to a lookup. A parameter whose conditions fail
        /// under the trial's choices is skipped without a lookup.
        ///
        /// - Complexity: O(d) for d parameters (label comparisons are O(1) for the usual short
        ///   labels).
        static func observe(_ assignment: Assignment, layout: Layout, into row: UnsafeMutableBufferPointer<Double>) {
            let count = layout.labels.count
            // Array equality is an identity check when the labels are the layout's own array
            // (suggesters and prior draws share the space's labels).
            if layout.conditionParent.isEmpty && assignment.labels == layout.labels {
                assignment.values.withUnsafeBufferPointer { values in
                    for p in 0..<count {
                        if let observation = layout.rules[p].observation(values[p]) { row[p] = observation }
                    }
                }
                return
            }
            // The stored values seen so far: conditions test a parent's stored option index.
            var raw = [Double](repeating: .nan, count: count)
            var cursor = 0
            for p in 0..<count {
                var active = true
                for c in layout.conditionStart[p]..<layout.conditionStart[p + 1]
                where raw[layout.conditionParent[c]] != layout.conditionOption[c] {
                    active = false
                    break
                }
                guard active, let value = assignment.value(of: layout.labels[p], cursor: &cursor) else { continue }
                raw[p] = value
                if let observation = layout.rules[p].observation(value) { row[p] = observation }
            }
        }
    }

    /// One call's view of the cached observations: which trials are in the good set, which in
    /// the bad set, and each parameter's observations in either.
    struct ObservationSets {
        private let cache: ObservationCache
        /// Per history position: 0 not modelled (left out by `ignore_failed`), 1 good, 2 bad.
        private let membership: [UInt8]
        /// Per history position in the bad set: its index among them, oldest first (the age
        /// of its observations for every parameter observed in all trials).
        private let badIndex: [Int32]
        private let badCount: Int
        /// The good set's positions, ascending (oldest first).
        private let goodPositions: [Int]

        /// - Parameters:
        ///   - positions: the modelled trials' positions, ascending.
        ///   - isBelow: for each of them, whether it is in the good set.
        init(cache: ObservationCache, positions: [Int], isBelow: [Bool]) {
            self.cache = cache
            var membership = [UInt8](repeating: 0, count: cache.count)
            var badIndex = [Int32](repeating: 0, count: cache.count)
            var good: [Int] = []
            var bad: Int32 = 0
            membership.withUnsafeMutableBufferPointer { membership in
                badIndex.withUnsafeMutableBufferPointer { badIndex in
                    positions.withUnsafeBufferPointer { positions in
                        isBelow.withUnsafeBufferPointer { isBelow in
                            for row in 0..<positions.count {
                                let position = positions[row]
                                if isBelow[row] {
                                    membership[position] = 1
                                    good.append(position)
                                } else {
                                    membership[position] = 2
                                    badIndex[position] = bad
                                    bad &+= 1
                                }
                            }
                        }
                    }
                }
            }
            self.membership = membership
            self.badIndex = badIndex
            badCount = Int(bad)
            goodPositions = good
        }

        /// Parameter p's observations in the good set, oldest first.
        func below(_ p: Int) -> [Double] {
            goodPositions.compactMap { position in
                let value = cache.rows[position * cache.width + p]
                return value.isNaN ? nil : value
            }
        }

        /// Parameter p's observations in the bad set, oldest first.
        func above(_ p: Int) -> [Double] {
            var values: [Double] = []
            for position in 0..<cache.count where membership[position] == 2 {
                let value = cache.rows[position * cache.width + p]
                if !value.isNaN { values.append(value) }
            }
            return values
        }

        /// The adaptive Parzen estimator of parameter p's bad-set observations, taken in order
        /// from the cache's sorted list: the same estimator as
        /// `ParzenEstimator(observations: above(p), …)`, without sorting.
        ///
        /// - Complexity: O(N) for N cached trials.
        func aboveEstimator(_ p: Int, prior: NumericPrior, priorWeight: Double) -> ParzenEstimator {
            let count = cache.count, width = cache.width
            // The age of each bad-set observation: its index among them, oldest first; the
            // trial's index in the bad set when every trial observes p.
            var ages = badIndex
            var n = 0
            if cache.missing(p) == 0 {
                n = badCount
            } else {
                membership.withUnsafeBufferPointer { membership in
                    cache.rows.withUnsafeBufferPointer { rows in
                        ages.withUnsafeMutableBufferPointer { ages in
                            for position in 0..<count where membership[position] == 2 && !rows[position &* width &+ p].isNaN {
                                ages[position] = Int32(truncatingIfNeeded: n)
                                n &+= 1
                            }
                        }
                    }
                }
            }
            // Every entry of both arrays is written: the sorted list holds each of the n
            // observations once.
            var sortedAges: [Int32] = []
            let sorted = [Double](unsafeUninitializedCapacity: n) { sorted, sortedCount in
                sortedAges = [Int32](unsafeUninitializedCapacity: n) { sortedAges, agesCount in
                    membership.withUnsafeBufferPointer { membership in
                        cache.sortedValues[p].withUnsafeBufferPointer { values in
                            cache.sortedPositions[p].withUnsafeBufferPointer { positions in
                                ages.withUnsafeBufferPointer { ages in
                                    var k = 0
                                    for j in 0..<values.count {
                                        let position = Int(positions[j])
                                        guard membership[position] == 2 else { continue }
                                        sorted[k] = values[j]
                                        sortedAges[k] = ages[position]
                                        k &+= 1
                                    }
                                }
                            }
                        }
                    }
                    agesCount = n
                }
                sortedCount = n
            }
            return sorted.withUnsafeBufferPointer { sorted in
                sortedAges.withUnsafeBufferPointer { sortedAges in
                    ParzenEstimator(sorted: sorted, ages: sortedAges, priorMean: prior.mean, priorSigma: prior.sigma, priorWeight: priorWeight)
                }
            }
        }
    }
}
