import Foundation
import GSLKit

/// The maximum a posteriori fit of the hyperparameters (docs/gp.md §3): GSL's BFGS2 on
/// F(θ) = −ln p(y | θ) − ln p(θ) with its analytic gradient, warm-started, with one fallback
/// from the default and the default used unfitted when both fail.
enum GPHyperparameterFit {
    /// SciPy's `gtol` in Optuna's fit: stop when every |∂F/∂θ_p| < 0.01.
    static let gradientTolerance = 1e-2
    static let maxIterations = 200
    /// The largest change of one log-parameter by the first (Newton) trial step.
    static let maximumNewtonStep = 2.0
    /// A warm fit also stops when the carried estimate predicts that a Newton step would lower
    /// F by less than this (in nats of the log posterior): a model within 0.1 nats of the
    /// optimum's is not told apart from it by the data (docs/gp.md §3).
    static let decreaseTolerance = 0.1

    /// The fitted hyperparameters, starting from `start`. On return `cache` holds the factor at
    /// the fitted θ (when it could be formed), so the posterior that follows costs no second
    /// factorisation.
    ///
    /// Each iteration is one iteration of GSL's BFGS2 (its line search) in the coordinates u
    /// with θ = θ_k + R·u, R·Rᵀ = H (GSL's Cholesky), where H estimates the inverse Hessian of F:
    /// its first trial step is the Newton step −H∇F(θ_k). After each iteration H takes the BFGS
    /// update from the gradients evaluated, and the estimate is carried to the next fit. Without
    /// an estimate (the first fit of a search, the retry from the default) the first iteration
    /// is GSL's plain first step (length 0.1 along −∇F).
    ///
    /// - Parameters:
    ///   - pairs: the search's pair terms (``GPPairTerms``), carried from fit to fit; nil for
    ///     new ones.
    ///   - curvature: the inverse-Hessian estimate H (P × P, row-major), carried from fit to
    ///     fit; nil for none. Left at this fit's final estimate.
    /// - Complexity: O(pairs·G) once (O(n·G) per trial added when `pairs` covered the earlier
    ///   trials), where pairs = n(n − 1)/2, then per evaluation of F
    ///   O(n³/3 + pairs·G) (F alone, at the line search's rejected steps) or O(n³ + pairs·G)
    ///   (F and ∇F); O(n²·G) memory. The first evaluation, at the cached θ, is O(n² + pairs·G)
    ///   when the cache holds that θ's factor and inverses.
    /// - Determinism: draws nothing.
    static func fit(_ data: GPData, encoding: GPEncoding, start: GPHyperparameters, cache: CovarianceCache, pairs: GPPairTerms? = nil, curvature: inout [Double]?) -> GPHyperparameters {
        let defaults = GPHyperparameters.defaults(groupCount: start.groupCount, learnsNoise: start.learnsNoise)
        let likelihood = GPMarginalLikelihood(data: data, encoding: encoding, cache: cache, pairs: pairs)
        let size = start.vector.count
        for origin in start == defaults ? [start] : [start, defaults] {
            var estimate = origin == start ? curvature : nil
            // The decrement test only trusts an estimate carried from earlier fits, not one
            // this fit is still building from scratch.
            let warm = estimate?.count == size * size
            guard let outcome = GPQuasiNewton.minimize(
                start: origin.vector, estimate: &estimate, maxIterations: maxIterations, maximumNewtonStep: maximumNewtonStep,
                value: { vector in
                    var theta = origin
                    theta.vector = vector
                    return likelihood.value(theta)
                },
                valueAndGradient: { vector, gradient in
                    var theta = origin
                    theta.vector = vector
                    return likelihood.value(theta, gradient: &gradient)
                },
                isConverged: { gradient, estimate in
                    gradient.allSatisfy { abs($0) < gradientTolerance }
                        || (warm && GPQuasiNewton.predictedDecrease(estimate, gradient) < decreaseTolerance)
                }) else { continue }
            curvature = estimate
            var fitted = origin
            fitted.vector = outcome.point
            likelihood.storeFactor(at: fitted)
            return fitted
        }
        curvature = nil
        return defaults
    }

