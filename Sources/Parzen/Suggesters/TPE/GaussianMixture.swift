import Foundation
import GSLKit

/// hyperopt's one-dimensional mixtures `GMM1` (Gaussian) and `LGMM1` (log-normal), optionally
/// truncated to [low, high) in the working space and quantized by q in the original space, with
/// the log-densities TPE scores candidates by (`GMM1_lpdf`, `LGMM1_lpdf`; docs/tpe.md §2.5–2.6).
///
/// The working space is x itself for the Gaussian family and ln x for the log-normal family;
/// means, sigmas and bounds live there. Densities take and samples return values in the
/// original space.
///
/// Large mixtures (TPE's g(x) holds one component per past trial) are evaluated over a window:
/// components further than ``cutoff`` standard deviations from the point are skipped, found by
/// binary search over the sorted means, and the skipped mass is bounded. When the bound could
/// move the log-density by more than ``tolerance``, the whole mixture is summed instead. The
/// result therefore equals the full sum to within 1e-10 in log-density (and exactly for the
/// small mixtures the tests use).
struct GaussianMixture {
    enum Family: Equatable { case gaussian, logNormal }

    let family: Family
    let weights: [Double]
    let means: [Double]
    let sigmas: [Double]
    /// Truncation bounds in the working space (both or neither).
    let bounds: (low: Double, high: Double)?
    /// The quantum, applied in the original space.
    let quantum: Double?
    /// hyperopt's `p_accept`: Σ w_k·P(low ≤ N(μ_k, σ_k) < high); 1 when unbounded or not
    /// normalised.
    let acceptance: Double
    /// log(acceptance), taken once: every density evaluation subtracts it.
    private let logAcceptance: Double

    /// w_k / (σ_k √(2π)).
    private let coefficients: [Double]
    private let inverseSigmas: [Double]
    private let window: Window?

    /// Components further than this many sigmas from the point are skipped by the window.
    static let cutoff = 9.0
    /// The largest change in log-density the window may cause before the full sum is used.
    static let tolerance = 1e-10
    /// Mixtures with fewer components are always summed whole.
    static let windowThreshold = 48
    /// e^(−cutoff²/2): the largest relative density of a skipped component.
    private static let cutoffDensity = exp(-0.5 * (cutoff * cutoff))
    /// hyperopt's `EPS`.
    static let eps = 1e-12

    private struct Window {
        /// Prefix maximum of μ_k + c·σ_k (the prior excluded): nondecreasing.
        var reachRight: [Double]
        /// Suffix minimum of μ_k − c·σ_k (the prior excluded): nondecreasing.
        var reachLeft: [Double]
        var priorIndex: Int
        /// The mixture's coefficients with the prior's set to 0 (it is added separately).
        var coefficients: [Double]
        /// Σ coefficients over non-prior components (bounds the skipped density).
        var coefficientSum: Double
        /// Σ weights over non-prior components (bounds the skipped mass).
        var weightSum: Double
    }

