import Foundation
import GSLKit

/// Separable CMA-ES (Ros and Hansen, PPSN 2008; the `cmaes` package's `SepCMA`): a diagonal
/// covariance matrix, so sampling and the update cost O(n) per point. docs/cmaes.md, section 7.
struct SepCMAStrategy: Sendable {
    var state: CMAState
    /// The diagonal of C.
    var covariance: [Double]

    var dimension: Int { state.dimension }

    /// - Precondition: n ≥ 2, every mean coordinate in [0, 1], σ > 0.
    init(mean: [Double], sigma: Double, popsize: Int) {
        state = CMAState(parameters: .separable(dimension: mean.count, popsize: popsize), mean: mean, sigma: sigma)
        covariance = Array(repeating: 1, count: mean.count)
    }

    /// D = √C, a negative entry floored to 1e-8.
    private var scales: [Double] { covariance.map { ($0 < 0 ? EvolutionLimits.eigenvalueFloor : $0).squareRoot() } }

    /// `ask`: the first of `maxResampling` draws m + σ D ⊙ z inside [0, 1]ⁿ, else one more
    /// draw clipped into it.
    ///
    /// - Determinism: n `gaussian` draws per attempt, at most (maxResampling + 1)·n.
    func ask(maxResampling: Int, using rng: Tausworthe) -> [Double] {
        let d = scales, n = dimension, mean = state.mean, sigma = state.sigma
        var x = [Double](repeating: 0, count: n)
        for attempt in 0...maxResampling {
            for i in 0..<n { x[i] = mean[i] + sigma * d[i] * rng.gaussian() }
            if attempt == maxResampling { return x.map { min(max($0, 0), 1) } }
            if x.allSatisfy({ $0 >= 0 && $0 <= 1 }) { return x }
        }
        return x
    }

    /// The update from exactly λ solutions and their values (minimised).
    ///
    /// - Complexity: O(λn).
    mutating func tell(_ solutions: [[Double]], values: [Double]) {
        let p = state.parameters, n = dimension
        let y = state.begin(solutions, values: values)
        let d = scales
        let yw = state.recombine(y)
        let hSigma = state.adaptStepSize(whitened: (0..<n).map { yw[$0] / d[$0] }, yw: yw)
        let decay = state.decay(hSigma: hSigma), pathC = state.pathC
        for i in 0..<n {
            var rankMu = 0.0
            for k in 0..<p.mu { rankMu += p.weights[k] * y[k * n + i] * y[k * n + i] }
            covariance[i] = decay * covariance[i] + p.c1 * pathC[i] * pathC[i] + p.cmu * rankMu
        }
    }

    /// The package's termination tests for the diagonal case.
    func shouldStop() -> Bool {
        let d = scales, sigma = state.sigma
        return state.shouldStop(diagonal: covariance, scales: d) { axis, _ in 0.1 * sigma * d[axis] }
    }
}
