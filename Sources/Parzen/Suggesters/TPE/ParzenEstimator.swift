/// hyperopt's adaptive Parzen estimator (`adaptive_parzen_normal` in `hyperopt/tpe.py`): a
/// one-dimensional Gaussian mixture with one component per observation plus one for the prior
/// (docs/tpe.md §2.3).
///
/// - Means: the observations sorted ascending, with the prior mean inserted at its left
///   binary-search position (before observations equal to it).
/// - Bandwidths: each mean's larger neighbour gap (the prior mean counts as a neighbour; the ends
///   use their single gap), clipped to [σ_p / min(100, n + 2), σ_p]; the prior component's σ is
///   then set back to σ_p. A single observation gets σ_p / 2.
/// - Weights: linear forgetting (``linearForgettingWeights(count:flat:)``) over the observations
///   in history order, the prior weight for the prior; normalised to sum to 1.
///
/// All arrays are in sorted-mean order.
struct ParzenEstimator: Equatable {
    /// Normalised component weights (sum 1).
    var weights: [Double]
    /// Component means, ascending.
    var means: [Double]
    /// Component standard deviations.
    var sigmas: [Double]
    /// The position of the prior component in the arrays.
    var priorIndex: Int

    /// hyperopt's `DEFAULT_LF`: the newest observations that keep full weight.
    static let defaultFlat = 25

    /// Builds the estimator.
    ///
    /// - Parameters:
    ///   - observations: values in the working space (log space for log kinds), oldest first.
    ///   - priorMean: μ_p.
    ///   - priorSigma: σ_p, > 0.
    ///   - priorWeight: w_p, > 0.
    ///   - flat: the linear-forgetting length (25 in hyperopt).
    /// - Complexity: O(n log n) for n observations (one sort, ``stableOrder(_:)``).
    /// - Determinism: ties between equal observations are ordered by age (a stable argsort), so
    ///   the result is a pure function of the inputs.
    init(observations: [Double], priorMean: Double, priorSigma: Double, priorWeight: Double, flat: Int = ParzenEstimator.defaultFlat) {
        let n = observations.count
        guard n > 1 else {
            self.init(count: n, sortedValue: { _ in observations[0] }, age: { _ in 0 },
                      priorMean: priorMean, priorSigma: priorSigma, priorWeight: priorWeight, flat: flat)
            return
        }
        let order = observations.withUnsafeBufferPointer { stableOrder($0) }
        self = observations.withUnsafeBufferPointer { obs in
            order.withUnsafeBufferPointer { order in
                ParzenEstimator(count: n, sortedValue: { obs[Int(order[$0])] }, age: { Int(order[$0]) },
                                priorMean: priorMean, priorSigma: priorSigma, priorWeight: priorWeight, flat: flat)
            }
        }
    }

    /// Builds the estimator from observations already in stable sorted order: the same
    /// estimator as ``init(observations:priorMean:priorSigma:priorWeight:flat:)`` given the
    /// observations oldest first, without sorting them.
    ///
    /// - Parameters:
    ///   - sorted: the observations ascending, equal ones oldest first.
    ///   - ages: for each, its position among the observations oldest first (0 = oldest).
    /// - Complexity: O(n).
    init(sorted: Span<Double>, ages: Span<Int32>, priorMean: Double, priorSigma: Double, priorWeight: Double, flat: Int = ParzenEstimator.defaultFlat) {
        precondition(sorted.count == ages.count)
        // Unchecked: the estimator asks only for indices below `count`, the spans' count.
        self.init(count: sorted.count, sortedValue: { sorted[unchecked: $0] }, age: { Int(ages[unchecked: $0]) },
                  priorMean: priorMean, priorSigma: priorSigma, priorWeight: priorWeight, flat: flat)
    }