    /// F(θ) and ∇F(θ) (Rasmussen and Williams eq. 5.9 plus the prior): with W = C⁻¹ − ααᵀ,
    /// ∂F/∂θ_p = ½ tr(W ∂C/∂θ_p) + ∂(−ln p(θ))/∂θ_p. +∞ when C cannot be factorised.
    ///
    /// - Complexity: O(n³ + n²·D).
    static func objective(_ theta: GPHyperparameters, data: GPData, encoding: GPEncoding, cache: CovarianceCache?, gradient: inout [Double]) -> Double {
        GPMarginalLikelihood(data: data, encoding: encoding, cache: cache).value(theta, gradient: &gradient)
    }
}

/// F(θ), alone or with ∇F(θ), on one data set (docs/gp.md §3). What does not depend on θ is
/// computed once (``GPPairTerms``, kept by the search from call to call): for each pair a > b
/// of trials the per-coordinate squared differences δ_j, so that d²_ab = Σ_j λ_j δ_j costs G
/// operations. The model of the last θ evaluated is kept, so the gradient asked at the point
/// whose value was just computed reuses its factor.
final class GPMarginalLikelihood {
    let data: GPData
    let encoding: GPEncoding
    let groupCount: Int
    /// δ_j(x_a, x_b) for a > b (pair a(a − 1)/2 + b), and r_ab, e^(−r_ab) at one θ.
    private let pairs: GPPairTerms
    /// The factor cache of the search, used only for θ equal to its own (the warm start).
    private let cache: CovarianceCache?
    /// The last θ factorised and its model (nil when C could not be factorised there).
    private var lastVector: [Double] = []
    private var lastModel: GPRegressor?
    /// The last θ whose gradient was computed: F, ∇F and the inverses there.
    private var gradientVector: [Double] = []
    private var gradientValue = Double.infinity
    private var lastGradient: [Double] = []
    private var lastInverses: GPInverses?

    /// - Parameters:
    ///   - pairs: the search's pair terms, extended here to `data` (new ones when nil).
    /// - Complexity: O(n²·D) time, O(n²·G) memory; O(m·n·D) when `pairs` covered all but the
    ///   last m trials.
    init(data: GPData, encoding: GPEncoding, cache: CovarianceCache?, pairs: GPPairTerms? = nil) {
        self.data = data
        self.encoding = encoding
        self.cache = cache
        groupCount = encoding.groups.count
        self.pairs = pairs ?? GPPairTerms(groupCount: encoding.groups.count)
        self.pairs.cover(data, encoding: encoding)
    }

    /// F(θ); +∞ when C cannot be factorised.
    ///
    /// - Complexity: O(n³/3 + n²·G).
    func value(_ theta: GPHyperparameters) -> Double {
        guard let model = model(theta) else { return .infinity }
        var gradient = [Double](repeating: 0, count: theta.vector.count)
        let value = Self.negativeLogLikelihood(model) + theta.negativeLogPrior(gradient: &gradient)
        return value.isFinite ? value : .infinity
    }