    /// A mixture from explicit components (means need not be sorted).
    ///
    /// - Parameters:
    ///   - priorIndex: the component the window always evaluates (the prior); when given and
    ///     the means are ascending, large mixtures are evaluated over a window.
    ///   - meansAscending: whether the caller knows the means are ascending (nil: check them).
    ///   - normalised: false to skip the truncation mass: ``acceptance`` is then 1 and densities
    ///     are off by the constant factor p_accept, which is all that comparing them at
    ///     different points needs (TPE's g(x)).
    /// - Complexity: O(k) for k components, plus one CDF pair for each component within
    ///   ``cutoff`` sigmas of a bound (when normalised).
    init(
        family: Family, weights: [Double], means: [Double], sigmas: [Double],
        bounds: (low: Double, high: Double)? = nil, quantum: Double? = nil, priorIndex: Int? = nil,
        meansAscending: Bool? = nil, normalised: Bool = true
    ) {
        precondition(weights.count == means.count && means.count == sigmas.count && !weights.isEmpty)
        self.family = family
        self.weights = weights
        self.means = means
        self.sigmas = sigmas
        self.bounds = bounds
        self.quantum = quantum
        let count = weights.count
        let root2pi = (2 * Double.pi).squareRoot()
        let c = Self.cutoff
        var accepted = 0.0
        var window: Window?
        var inverseOut: [Double] = []
        // Raw buffers throughout: this runs over every past trial on every suggestion.
        let coefficients = [Double](unsafeUninitializedCapacity: count) { coef, initialized in
            let inverseSigmas = [Double](unsafeUninitializedCapacity: count) { inv, initializedInverse in
                weights.withUnsafeBufferPointer { w in
                    means.withUnsafeBufferPointer { mu in
                        sigmas.withUnsafeBufferPointer { sigma in
                            for k in 0..<count {
                                inv[k] = 1 / max(sigma[k], Self.eps)
                                coef[k] = w[k] / (sigma[k] * root2pi)
                            }
                            if normalised, let (low, high) = bounds {
                                for k in 0..<count {
                                    let m = mu[k], sd = sigma[k]
                                    if m - c * sd >= low && m + c * sd <= high {
                                        accepted += w[k]  // the mass outside is below 1e-18
                                    } else {
                                        accepted += w[k] * standardNormalMass((low - m) / sd, (high - m) / sd)
                                    }
                                }
                            }
                            if let prior = priorIndex, prior < count, count >= Self.windowThreshold, meansAscending ?? Self.isAscending(mu) {
                                var coefficientSum = 0.0, weightSum = 0.0
                                // Every component but the prior, in index order; the loops are
                                // split at the prior instead of testing every index.
                                for k in 0..<prior { coefficientSum += coef[k] }
                                for k in (prior + 1)..<count { coefficientSum += coef[k] }
                                for k in 0..<prior { weightSum += w[k] }
                                for k in (prior + 1)..<count { weightSum += w[k] }
                                // Every entry of the three arrays is written below.
                                let reachRight = [Double](unsafeUninitializedCapacity: count) { right, initialized in
                                    var running = -Double.infinity
                                    for k in 0..<prior {
                                        running = max(running, mu[k] + c * sigma[k])
                                        right[k] = running
                                    }
                                    right[prior] = running
                                    for k in (prior + 1)..<count {
                                        running = max(running, mu[k] + c * sigma[k])
                                        right[k] = running
                                    }
                                    initialized = count
                                }
                                let reachLeft = [Double](unsafeUninitializedCapacity: count) { left, initialized in
                                    var running = Double.infinity
                                    for k in ((prior + 1)..<count).reversed() {
                                        running = min(running, mu[k] - c * sigma[k])
                                        left[k] = running
                                    }
                                    left[prior] = running
                                    for k in (0..<prior).reversed() {
                                        running = min(running, mu[k] - c * sigma[k])
                                        left[k] = running
                                    }
                                    initialized = count
                                }
                                let windowCoefficients = [Double](unsafeUninitializedCapacity: count) { wc, initialized in
                                    _ = wc.initialize(from: UnsafeBufferPointer(start: coef.baseAddress, count: count))
                                    wc[prior] = 0
                                    initialized = count
                                }
                                window = Window(
                                    reachRight: reachRight, reachLeft: reachLeft, priorIndex: prior,
                                    coefficients: windowCoefficients, coefficientSum: coefficientSum, weightSum: weightSum)
                            }
                        }
                    }
                }
                initializedInverse = count
            }
            initialized = count
            inverseOut = inverseSigmas
        }
        self.coefficients = coefficients
        self.inverseSigmas = inverseOut
        self.acceptance = bounds == nil || !normalised ? 1 : accepted
        logAcceptance = log(acceptance)
        self.window = window
    }

    /// The mixture of an adaptive Parzen estimator (sorted means, prior known).
    init(_ estimator: ParzenEstimator, family: Family, bounds: (low: Double, high: Double)?, quantum: Double?, normalised: Bool = true) {
        self.init(
            family: family, weights: estimator.weights, means: estimator.means, sigmas: estimator.sigmas,
            bounds: bounds, quantum: quantum, priorIndex: estimator.priorIndex, meansAscending: true, normalised: normalised)
    }

    private static func isAscending(_ values: UnsafeBufferPointer<Double>) -> Bool {
        var k = 1
        while k < values.count {
            if !(values[k - 1] <= values[k]) { return false }
            k += 1
        }
        return true
    }

