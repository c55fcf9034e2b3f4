extension OptunaParzenEstimator {
    /// The candidate Optuna keeps: the first j with the largest score log l(x_j) − log g(x_j),
    /// g this estimator — exactly the index the plain loop `best = 0; for j in 1..<B where
    /// score_j > score_best { best = j }` picks, ties and all, while computing g in full only
    /// where it can matter (docs/optuna-tpe.md §10).
    ///
    /// Any one component bounds the density from below: the computed log g(x) is at least the
    /// computed term log w_k + Σ_d log p_{k,d}(x) of every component k (the log-sum-exp adds
    /// log Σ ≥ log 1 = 0 to its largest term, and rounding is monotone), so
    /// log l(x) − (that term) bounds the computed score from above, bit for bit. Each candidate
    /// is first bounded by the prior component and its `hints`; candidates are then scored in
    /// descending order of their bounds, each chunk of components by chunk, and left as soon as
    /// a bound (from the hints or from a chunk's largest term) falls strictly below the best
    /// score so far; a candidate whose bound is below the best is never scored. Every candidate
    /// whose score equals the largest is scored, so the first of them is found. When a log l is
    /// not finite, a candidate lies outside a continuous range, or a term is +∞ or a score NaN
    /// (neither arises from finite observations), every candidate is scored in the plain loop.
    ///
    /// - Parameters:
    ///   - points: the candidates, prepared by this estimator.
    ///   - logBelow: log l at each candidate.
    ///   - hints: components likely to be near the candidates: candidate j's are
    ///     `hints[hintStarts[j]..<hintStarts[j + 1]]` (any components do; near ones save work).
    ///   - accumulator: scratch space for one candidate's terms.
    ///   - work: set to the number of component terms computed beyond the bounds (the plain loop
    ///     computes B·K).
    /// - Complexity: O(B·(h + log B)·d) for the bounds, plus O(K·d) per candidate scored; at
    ///   worst O(B·K·d), as the plain loop.
    func firstBestCandidate(_ points: PreparedPoints, logBelow: [Double], hints: [Int], hintStarts: [Int],
                            accumulator: inout [Double], work: inout Int) -> Int {
        let count = points.count, componentCount = weights.count
        work = count * componentCount
        precondition(logBelow.count == count && hintStarts.count == count + 1 && count >= 1)
        if count == 1 { return 0 }
        for j in 0..<count where !logBelow[j].isFinite || points.outside[j] {
            return plainFirstBestCandidate(points, logBelow: logBelow, accumulator: &accumulator)
        }
        // Upper bounds on the scores, from the prior component and the hints.
        var bounds = [Double](repeating: 0, count: count)
        for j in 0..<count {
            var largest = logTerm(componentCount - 1, of: j, in: points)
            for h in hintStarts[j]..<hintStarts[j + 1] {
                let term = logTerm(hints[h], of: j, in: points)
                if term > largest { largest = term }
            }
            if largest == .infinity { return plainFirstBestCandidate(points, logBelow: logBelow, accumulator: &accumulator) }
            bounds[j] = logBelow[j] - largest
        }
        var order = Array(0..<count)
        order.sort { bounds[$0] > bounds[$1] || (bounds[$0] == bounds[$1] && $0 < $1) }
        if accumulator.count != componentCount {
            accumulator = [Double](repeating: 0, count: componentCount)
        }
        var best = -1, bestScore = -Double.infinity
        work = 0
        for j in order {
            if bounds[j] < bestScore { break }
            let below = logBelow[j]
            var left = false, infinite = false
            accumulator.withUnsafeMutableBufferPointer { terms in
                let base = terms.baseAddress!
                var start = 0
                while start < componentCount {
                    let end = min(start + Self.chunk, componentCount)
                    logTerms(of: j, in: points, range: start..<end, into: base + start)
                    work += end - start
                    if best >= 0 {
                        var largest = -Double.infinity
                        for k in start..<end where base[k] > largest { largest = base[k] }
                        if largest == .infinity {
                            infinite = true
                            return
                        }
                        if below - largest < bestScore {
                            left = true
                            return
                        }
                    }
                    start = end
                }
            }
            if infinite { return plainFirstBestCandidate(points, logBelow: logBelow, accumulator: &accumulator) }
            if left { continue }
            let score = below - Self.logSumExp(accumulator)
            if score.isNaN { return plainFirstBestCandidate(points, logBelow: logBelow, accumulator: &accumulator) }
            if best < 0 || score > bestScore || (score == bestScore && j < best) {
                best = j
                bestScore = score
            }
        }
        return best
    }

    /// Components per chunk of a candidate's scoring: after each, the candidate may be left.
    static let chunk = 64

    /// The plain loop: every candidate's log g, then the first of the largest scores (NumPy's
    /// argmax, a NaN score aside: one at index 0 wins, any later one is passed over).
    ///
    /// - Complexity: O(B·K·d).
    func plainFirstBestCandidate(_ points: PreparedPoints, logBelow: [Double], accumulator: inout [Double]) -> Int {
        var best = 0, bestScore = logBelow[0] - logDensity(of: 0, in: points, accumulator: &accumulator)
        for j in 1..<points.count {
            let score = logBelow[j] - logDensity(of: j, in: points, accumulator: &accumulator)
            if score > bestScore { best = j; bestScore = score }
        }
        return best
    }
}
