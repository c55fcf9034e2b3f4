extension OptunaTPE {
    /// For one model, per trial of the *below* estimator, the *above* trials whose components have
    /// the largest terms at that trial's point: the hints with which
    /// ``OptunaParzenEstimator/firstBestCandidate(_:logBelow:hints:hintStarts:accumulator:)``
    /// bounds the candidates drawn from that trial's component (they lie near it).
    ///
    /// Kept between calls and brought up to date cheaply: a trial that joins *above* is offered to
    /// every list, one that leaves is dropped from them, and a new *below* trial (or a list grown
    /// too short) gets a list from a scan of every component. The lists only steer the work: any
    /// lists give the same proposal, bit for bit.
    struct Neighbourhoods {
        /// The cache generation the history positions below belong to.
        var generation = -1
        /// The *above* trials the lists have seen (history positions, ascending).
        var above: [Int] = []
        /// The *below* trials (history positions, ascending), one list each.
        var centres: [Int] = []
        /// Per centre, up to ``OptunaTPE/neighbourCount`` *above* trials, largest term first, and
        /// their terms at the centre when offered.
        var lists: [[Int]] = []
        var terms: [[Double]] = []
    }

    /// The length of a neighbour list.
    static let neighbourCount = 8

    /// The hints for candidates drawn from the *below* components `sources`: per candidate, the
    /// components of `estimator` (the *above* estimator of the model over `positions`, built from
    /// the trials `above`) in the list of the trial its source stands for; none for a candidate
    /// of the prior.
    ///
    /// - Parameters:
    ///   - below: the trials of the *below* estimator (history positions, ascending).
    ///   - above: the trials of `estimator` (history positions, ascending).
    /// - Returns: the hints of candidate j at `hints[starts[j]..<starts[j + 1]]`.
    /// - Complexity: O(N) to compare the trials, O(|below|·d) per trial that joined *above*,
    ///   O(N·d) per list built, O(B·h·log N) for the hints.
    mutating func neighbourHints(_ positions: [Int], below: [Int], above: [Int], estimator: OptunaParzenEstimator,
                                 sources: [Int]) -> (hints: [Int], starts: [Int]) {
        var hood = neighbourhoods.removeValue(forKey: positions) ?? Neighbourhoods()
        if hood.generation != cache.generation {
            hood = Neighbourhoods()
            hood.generation = cache.generation
        }
        let points = positions.map { p in below.map { cache.values[p][$0] } }
        let centres = estimator.prepare(points, count: below.count)
        // The lists of the centres that stay.
        var lists = [[Int]](repeating: [], count: below.count)
        var terms = [[Double]](repeating: [], count: below.count)
        var fresh = [Bool](repeating: true, count: below.count)
        var i = 0
        for (c, t) in below.enumerated() {
            while i < hood.centres.count && hood.centres[i] < t { i += 1 }
            if i < hood.centres.count && hood.centres[i] == t {
                lists[c] = hood.lists[i]
                terms[c] = hood.terms[i]
                fresh[c] = false
            }
        }
        if hood.above != above {
            // Component indexes of the trials that joined, history positions of those that left.
            var joined: [Int] = [], left: [Int] = []
            var a = 0, b = 0
            while a < hood.above.count || b < above.count {
                if b == above.count || (a < hood.above.count && hood.above[a] < above[b]) {
                    left.append(hood.above[a])
                    a += 1
                } else if a == hood.above.count || above[b] < hood.above[a] {
                    joined.append(b)
                    b += 1
                } else {
                    a += 1
                    b += 1
                }
            }
            if joined.count > 4 * Self.neighbourCount {
                for c in fresh.indices { fresh[c] = true }
            } else {
                for c in lists.indices where !fresh[c] {
                    if !left.isEmpty {
                        var kept: [Int] = [], keptTerms: [Double] = []
                        for (t, term) in zip(lists[c], terms[c]) where Self.position(of: t, in: left) == nil {
                            kept.append(t)
                            keptTerms.append(term)
                        }
                        lists[c] = kept
                        terms[c] = keptTerms
                        if kept.count < Self.neighbourCount / 2 {
                            fresh[c] = true
                            continue
                        }
                    }
                    for k in joined {
                        Self.offer(above[k], estimator.logTerm(k, of: c, in: centres), list: &lists[c], terms: &terms[c])
                    }
                }
            }
        }
        // New lists: every observation's component at the centre.
        let observationCount = estimator.componentCount - 1
        if fresh.contains(true) && observationCount > 0 {
            var scratch = [Double](repeating: 0, count: observationCount)
            for c in fresh.indices where fresh[c] {
                scratch.withUnsafeMutableBufferPointer { buffer in
                    estimator.logTerms(of: c, in: centres, range: 0..<observationCount, into: buffer.baseAddress!)
                }
                lists[c] = []
                terms[c] = []
                for k in 0..<observationCount {
                    Self.offer(above[k], scratch[k], list: &lists[c], terms: &terms[c])
                }
            }
        }
        var hints: [Int] = [], starts = [0]
        hints.reserveCapacity(sources.count * Self.neighbourCount)
        starts.reserveCapacity(sources.count + 1)
        for source in sources {
            if source < below.count {
                for t in lists[source] {
                    if let k = Self.position(of: t, in: above) { hints.append(k) }
                }
            }
            starts.append(hints.count)
        }
        hood.above = above
        hood.centres = below
        hood.lists = lists
        hood.terms = terms
        neighbourhoods[positions] = hood
        return (hints, starts)
    }

    /// Puts trial t with its term into the list, largest term first, when the list has room or
    /// the term beats its last; the list keeps ``neighbourCount`` entries at most.
    static func offer(_ t: Int, _ term: Double, list: inout [Int], terms: inout [Double]) {
        guard !term.isNaN else { return }
        if list.count == neighbourCount && !(term > terms[neighbourCount - 1]) { return }
        var slot = terms.count
        while slot > 0 && terms[slot - 1] < term { slot -= 1 }
        list.insert(t, at: slot)
        terms.insert(term, at: slot)
        if list.count > neighbourCount {
            list.removeLast()
            terms.removeLast()
        }
    }

    /// The index of t in the ascending `values`, nil when absent.
    static func position(of t: Int, in values: [Int]) -> Int? {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < t { low = middle + 1 } else { high = middle }
        }
        return low < values.count && values[low] == t ? low : nil
    }
}