    // MARK: - Log-density

    /// The log-density (or, for quantized mixtures, log-probability mass) of `x`, a value in the
    /// original space, exactly as hyperopt's `GMM1_lpdf` / `LGMM1_lpdf` define it:
    ///
    /// - Gaussian, no q: log Σ w_k φ(x; μ_k, σ_k) − log p_accept.
    /// - Gaussian with q: log Σ w_k [Φ_k(min(x+q/2, high)) − Φ_k(max(x−q/2, low))] − log p_accept.
    /// - Log-normal, no q: log Σ w_k LN(x; μ_k, σ_k), **without** p_accept (hyperopt's quirk).
    /// - Log-normal with q: the CDF difference over [max(0, x−q/2, e^low), min(x+q/2, e^high)] in
    ///   ln-space, − log p_accept.
    ///
    /// Returns −∞ where the density or mass is 0. CDF differences are computed in the tail they
    /// lie in (more accurate than hyperopt's `0.5·(1+erf)`).
    ///
    /// - Complexity: O(components within ``cutoff`` sigmas of x + log k) for large sorted
    ///   mixtures; O(k) otherwise.
    func logDensity(_ x: Double) -> Double {
        if let q = quantum {
            return logMass(x, q: q)
        }
        switch family {
        case .gaussian:
            return logSumDensity(at: x) - logAcceptance
        case .logNormal:
            guard x > 0 else { return -.infinity }
            let y = log(x)
            return logSumDensity(at: y) - y
        }
    }

    /// A cheap lower bound on ``logDensity(_:)`` for large windowed mixtures without a quantum
    /// (at least ``boundThreshold`` components); nil otherwise, where no bound is cheaper than
    /// the density itself.
    ///
    /// Sums, as the density does (``termSum(_:at:from:to:windowed:rough:)``, with the rougher
    /// exponential), the terms of the ``boundNeighbours`` components whose means lie nearest
    /// `x`: a subset of the non-negative terms the density sums. The sum is lowered by a relative
    /// margin (1e-7) far above the exponential's error and the rounding differences between the
    /// two sums, so the bound never exceeds the computed density.
    ///
    /// - Complexity: O(log k + ``boundNeighbours``).
    func logDensityLowerBound(_ x: Double) -> Double? {
        guard hasLowerBound, let window else { return nil }
        let y: Double
        switch family {
        case .gaussian:
            y = x
        case .logNormal:
            guard x > 0 else { return nil }
            y = log(x)
        }
        let count = means.count
        // The first component with mean ≥ y.
        var low = 0, high = count
        means.withUnsafeBufferPointer { mu in
            while low < high {
                let mid = (low &+ high) &>> 1
                if mu[mid] < y { low = mid &+ 1 } else { high = mid }
            }
        }
        // Components outside the density's window lie beyond the cutoff, where termSum counts
        // 0 for them too: no need to clip to the window.
        let first = max(0, low - Self.boundNeighbours / 2)
        let last = min(count, first + Self.boundNeighbours)
        guard first < last else { return nil }
        let partial = termSum(window.coefficients, at: y, from: first, to: last, windowed: true, rough: true).sum()
        guard partial > 1e-270 else { return nil }
        let logSum = log(partial) + Self.boundMargin
        return family == .gaussian ? logSum - logAcceptance : logSum - y
    }

    /// Whether ``logDensityLowerBound(_:)`` can give bounds.
    var hasLowerBound: Bool { window != nil && quantum == nil && means.count >= Self.boundThreshold }

    /// log(1 − 1e-7): the bound's relative margin, in log space; far above the error of
    /// ``roughNegativeExp(_:)`` (1.1e-8) plus rounding.
    private static let boundMargin = log1p(-1e-7)
    /// How many components ``logDensityLowerBound(_:)`` sums.
    static let boundNeighbours = 32
    /// Smaller mixtures have no bound: their windows hold about as many components as the
    /// bound would sum, so bounding would cost more than it saves (measured: it pays at
    /// N = 1,000 and costs at N = 200).
    static let boundThreshold = 400