    /// The estimator of n observations given the j-th smallest (`sortedValue(j)`, equal ones
    /// oldest first) and its age (its index oldest first).
    @inline(__always)
    private init(count n: Int, sortedValue: (Int) -> Double, age: (Int) -> Int, priorMean: Double, priorSigma: Double, priorWeight: Double, flat: Int) {
        switch n {
        case 0:
            weights = [1]
            means = [priorMean]
            sigmas = [priorSigma]
            priorIndex = 0
            return
        case 1:
            let m = sortedValue(0)
            let total = priorWeight + 1
            if priorMean < m {
                means = [priorMean, m]; sigmas = [priorSigma, 0.5 * priorSigma]
                weights = [priorWeight / total, 1 / total]; priorIndex = 0
            } else {
                means = [m, priorMean]; sigmas = [0.5 * priorSigma, priorSigma]
                weights = [1 / total, priorWeight / total]; priorIndex = 1
            }
            // σ_p/2 is always inside [σ_p/3, σ_p], so the clip changes nothing.
            return
        default:
            break
        }

        // The forgetting weight of the observation of age i, as
        // linearForgettingWeights(count: n, flat:)[i] computes it (same operations), without
        // building the array.
        let rampCount = n > flat ? n - flat : 0
        let rampStart = 1 / Double(n)
        let rampStep = rampCount > 1 ? (1 - rampStart) / Double(rampCount - 1) : 0
        let rampEnd = rampCount - 1
        @inline(__always) func forgetting(_ i: Int) -> Double {
            // Both sides computed, one kept: no branch on the (unordered) ages.
            let ramped = Double(i) * rampStep + rampStart
            let flat = rampCount == 1 && i == 0 ? rampStart : 1
            return i < rampEnd ? ramped : flat
        }
        // The prior goes in at its left binary-search position among the sorted observations.
        let prior = ParzenEstimator.leftInsertionIndex(of: priorMean, count: n, value: sortedValue)
        var total = 0.0
        var builtWeights: [Double] = []
        // Every entry of the three arrays is written below (means and weights for each
        // observation and the prior; sigmas for every j in 0...n).
        let sortedMeans = [Double](unsafeUninitializedCapacity: n + 1) { s, meansCount in
            let sortedWeights = [Double](unsafeUninitializedCapacity: n + 1) { w, weightsCount in
                // Observations below the prior's slot, then above it (j < n: no overflow).
                if rampCount > 0 {
                    for j in 0..<prior { s[j] = sortedValue(j); w[j] = forgetting(age(j)) }
                    for j in prior..<n { s[j &+ 1] = sortedValue(j); w[j &+ 1] = forgetting(age(j)) }
                } else {
                    for j in 0..<prior { s[j] = sortedValue(j); w[j] = 1 }
                    for j in prior..<n { s[j &+ 1] = sortedValue(j); w[j &+ 1] = 1 }
                }
                s[prior] = priorMean
                w[prior] = priorWeight
                // Half-open ranges and wrapping arithmetic on indices below n + 1 (the buffers'
                // size): element-wise loops without overflow checks, which vectorise.
                let size = n &+ 1
                for j in 0..<size { total += w[j] }
                for j in 0..<size { w[j] /= total }
                weightsCount = n + 1
            }
            builtWeights = sortedWeights
            meansCount = n + 1
        }
        let lowest = priorSigma / Double(min(100, n + 2))
        sigmas = sortedMeans.withUnsafeBufferPointer { s in
            [Double](unsafeUninitializedCapacity: n + 1) { sigma, sigmaCount in
                sigma[0] = s[1] - s[0]
                sigma[n] = s[n] - s[n - 1]
                for j in 1..<n { sigma[j] = max(s[j] - s[j &- 1], s[j &+ 1] - s[j]) }
                for j in 0..<(n &+ 1) { sigma[j] = min(max(sigma[j], lowest), priorSigma) }
                sigma[prior] = priorSigma
                sigmaCount = n + 1
            }
        }
        weights = builtWeights
        means = sortedMeans
        priorIndex = prior
    }

    /// hyperopt's `linear_forgetting_weights(n, LF)`: all ones for n ≤ LF; otherwise the oldest
    /// n − LF get NumPy's `linspace(1/n, 1, n − LF)` (a single ramp value is 1/n) and the newest
    /// LF get 1.
    ///
    /// - Complexity: O(n).
    static func linearForgettingWeights(count n: Int, flat: Int = ParzenEstimator.defaultFlat) -> [Double] {
        var weights = [Double](repeating: 1, count: n)
        guard n > flat else { return weights }
        let ramp = n - flat
        let start = 1 / Double(n)
        if ramp == 1 {
            weights[0] = start
        } else {
            // NumPy: start + i·step, with the endpoint set exactly.
            let step = (1 - start) / Double(ramp - 1)
            for i in 0..<(ramp - 1) { weights[i] = Double(i) * step + start }
            weights[ramp - 1] = 1
        }
        return weights
    }

    /// The first index i in 0..<count whose value is ≥ `x` (NumPy's `searchsorted`, side left),
    /// for ascending values.
    private static func leftInsertionIndex(of x: Double, count: Int, value: (Int) -> Double) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if value(mid) < x { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
