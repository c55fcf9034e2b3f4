import Foundation
import GSLKit

/// The maximum a posteriori fit of the hyperparameters (docs/gp.md §3): GSL's BFGS2 on
/// F(θ) = −ln p(y | θ) − ln p(θ) with its analytic gradient, warm-started, with one fallback
/// from the default and the default used unfitted when both fail.
enum GPHyperparameterFit {
    /// SciPy's `gtol` in Optuna's fit: stop when every |∂F/∂θ_p| < 0.01.
    static let gradientTolerance = 1e-2
    static let maxIterations = 200

    /// The fitted hyperparameters, starting from `start`.
    ///
    /// - Complexity: O(evaluations · (n³ + n²·D)).
    /// - Determinism: draws nothing.
    static func fit(_ data: GPData, encoding: GPEncoding, start: GPHyperparameters, cache: CovarianceCache) -> GPHyperparameters {
        let defaults = GPHyperparameters.defaults(groupCount: start.groupCount, learnsNoise: start.learnsNoise)
        for origin in start == defaults ? [start] : [start, defaults] {
            var first = true
            let result = Minimizer.minimize(start: origin.vector, gradientTolerance: gradientTolerance, maxIterations: maxIterations) { vector, gradient in
                var theta = origin
                theta.vector = vector
                // The first evaluation is at the warm start: its factor grows from the cached one.
                defer { first = false }
                return objective(theta, data: data, encoding: encoding, cache: first ? cache : nil, gradient: &gradient)
            }
            if result.value.isFinite {
                var fitted = origin
                fitted.vector = result.point
                return fitted
            }
        }
        return defaults
    }

    /// F(θ) and ∇F(θ) (Rasmussen and Williams eq. 5.9 plus the prior): with W = C⁻¹ − ααᵀ,
    /// ∂F/∂θ_p = ½ tr(W ∂C/∂θ_p) + ∂(−ln p(θ))/∂θ_p. +∞ when C cannot be factorised.
    ///
    /// - Complexity: O(n³ + n²·D).
    static func objective(_ theta: GPHyperparameters, data: GPData, encoding: GPEncoding, cache: CovarianceCache?, gradient: inout [Double]) -> Double {
        for p in gradient.indices { gradient[p] = 0 }
        guard theta.vector.allSatisfy(\.isFinite),
              let model = GPRegressor(data: data, hyperparameters: theta, encoding: encoding, cache: cache) else {
            return .infinity
        }
        let n = data.count, width = data.width
        var value = 0.5 * model.factor.logDeterminant
        for a in 0..<n { value += 0.5 * data.targets[a] * model.alpha[a] }
        var inverse = model.factor.inverse()
        let alpha = model.alpha
        // W = C⁻¹ − ααᵀ, in place.
        for a in 0..<n {
            for b in 0..<n { inverse[a * n + b] -= alpha[a] * alpha[b] }
        }
        let s = model.kernel.signalVariance
        var featureSums = [Double](repeating: 0, count: width)
        var traceWK = 0.0, traceW = 0.0
        inverse.withUnsafeBufferPointer { w in
            data.rows.withUnsafeBufferPointer { rows in
                model.kernel.featureScales.withUnsafeBufferPointer { scales in
                    featureSums.withUnsafeMutableBufferPointer { sums in
                        for a in 0..<n {
                            traceW += w[a * n + a]
                            traceWK += w[a * n + a] * s
                            for b in 0..<a {
                                var d2 = 0.0
                                for f in 0..<width {
                                    let d = rows[a * width + f] - rows[b * width + f]
                                    d2 += scales[f] * d * d
                                }
                                let wab = w[a * n + b]
                                let r = (5 * d2).squareRoot()
                                let e = exp(-r)
                                // Each unordered pair counts twice in the trace, halved by the ½.
                                traceWK += 2 * wab * s * (1 + r + r * r / 3) * e
                                let coefficient = wab * s * (-(5.0 / 6.0) * (1 + r) * e)
                                for f in 0..<width {
                                    let d = rows[a * width + f] - rows[b * width + f]
                                    sums[f] += coefficient * d * d
                                }
                            }
                        }
                    }
                }
            }
        }
        for f in 0..<width {
            gradient[encoding.featureGroup[f]] += featureSums[f] * model.kernel.featureScales[f]
        }
        gradient[theta.groupCount] += 0.5 * traceWK
        if theta.learnsNoise {
            gradient[theta.groupCount + 1] += 0.5 * traceW * exp(theta.vector[theta.groupCount + 1])
        }
        value += theta.negativeLogPrior(gradient: &gradient)
        return value.isFinite ? value : .infinity
    }
}