    /// Σ over components lo..<hi of coefficients_k · exp(−z_k²/2) at working-space point y, in
    /// four lanes: four at a time with ``negativeExp(_:)`` (``roughNegativeExp(_:)`` when
    /// `rough`), the rest into lane 0 with `exp`. When `windowed`, terms beyond ``cutoff`` sigmas
    /// count as 0 (the window's sums); otherwise every term counts (below e^−708 as e^−708).
    @inline(__always)
    private func termSum(_ coefficients: [Double], at y: Double, from lo: Int, to hi: Int, windowed: Bool, rough: Bool = false) -> SIMD4<Double> {
        let cc = Self.cutoff * Self.cutoff
        var acc = SIMD4<Double>.zero
        coefficients.withUnsafeBufferPointer { coef in
            means.withUnsafeBufferPointer { mu in
                inverseSigmas.withUnsafeBufferPointer { inv in
                    let ys = SIMD4<Double>(repeating: y)
                    let limit = SIMD4<Double>(repeating: cc)
                    // Positions lie in [lo, hi) ⊆ [0, count): wrapping arithmetic cannot wrap.
                    let muBase = UnsafeRawPointer(mu.baseAddress.unsafelyUnwrapped)
                    let invBase = UnsafeRawPointer(inv.baseAddress.unsafelyUnwrapped)
                    let coefBase = UnsafeRawPointer(coef.baseAddress.unsafelyUnwrapped)
                    var k = lo
                    while k &+ 4 <= hi {
                        let offset = k &* MemoryLayout<Double>.stride
                        let m = muBase.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        let i = invBase.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        let c = coefBase.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        let z = (ys - m) * i
                        let zz = z * z
                        let exponent = -0.5 * (windowed ? zz.replacing(with: cc, where: zz .> limit) : zz)
                        var term = c * (rough ? roughNegativeExp(exponent) : negativeExp(exponent))
                        if windowed { term.replace(with: 0, where: zz .>= limit) }
                        acc += term
                        k &+= 4
                    }
                    while k < hi {
                        let z = (y - mu[k]) * inv[k]
                        let zz = z * z
                        if !windowed || zz < cc { acc[0] += coef[k] * exp(-0.5 * zz) }
                        k &+= 1
                    }
                }
            }
        }
        return acc
    }

    /// log Σ_k coefficient_k · exp(−z_k²/2) at working-space point y.
    private func logSumDensity(at y: Double) -> Double {
        if let window {
            let (lo, hi) = windowRange(window, y, y)
            let prior = window.priorIndex
            // The prior (zero in the window's coefficients), exactly.
            let z = (y - means[prior]) * inverseSigmas[prior]
            let priorTerm = coefficients[prior] * exp(-0.5 * z * z)
            let sum = termSum(window.coefficients, at: y, from: lo, to: hi, windowed: true).sum() + priorTerm
            let skipped = Self.cutoffDensity * window.coefficientSum
            if sum > 1e-280 && skipped <= Self.tolerance * sum { return log(sum) }
        }
        return fullLogSumDensity(at: y)
    }

    private func fullLogSumDensity(at y: Double) -> Double {
        let sum = termSum(coefficients, at: y, from: 0, to: coefficients.count, windowed: false).sum()
        if sum > 1e-280 { return log(sum) }
        // Every term underflows or nearly: log-sum-exp.
        var top = -Double.infinity
        var terms = [Double](repeating: 0, count: coefficients.count)
        for k in 0..<coefficients.count {
            let z = (y - means[k]) * inverseSigmas[k]
            terms[k] = log(coefficients[k]) - 0.5 * z * z
            top = max(top, terms[k])
        }
        guard top > -.infinity else { return -.infinity }
        var total = 0.0
        for t in terms { total += exp(t - top) }
        return top + log(total)
    }