    /// F(θ), writing ∇F(θ) into `gradient`; +∞ (and a zero gradient) when C cannot be factorised.
    ///
    /// - Complexity: O(4n³/3 + n²·G): the factor (reused when θ was the last point), C⁻¹ from
    ///   it (`gsl_linalg_cholesky_invert`), one pass over the pairs.
    func value(_ theta: GPHyperparameters, gradient: inout [Double]) -> Double {
        if theta.vector == gradientVector && gradient.count == lastGradient.count {
            gradient = lastGradient
            return gradientValue
        }
        for p in gradient.indices { gradient[p] = 0 }
        guard let model = model(theta) else { return .infinity }
        let n = data.count, groups = groupCount
        let inverses = model.inverses ?? GPInverses(model.factor)
        let inverse = inverses.matrix
        let alpha = model.alpha
        let s = model.kernel.signalVariance
        pairs.prepare(theta)
        // ½ tr(W ∂C/∂θ_p) with W = C⁻¹ − ααᵀ, over the lower triangle: each unordered pair
        // counts twice in the trace, halved by the ½.
        var lengthSums = [Double](repeating: 0, count: groups)
        var traceWK = 0.0, traceW = 0.0
        do {
            let pairDeltas = pairs.deltas, pairRadii = pairs.radii, pairDecays = pairs.decays
            let w = inverse.span, alphas = alpha.span, deltas = pairDeltas.span, radii = pairRadii.span, decays = pairDecays.span
            var sums = lengthSums.mutableSpan
            // Read unchecked below: indices stay under these counts.
            let pairCount = n * (n - 1) / 2
            precondition(w.count >= n * n && alphas.count >= n && radii.count >= pairCount && decays.count >= pairCount
                         && deltas.count >= pairCount * groups && sums.count == groups, "the pair terms cover the n data points")
            var p = 0
            for a in 0..<n {
                let waa = w[unchecked: a * n + a] - alphas[unchecked: a] * alphas[unchecked: a]
                traceW += waa
                traceWK += waa * s
                for b in 0..<a {
                    let wab = w[unchecked: a * n + b] - alphas[unchecked: a] * alphas[unchecked: b]
                    let r = radii[unchecked: p], e = decays[unchecked: p]
                    traceWK += 2 * wab * s * (1 + r + r * r / 3) * e
                    let coefficient = wab * s * (-(5.0 / 6.0) * (1 + r) * e)
                    for j in 0..<groups { sums[unchecked: j] += coefficient * deltas[unchecked: p * groups + j] }
                    p += 1
                }
            }
        }
        let lambdas = theta.inverseSquaredLengthScales
        for j in 0..<groups { gradient[j] += lengthSums[j] * lambdas[j] }
        gradient[theta.groupCount] += 0.5 * traceWK
        if theta.learnsNoise {
            gradient[theta.groupCount + 1] += 0.5 * traceW * exp(theta.vector[theta.groupCount + 1])
        }
        var value = Self.negativeLogLikelihood(model) + theta.negativeLogPrior(gradient: &gradient)
        if !value.isFinite { value = .infinity }
        gradientVector = theta.vector
        gradientValue = value
        lastGradient = gradient
        lastInverses = inverses
        return value
    }

    /// Leaves the factor at `theta` in the search's cache (a copy), with the inverses when the
    /// gradient was computed there, for the posterior after the fit and the row appends of the
    /// next call.
    func storeFactor(at theta: GPHyperparameters) {
        guard let cache, let model = model(theta) else { return }
        cache.hyperparameters = theta
        cache.rows = data.rows
        cache.count = data.count
        cache.jitter = model.jitter
        cache.factor = model.factor.copy()
        cache.inverses = theta.vector == gradientVector ? lastInverses : model.inverses
    }

    /// ½ ln det C + ½ yᵀα.
    private static func negativeLogLikelihood(_ model: GPRegressor) -> Double {
        var value = 0.5 * model.factor.logDeterminant
        for a in 0..<model.data.count { value += 0.5 * model.data.targets[a] * model.alpha[a] }
        return value
    }

    /// The model at θ: the last one when θ is the last point, else a new factor (grown from
    /// the search's cache when θ is the cached θ).
    private func model(_ theta: GPHyperparameters) -> GPRegressor? {
        if theta.vector == lastVector { return lastModel }
        guard theta.vector.allSatisfy(\.isFinite) else { return nil }
        lastVector = theta.vector
        if let cache, cache.hyperparameters == theta {
            lastModel = GPRegressor(data: data, hyperparameters: theta, encoding: encoding, cache: cache, formInverses: false)
        } else {
            pairs.prepare(theta)
            lastModel = GPRegressor(data: data, hyperparameters: theta, encoding: encoding, cache: nil,
                                    covariances: covarianceMatrix(signalVariance: theta.signalVariance), formInverses: false)
        }
        return lastModel
    }

    /// K (n × n, row-major, the lower triangle, which is all the factorisation reads) from the
    /// pair terms: s·M(d²) below the diagonal, s on it.
    private func covarianceMatrix(signalVariance s: Double) -> [Double] {
        let n = data.count
        var matrix = [Double](repeating: 0, count: n * n)
        let pairRadii = pairs.radii, pairDecays = pairs.decays
        let radii = pairRadii.span, decays = pairDecays.span
        var entries = matrix.mutableSpan
        // Read and written unchecked below: indices stay under these counts.
        precondition(radii.count >= n * (n - 1) / 2 && decays.count >= n * (n - 1) / 2 && entries.count == n * n, "the pair terms cover the n data points")
        var p = 0
        for a in 0..<n {
            entries[unchecked: a * n + a] = s
            for b in 0..<a {
                let r = radii[unchecked: p]
                entries[unchecked: a * n + b] = s * (1 + r + r * r / 3) * decays[unchecked: p]
                p += 1
            }
        }
        return matrix
    }
}
