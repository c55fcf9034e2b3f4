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
    let logAcceptance: Double

    /// w_k / (σ_k √(2π)).
    let coefficients: [Double]
    let inverseSigmas: [Double]
    let window: Window?

    /// Components further than this many sigmas from the point are skipped by the window.
    static let cutoff = 9.0
    /// The largest change in log-density the window may cause before the full sum is used.
    static let tolerance = 1e-10
    /// Mixtures with fewer components are always summed whole.
    static let windowThreshold = 48
    /// e^(−cutoff²/2): the largest relative density of a skipped component.
    static let cutoffDensity = exp(-0.5 * (cutoff * cutoff))
    /// hyperopt's `EPS`.
    static let eps = 1e-12

    struct Window {
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
}