    private func logMass(_ x: Double, q: Double) -> Double {
        var upper = x + q / 2
        var lower = x - q / 2
        let yLow: Double, yHigh: Double
        switch family {
        case .gaussian:
            if let (low, high) = bounds {
                upper = min(upper, high)
                lower = max(lower, low)
            }
            guard upper > lower else { return -.infinity }
            yLow = lower; yHigh = upper
        case .logNormal:
            if let (low, high) = bounds {
                upper = min(upper, exp(high))
                lower = max(lower, exp(low))
            }
            lower = max(0, lower)
            guard upper > lower else { return -.infinity }
            yLow = log(max(lower, Self.eps)); yHigh = log(max(upper, Self.eps))
        }
        var mass = 0.0
        var done = false
        if let window {
            let (lo, hi) = windowRange(window, yLow, yHigh)
            let c = Self.cutoff
            for k in lo..<hi where k != window.priorIndex {
                let mu = means[k], inv = inverseSigmas[k]
                let a = (yLow - mu) * inv, b = (yHigh - mu) * inv
                if a > c || b < -c { continue }
                mass += weights[k] * standardNormalMass(a, b)
            }
            let p = window.priorIndex
            mass += weights[p] * standardNormalMass((yLow - means[p]) * inverseSigmas[p], (yHigh - means[p]) * inverseSigmas[p])
            // Each skipped component holds at most Q(c) < 1.2e-19 of its weight here.
            let skipped = 1.2e-19 * window.weightSum
            done = mass > 0 && skipped <= Self.tolerance * mass
        }
        if !done {
            mass = 0
            for k in 0..<weights.count {
                mass += weights[k] * standardNormalMass((yLow - means[k]) * inverseSigmas[k], (yHigh - means[k]) * inverseSigmas[k])
            }
        }
        guard mass > 0 else { return -.infinity }
        return log(mass) - logAcceptance
    }

    /// The components [lo, hi) that may lie within ``cutoff`` sigmas of [yLow, yHigh].
    private func windowRange(_ window: Window, _ yLow: Double, _ yHigh: Double) -> (Int, Int) {
        // lo: first k with reachRight[k] >= yLow.
        var low = 0, high = window.reachRight.count
        window.reachRight.withUnsafeBufferPointer { reach in
            while low < high {
                let mid = (low &+ high) &>> 1  // both in 0...count: no overflow
                if reach[mid] < yLow { low = mid + 1 } else { high = mid }
            }
        }
        let lo = low
        // hi: first k with reachLeft[k] > yHigh.
        low = lo; high = window.reachLeft.count
        window.reachLeft.withUnsafeBufferPointer { reach in
            while low < high {
                let mid = (low &+ high) &>> 1
                if reach[mid] <= yHigh { low = mid + 1 } else { high = mid }
            }
        }
        return (lo, low)
    }

    // MARK: - Sampling

    /// Draws from the mixture as hyperopt's `GMM1` / `LGMM1` do (see ``Sampler``).
    func sampler() -> Sampler { Sampler(self) }

    /// Prepared draws from a mixture: pick component k with probability ∝ w_k·Z_k (Z_k its mass
    /// inside the bounds; 1 when unbounded), draw from N(μ_k, σ_k) truncated to [low, high) by
    /// inversion, exponentiate for the log-normal family, then quantize (half to even).
    ///
    /// This is exactly the distribution of hyperopt's rejection loop (redraw component and value
    /// until the value is in bounds), without the loop.
    struct Sampler {
        private let mixture: GaussianMixture
        private let cumulative: [Double]

        init(_ mixture: GaussianMixture) {
            self.mixture = mixture
            var cumulative = [Double](repeating: 0, count: mixture.weights.count)
            var running = 0.0
            for k in 0..<mixture.weights.count {
                var p = mixture.weights[k]
                if let (low, high) = mixture.bounds {
                    p *= TruncatedNormal.mass(mean: mixture.means[k], sd: mixture.sigmas[k], low: low, high: high)
                }
                running += p
                cumulative[k] = running
            }
            self.cumulative = cumulative
        }

