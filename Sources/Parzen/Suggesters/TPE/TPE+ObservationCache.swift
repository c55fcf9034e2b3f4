extension TPE {
    /// Every trial's observations, kept from one suggestion to the next.
    ///
    /// A search calls `suggest` once per new trial, and TPE models every past trial each time;
    /// re-collecting and re-sorting all N observations of every parameter on every call was
    /// about half its cost at N = 1,000. The cache keeps each trial's observations (one row per
    /// history position) and, per parameter, all of them sorted by value (equal values by
    /// position), so a call after k new trials moves O(k·N) elements instead of sorting.
    ///
    /// The cache trusts itself only with a history that grew from the one it last saw: it keeps
    /// that history's ``Trials/Generation`` (renewed whenever an assignment is replaced) and
    /// rebuilds from scratch otherwise. Built with `PARZEN_INTERNAL_CHECKS`, TPE compares it with
    /// a rebuilt cache on every call (``checkAgainstRebuild(_:layout:)``).
    struct ObservationCache {
        /// Parameters per row.
        let width: Int
        /// The number of trials cached.
        private(set) var count = 0
        /// The generation of the history cached (``Trials/Generation/none`` when it was not
        /// a whole history, or none was seen).
        private var seen = Trials.Generation.none
        /// The trials cached, by position: ids and assignments, to recognise them in a history
        /// of another generation (e.g. a copy rebuilt from the same trials).
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

        /// Brings the cache up to `history`: appends its new trials when the cached ones are
        /// unchanged (the same generation), rebuilds otherwise.
        ///
        /// - Complexity: O(1) to check the cached trials, then O(k·N) for k new trials (k small)
        ///   or one rebuild, O(N log N) at worst.
        /// - Determinism: the contents are a pure function of `history.trials`, however they
        ///   were reached.
        mutating func synchronize(with history: Trials, layout: Layout) {
            let known = count
            let unchanged = history.count >= known
                && (history.generation(ofFirst: known) == seen || holdsTrials(of: history.trials))
            // Inserting costs O(N) moves per trial; past a few trials one sort is cheaper.
            if unchanged && history.count - known <= max(16, known / 16) {
                for position in known..<history.count { append(history.trials[position], layout: layout) }
            } else {
                rebuild(from: history.trials, layout: layout)
            }
            seen = history.generation
        }

        /// Whether the cached trials are the first trials of `trials`, ids and assignments bit
        /// for bit.
        ///
        /// - Complexity: O(N·d) at worst; O(N) when the assignments share their label arrays.
        private func holdsTrials(of trials: [Trial]) -> Bool {
            for i in 0..<count {
                let a = trials[i].assignment, b = assignments[i]
                guard trials[i].id == ids[i], a.labels == b.labels else { return false }
                let x = a.values.span, y = b.values.span
                guard x.count == y.count else { return false }
                for k in 0..<x.count where x[k].bitPattern != y[k].bitPattern { return false }
            }
            return true
        }

        /// Replaces the contents with `trials` (not a whole history: the next
        /// ``synchronize(with:layout:)`` rebuilds).
        mutating func rebuild(from trials: [Trial], layout: Layout) {
            rebuildRows(from: trials, layout: layout)
            seen = .none
        }

        /// Adds the trial after the last cached one: its row, and each observation at its
        /// place in the sorted lists (after equal values, which are older).
        private mutating func append(_ trial: Trial, layout: Layout) {
            let position = Int32(truncatingIfNeeded: count)
            let width = self.width
            count += 1
            ids.append(trial.id)
            assignments.append(trial.assignment)
            let start = rows.count
            rows.append(contentsOf: repeatElement(.nan, count: width))
            var allRows = rows.mutableSpan
            Self.observe(trial.assignment, layout: layout, into: &allRows, at: start)
            for p in 0..<width {
                let value = rows[start + p]
                guard !value.isNaN else { continue }
                let low = Self.upperBound(orderKey(value), in: sortedValues[p])
                sortedValues[p].insert(value, at: low)
                sortedPositions[p].insert(position, at: low)
            }
        }

        /// The first entry of `sorted` with a larger key than `key`.
        private static func upperBound(_ key: UInt64, in sorted: [Double]) -> Int {
            let sorted = sorted.span
            var low = 0, high = sorted.count
            while low < high {
                let mid = (low &+ high) &>> 1
                if orderKey(sorted[mid]) <= key { low = mid &+ 1 } else { high = mid }
            }
            return low
        }

        /// Replaces the contents with `trials`: every row, then one stable sort per parameter.
        private mutating func rebuildRows(from trials: [Trial], layout: Layout) {
            let count = trials.count, width = self.width
            // Room to grow: a search appends one trial per call.
            let capacity = count + count / 2 + 16
            var rows = [Double](repeating: .nan, count: count * width)
            rows.reserveCapacity(capacity * width)
            var ids: [Int] = [], assignments: [Assignment] = []
            ids.reserveCapacity(capacity)
            assignments.reserveCapacity(capacity)
            var allRows = rows.mutableSpan
            let trials = trials.span
            for position in trials.indices {
                ids.append(trials[position].id)
                assignments.append(trials[position].assignment)
                Self.observe(trials[position].assignment, layout: layout, into: &allRows, at: position &* width)
            }
            let cells = rows.span
            precondition(cells.count == count * width)
            for p in 0..<width {
                // The parameter's observations in position order, then sorted stably. Cells are
                // read unchecked: position < count and p < width, so the index is below
                // count · width, the rows' length.
                let positions = [Int32](capacity: count) { positions in
                    for position in 0..<count where !cells[unchecked: position &* width &+ p].isNaN {
                        positions.append(Int32(truncatingIfNeeded: position))
                    }
                }
                let values = positions.map { cells[unchecked: Int($0) &* width &+ p] }
                let order = values.withUnsafeBufferPointer { stableOrder($0) }
                let observed = values.count
                precondition(order.count == observed && positions.count == observed)
                let byOrder = order.span, valueSpan = values.span, positionSpan = positions.span
                // Allocated with room to grow.
                sortedValues[p] = [Double](capacity: capacity) { sorted in
                    for j in 0..<observed { sorted.append(valueSpan[Int(byOrder[unchecked: j])]) }
                }
                sortedPositions[p] = [Int32](capacity: capacity) { sorted in
                    for j in 0..<observed { sorted.append(positionSpan[Int(byOrder[unchecked: j])]) }
                }
            }
            self.count = count
            self.rows = rows
            self.ids = ids
            self.assignments = assignments
        }

        /// Writes the observation of every parameter in `assignment` into the row of `rows`
        /// that starts at `start` (NaN where the parameter is inactive, absent, or its value
        /// unusable). The row holds NaN on entry.
        ///
        /// Assignments made by suggesters list labels in declaration order, so labels are
        /// matched with a cursor (an unconditional space's own labels at once); anything else
        /// falls back to a lookup. A parameter whose conditions fail
        /// under the trial's choices is skipped without a lookup.
        ///
        /// - Complexity: O(d) for d parameters (label comparisons are O(1) for the usual short
        ///   labels).
        @inline(__always)
        static func observe(_ assignment: Assignment, layout: Layout, into rows: inout MutableSpan<Double>, at start: Int) {
            let count = layout.labels.count
            precondition(start >= 0 && start <= rows.count &- count, "a row holds one observation per parameter")
            // Array equality is an identity check when the labels are the layout's own array
            // (suggesters and prior draws share the space's labels).
            if layout.conditionParent.isEmpty && assignment.labels == layout.labels {
                let values = assignment.fields.values.span
                precondition(values.count == count && layout.rules.count == count)
                // Unchecked: p < count, and the row's count cells from start are inside `rows`.
                for p in 0..<count {
                    if let observation = layout.rules[p].observation(values[unchecked: p]) { rows[unchecked: start &+ p] = observation }
                }
                return
            }
            observeByLabel(assignment, layout: layout, into: &rows, at: start)
        }

        /// ``observe(_:layout:into:at:)`` for an assignment that does not share the layout's
        /// labels, or a conditional space: labels matched with a cursor, conditions tested.
        @inline(never)
        private static func observeByLabel(_ assignment: Assignment, layout: Layout, into rows: inout MutableSpan<Double>, at start: Int) {
            let count = layout.labels.count
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
                if let observation = layout.rules[p].observation(value) { rows[start &+ p] = observation }
            }
        }

        /// Whether two caches hold the same observations, bit for bit (generations aside).
        func sameContents(as other: ObservationCache) -> Bool {
            width == other.width && count == other.count
                && rows.map(\.bitPattern) == other.rows.map(\.bitPattern)
                && sortedPositions == other.sortedPositions
                && sortedValues.map { $0.map(\.bitPattern) } == other.sortedValues.map { $0.map(\.bitPattern) }
        }

        /// Stops the program unless the cache holds what a cache rebuilt from `trials` holds:
        /// the internal-checks build runs this on every call.
        ///
        /// - Complexity: O(N·d + N log N), a rebuild.
        func checkAgainstRebuild(_ trials: [Trial], layout: Layout) {
            var rebuilt = ObservationCache(width: width)
            rebuilt.rebuild(from: trials, layout: layout)
            precondition(sameContents(as: rebuilt), "TPE's observation cache differs from one rebuilt from the history")
        }
    }

    /// One call's view of the cached observations: which trials are in the good set, which in
    /// the bad set, and each parameter's observations in either.
    struct ObservationSets {
        private let cache: ObservationCache
        /// Per history position: its index among the bad set's trials, oldest first (the age
        /// of its observations for every parameter observed in all trials); −1 outside the bad
        /// set (in the good set, or left out by `ignore_failed`).
        private let badIndex: [Int32]
        private let badCount: Int
        /// The good set's positions, ascending (oldest first).
        private let goodPositions: [Int]

        /// - Parameters:
        ///   - positions: the modelled trials' positions, ascending.
        ///   - isBelow: for each of them, whether it is in the good set.
        init(cache: ObservationCache, positions: [Int], isBelow: [Bool]) {
            precondition(positions.count == isBelow.count)
            self.cache = cache
            var badIndex = [Int32](repeating: -1, count: cache.count)
            var good: [Int] = []
            var bad: Int32 = 0
            var indexes = badIndex.mutableSpan
            let positions = positions.span, isBelow = isBelow.span
            for row in positions.indices {
                let position = positions[row]
                if isBelow[row] {
                    good.append(position)
                } else {
                    indexes[position] = bad
                    bad &+= 1
                }
            }
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
            for position in 0..<cache.count where badIndex[position] >= 0 {
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
            // The age of each bad-set observation by position (−1 outside the bad set): its
            // index among them, oldest first; the trial's index in the bad set when every trial
            // observes p.
            var ages = badIndex
            var n = 0
            if cache.missing(p) == 0 {
                n = badCount
            } else {
                let count = cache.count, width = cache.width
                let rows = cache.rows.span
                precondition(rows.count == count * width)
                var agesByPosition = ages.mutableSpan
                for position in 0..<count where agesByPosition[position] >= 0 {
                    if rows[position &* width &+ p].isNaN {
                        agesByPosition[position] = -1
                    } else {
                        agesByPosition[position] = Int32(truncatingIfNeeded: n)
                        n &+= 1
                    }
                }
            }
            // The bad set's entries of the sorted list, in order: n of them.
            let sortedValues = cache.sortedValues[p], sortedPositions = cache.sortedPositions[p]
            let values = sortedValues.span, positions = sortedPositions.span
            precondition(values.count == positions.count)
            let agesByPosition = ages.span
            var sortedAges: [Int32] = []
            var k = 0
            let sorted = [Double](capacity: n) { sorted in
                sortedAges = [Int32](capacity: n) { sortedAges in
                    // j is below both lists' count; a position is checked against the ages.
                    for j in values.indices {
                        let age = agesByPosition[Int(positions[unchecked: j])]
                        guard age >= 0 else { continue }
                        sorted.append(values[unchecked: j])
                        sortedAges.append(age)
                    }
                    k = sortedAges.count
                }
            }
            precondition(k == n && sorted.count == n, "the sorted list holds each bad-set observation once")
            return ParzenEstimator(sorted: sorted.span, ages: sortedAges.span, priorMean: prior.mean, priorSigma: prior.sigma, priorWeight: priorWeight)
        }
    }
}
