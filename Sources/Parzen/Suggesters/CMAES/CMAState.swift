import Foundation

/// What the full and the separable strategy share within one run: the mean, the step size σ,
/// the evolution paths p_σ and p_c, the generation and the best and worst values of recent
/// generations, with the steps of the update and of the termination tests that do not depend
/// on the shape of C. docs/cmaes.md, sections 5–7.
struct CMAState: Sendable {
    let parameters: CMAParameters
    var mean: [Double]
    var sigma: Double
    var pathSigma: [Double]
    var pathC: [Double]
    var generation = 0
    private var history: ValueHistory
    /// tolx = 1e-12 σ0.
    private let tolX: Double

    var dimension: Int { parameters.dimension }

    /// - Precondition: every mean coordinate in [0, 1], σ > 0.
    init(parameters: CMAParameters, mean: [Double], sigma: Double) {
        precondition(sigma > 0 && mean.allSatisfy { (0...1).contains($0) }, "CMA-ES needs sigma > 0 and a mean in the box")
        self.parameters = parameters
        self.mean = mean
        self.sigma = sigma
        pathSigma = Array(repeating: 0, count: mean.count)
        pathC = Array(repeating: 0, count: mean.count)
        history = ValueHistory(length: parameters.valueHistoryLength)
        tolX = EvolutionLimits.relativeTolX * sigma
    }

    /// Starts the next generation: its rows y_k = (x_k − m)/σ in ascending order of value
    /// (row-major, λ×n; ties keep the order given, which is trial order), after recording the
    /// best and worst values.
    ///
    /// - Precondition: exactly λ solutions and values.
    mutating func begin(_ solutions: [[Double]], values: [Double]) -> [Double] {
        let n = dimension, lambda = parameters.popsize
        precondition(solutions.count == lambda && values.count == lambda, "tell needs popsize solutions")
        generation += 1
        let order = (0..<lambda).sorted { (values[$0], $0) < (values[$1], $1) }
        history.record(generation: generation, best: values[order[0]], worst: values[order[lambda - 1]])
        var y = [Double](repeating: 0, count: lambda * n)
        for (row, index) in order.enumerated() {
            for i in 0..<n { y[row * n + i] = (solutions[index][i] - mean[i]) / sigma }
        }
        return y
    }

    /// y_w = Σ_{k<μ} w_k y_k, and the mean moved to m + σ y_w; returns y_w.
    mutating func recombine(_ y: [Double]) -> [Double] {
        let p = parameters, n = dimension
        var yw = [Double](repeating: 0, count: n)
        for k in 0..<p.mu { for i in 0..<n { yw[i] += p.weights[k] * y[k * n + i] } }
        for i in 0..<n { mean[i] += sigma * yw[i] }
        return yw
    }

    /// Cumulative step-size adaptation from `whitened` = C^(-1/2) y_w, then p_c from y_w.
    ///
    /// - Returns: h_σ (0 or 1).
    mutating func adaptStepSize(whitened: [Double], yw: [Double]) -> Double {
        let p = parameters, n = dimension
        let pathScale = (p.cSigma * (2 - p.cSigma) * p.muEff).squareRoot()
        for i in 0..<n { pathSigma[i] = (1 - p.cSigma) * pathSigma[i] + pathScale * whitened[i] }
        let norm = pathSigma.reduce(0) { $0 + $1 * $1 }.squareRoot()
        sigma *= Foundation.exp((p.cSigma / p.dSigma) * (norm / p.chiN - 1))
        sigma = min(sigma, EvolutionLimits.sigmaMax)

        // h_σ with the already incremented g: exponent 2(g + 1), as the package has it.
        let left = norm / (1 - Foundation.pow(1 - p.cSigma, Double(2 * (generation + 1)))).squareRoot()
        let hSigma: Double = left < (1.4 + 2 / Double(n + 1)) * p.chiN ? 1 : 0
        let cScale = (p.cc * (2 - p.cc) * p.muEff).squareRoot()
        for i in 0..<n { pathC[i] = (1 - p.cc) * pathC[i] + hSigma * cScale * yw[i] }
        return hSigma
    }

    /// The factor of the old C in the update: 1 + c1 (1 − h_σ) c_c (2 − c_c) − c1 − c_μ Σ w.
    func decay(hSigma: Double) -> Double {
        let p = parameters
        let deltaH = (1 - hSigma) * p.cc * (2 - p.cc)
        return 1 + p.c1 * deltaH - p.c1 - p.cmu * p.weights.reduce(0, +)
    }

    /// The package's termination tests; docs/cmaes.md, section 6.
    ///
    /// - Parameters:
    ///   - diagonal: the diagonal of C.
    ///   - scales: D, the square roots of C's (floored) eigenvalues.
    ///   - axisShift: for (axis a, coordinate i), the shift 0.1 σ D_a B_ia of coordinate i along
    ///     principal axis a.
    func shouldStop(diagonal: [Double], scales: [Double], axisShift: (Int, Int) -> Double) -> Bool {
        let n = dimension
        if history.isFlat(generation: generation, tolerance: EvolutionLimits.tolFun) { return true }
        if diagonal.allSatisfy({ sigma * $0 < tolX }) && pathC.allSatisfy({ sigma * $0 < tolX }) { return true }
        let maxD = scales.max() ?? 0, minD = scales.min() ?? 0
        if sigma * maxD > EvolutionLimits.tolXUp { return true }
        if (0..<n).contains(where: { mean[$0] == mean[$0] + 0.2 * sigma * diagonal[$0].squareRoot() }) { return true }
        let axis = generation % n
        if (0..<n).allSatisfy({ mean[$0] == mean[$0] + axisShift(axis, $0) }) { return true }
        return maxD / minD > EvolutionLimits.tolConditionCov
    }
}
