import Foundation
import GSLKit

/// Separable CMA-ES (Ros and Hansen, PPSN 2008; the `cmaes` package's `SepCMA`): a diagonal
/// covariance matrix, so sampling and the update cost O(n) per point. docs/cmaes.md, section 7.
struct SepCMAStrategy: Sendable {
    let parameters: CMAParameters
    var mean: [Double]
    var sigma: Double
    /// The diagonal of C.
    var covariance: [Double]
    var pathSigma: [Double]
    var pathC: [Double]
    var generation = 0
    private var history: ValueHistory
    private let tolX: Double

    var dimension: Int { parameters.dimension }

    /// - Precondition: n ≥ 2, every mean coordinate in [0, 1], σ > 0.
    init(mean: [Double], sigma: Double, popsize: Int) {
        precondition(sigma > 0 && mean.allSatisfy { (0...1).contains($0) }, "CMA-ES needs sigma > 0 and a mean in the box")
        let n = mean.count
        parameters = .separable(dimension: n, popsize: popsize)
        self.mean = mean
        self.sigma = sigma
        covariance = Array(repeating: 1, count: n)
        pathSigma = Array(repeating: 0, count: n)
        pathC = Array(repeating: 0, count: n)
        history = ValueHistory(length: parameters.valueHistoryLength)
        tolX = EvolutionLimits.relativeTolX * sigma
    }

    /// D = √C, a negative entry floored to 1e-8.
    private var scales: [Double] { covariance.map { ($0 < 0 ? EvolutionLimits.eigenvalueFloor : $0).squareRoot() } }

    /// `ask`: the first of `maxResampling` draws m + σ D ⊙ z inside [0, 1]ⁿ, else one more
    /// draw clipped into it.
    ///
    /// - Determinism: n `gaussian` draws per attempt, at most (maxResampling + 1)·n.
    func ask(maxResampling: Int, using rng: MersenneTwister) -> [Double] {
        let d = scales, n = dimension
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
        let p = parameters, n = dimension, lambda = p.popsize
        precondition(solutions.count == lambda && values.count == lambda, "tell needs popsize solutions")
        generation += 1
        let order = (0..<lambda).sorted { (values[$0], $0) < (values[$1], $1) }
        history.record(generation: generation, best: values[order[0]], worst: values[order[lambda - 1]])
        let d = scales
        let y = order.map { index in (0..<n).map { (solutions[index][$0] - mean[$0]) / sigma } }
        var yw = [Double](repeating: 0, count: n)
        for k in 0..<p.mu { for i in 0..<n { yw[i] += p.weights[k] * y[k][i] } }
        for i in 0..<n { mean[i] += sigma * yw[i] }

        let pathScale = (p.cSigma * (2 - p.cSigma) * p.muEff).squareRoot()
        for i in 0..<n { pathSigma[i] = (1 - p.cSigma) * pathSigma[i] + pathScale * (yw[i] / d[i]) }
        let norm = pathSigma.reduce(0) { $0 + $1 * $1 }.squareRoot()
        sigma *= Foundation.exp((p.cSigma / p.dSigma) * (norm / p.chiN - 1))
        sigma = min(sigma, EvolutionLimits.sigmaMax)

        let left = norm / (1 - Foundation.pow(1 - p.cSigma, Double(2 * (generation + 1)))).squareRoot()
        let hSigma: Double = left < (1.4 + 2 / Double(n + 1)) * p.chiN ? 1 : 0
        let cScale = (p.cc * (2 - p.cc) * p.muEff).squareRoot()
        for i in 0..<n { pathC[i] = (1 - p.cc) * pathC[i] + hSigma * cScale * yw[i] }

        let deltaH = (1 - hSigma) * p.cc * (2 - p.cc)
        let decay = 1 + p.c1 * deltaH - p.c1 - p.cmu * p.weights.reduce(0, +)
        for i in 0..<n {
            var rankMu = 0.0
            for k in 0..<p.mu { rankMu += p.weights[k] * y[k][i] * y[k][i] }
            covariance[i] = decay * covariance[i] + p.c1 * pathC[i] * pathC[i] + p.cmu * rankMu
        }
    }

    /// The package's termination tests for the diagonal case.
    func shouldStop() -> Bool {
        let n = dimension, d = scales
        if history.isFlat(generation: generation, tolerance: EvolutionLimits.tolFun) { return true }
        if covariance.allSatisfy({ sigma * $0 < tolX }) && pathC.allSatisfy({ sigma * $0 < tolX }) { return true }
        let maxD = d.max() ?? 0, minD = d.min() ?? 0
        if sigma * maxD > EvolutionLimits.tolXUp { return true }
        if (0..<n).contains(where: { mean[$0] == mean[$0] + 0.2 * sigma * covariance[$0].squareRoot() }) { return true }
        let axis = generation % n
        if (0..<n).allSatisfy({ mean[$0] == mean[$0] + 0.1 * sigma * d[axis] }) { return true }
        return maxD / minD > EvolutionLimits.tolConditionCov
    }
}