        /// One draw, in the original space.
        ///
        /// - Determinism: consumes one uniform draw for the component, then one uniform draw
        ///   (bounded) or one GSL Gaussian draw (unbounded).
        func draw(using rng: MersenneTwister) -> Double {
            let total = cumulative[cumulative.count - 1]
            let u = rng.uniform() * total
            var k = 0
            while k < cumulative.count - 1 && !(cumulative[k] > u) { k += 1 }
            let mu = mixture.means[k], sigma = mixture.sigmas[k]
            var z: Double
            if let (low, high) = mixture.bounds {
                z = TruncatedNormal.draw(mean: mu, sd: sigma, low: low, high: high, using: rng)
            } else {
                z = rng.gaussian(mean: mu, sd: sigma)
            }
            if mixture.family == .logNormal { z = exp(z) }
            if let q = mixture.quantum { z = z.quantized(by: q) }
            return z
        }
    }
}

/// e^x for x in [−745, 0], four at a time: Cody–Waite reduction x = k·ln 2 + r, |r| ≤ ln2/2,
/// a degree-13 Taylor polynomial for e^r, and 2^k built in the exponent bits. Relative error
/// below 5e-16 over the range (about 2 ulp); results below 2^−1022 flush to 0.
@inline(__always)
func negativeExp(_ x: SIMD4<Double>) -> SIMD4<Double> {
    let (r, scale) = reducedExponent(x)
    return taylorExp(r, degree: 13) * scale
}

/// ``negativeExp(_:)`` to about 1e-8: a degree-7 Taylor polynomial, whose truncation error is
/// below |r|⁸/8!·e^|r| ≤ 1.1e-8 relative. For bounds that allow for it (about half the work).
@inline(__always)
func roughNegativeExp(_ x: SIMD4<Double>) -> SIMD4<Double> {
    let (r, scale) = reducedExponent(x)
    return taylorExp(r, degree: 7) * scale
}

/// Σ_{k ≤ degree} r^k/k! by Horner's rule. The degree is a constant at every call, so the loop
/// unrolls and the coefficients 1/k! (exact factorials, one correctly rounded division) fold
/// into constants.
@inline(__always)
private func taylorExp(_ r: SIMD4<Double>, degree: Int) -> SIMD4<Double> {
    var factorial = 1.0
    for k in 2...degree { factorial *= Double(k) }  // exact below 23!
    var p = SIMD4<Double>(repeating: 1 / factorial)
    for k in stride(from: degree, to: 1, by: -1) {
        factorial /= Double(k)
        p = p * r + 1 / factorial
    }
    return p * r + 1
}

/// x = k·ln 2 + r with |r| ≤ ln2/2, and 2^k, for x in [−745, 0] (clamped at −708).
@inline(__always)
private func reducedExponent(_ x: SIMD4<Double>) -> (r: SIMD4<Double>, scale: SIMD4<Double>) {
    let x = x.replacing(with: -708, where: x .< -708)
    let shifter = SIMD4<Double>(repeating: 6755399441055744.0)  // 1.5·2^52: rounds to integer
    let t = x * (1 / M_LN2) + shifter
    let k = t - shifter
    // ln 2 split in two for an exact k·ln2_hi.
    let r = (x - k * 0.693147180369123816490) - k * 1.90821492927058770002e-10
    // 2^k: k (an integer in −1022…0) into the exponent field.
    let kBits = unsafeBitCast(t, to: SIMD4<Int64>.self) &- unsafeBitCast(shifter, to: SIMD4<Int64>.self)
    let scale = unsafeBitCast((kBits &+ 1023) &<< 52, to: SIMD4<Double>.self)
    return (r, scale)
}

/// P(a ≤ Z < b) for a standard normal Z, computed in the tail the interval lies in.
@inline(__always)
func standardNormalMass(_ a: Double, _ b: Double) -> Double {
    let r = 1 / 2.0.squareRoot()
    if a >= 0 { return max(0, 0.5 * (erfc(a * r) - upperTail(b * r))) }
    if b <= 0 { return max(0, 0.5 * (erfc(-b * r) - upperTail(-a * r))) }
    return max(0, 1 - 0.5 * (upperTail(-a * r) + upperTail(b * r)))
}

/// erfc(x), skipping the call where it is exactly 0: erfc(28) ≈ 6e-343 is below half the
/// smallest subnormal, so every correctly rounding libm returns 0 from there on (glibc does
/// so explicitly). Most truncated components lie far from one of their bounds.
@inline(__always)
private func upperTail(_ x: Double) -> Double {
    x >= 28 ? 0 : erfc(x)
}
