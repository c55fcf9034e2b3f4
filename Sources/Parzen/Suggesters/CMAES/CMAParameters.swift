import Foundation

/// The strategy parameters of CMA-ES (population, recombination weights, learning rates,
/// step-size damping), as the `cmaes` package's `CMA.__init__` and `SepCMA.__init__` compute
/// them; docs/cmaes.md, section 2 and section 7.
struct CMAParameters: Sendable, Equatable {
    let dimension: Int
    /// λ.
    let popsize: Int
    /// μ = ⌊λ/2⌋.
    let mu: Int
    let muEff: Double
    /// The recombination weights: λ of them (negative for the worst) for the full strategy, μ
    /// positive ones for the separable one.
    let weights: [Double]
    let c1: Double
    let cmu: Double
    let cSigma: Double
    let dSigma: Double
    let cc: Double
    /// E‖N(0, I)‖ ≈ √n (1 − 1/(4n) + 1/(21n²)).
    let chiN: Double
    /// The generations whose best and worst values `should_stop` compares: 10 + ⌈30n/λ⌉.
    let valueHistoryLength: Int

    /// λ = 4 + ⌊3 ln n⌋, the package's default population.
    static func defaultPopsize(dimension n: Int) -> Int { 4 + Int((3 * Foundation.log(Double(n))).rounded(.down)) }

    /// The full strategy's parameters (active CMA: negative weights for the worst half).
    ///
    /// - Precondition: n ≥ 1, λ ≥ 2.
    static func full(dimension n: Int, popsize lambda: Int) -> CMAParameters {
        precondition(n >= 1 && lambda >= 2, "CMA-ES needs n >= 1 and popsize >= 2")
        let nd = Double(n)
        let mu = lambda / 2
        let raw = (0..<lambda).map { Foundation.log(Double(lambda + 1) / 2) - Foundation.log(Double($0 + 1)) }
        let positive = raw[..<mu], negative = raw[mu...]
        let muEff = square(positive.reduce(0, +)) / positive.reduce(0) { $0 + $1 * $1 }
        let muEffMinus = square(negative.reduce(0, +)) / negative.reduce(0) { $0 + $1 * $1 }
        let alphaCov = 2.0
        let c1 = alphaCov / (square(nd + 1.3) + muEff)
        let cmu = min(1 - c1 - 1e-8, alphaCov * (muEff - 2 + 1 / muEff) / (square(nd + 2) + alphaCov * muEff / 2))
        // c_μ = 0 when μ = 1 (λ ≤ 3): the quotients are +∞ as in NumPy, not a trap.
        let alphaMin = min(1 + c1 / cmu, 1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cmu) / (nd * cmu))
        let positiveSum = raw.filter { $0 > 0 }.reduce(0, +)
        let negativeSum = raw.filter { $0 < 0 }.reduce(0) { $0 + abs($1) }
        let weights = raw.map { $0 >= 0 ? 1 / positiveSum * $0 : alphaMin / negativeSum * $0 }
        let cSigma = (muEff + 2) / (nd + muEff + 5)
        return CMAParameters(
            dimension: n, popsize: lambda, mu: mu, muEff: muEff, weights: weights, c1: c1, cmu: cmu, cSigma: cSigma,
            dSigma: damping(muEff: muEff, n: nd, cSigma: cSigma), cc: (4 + muEff / nd) / (nd + 4 + 2 * muEff / nd),
            chiN: chi(nd), valueHistoryLength: 10 + Int((30 * nd / Double(lambda)).rounded(.up)))
    }

    /// The separable strategy's parameters (μ positive weights, larger c_μ; Ros and Hansen).
    ///
    /// - Precondition: n ≥ 2, λ ≥ 2.
    static func separable(dimension n: Int, popsize lambda: Int) -> CMAParameters {
        precondition(n >= 2 && lambda >= 2, "separable CMA-ES needs n >= 2 and popsize >= 2")
        let nd = Double(n)
        let mu = lambda / 2
        let raw = (0..<mu).map { Foundation.log(Double(mu + 1)) - Foundation.log(Double($0 + 1)) }
        let total = raw.reduce(0, +)
        let weights = raw.map { $0 / total }
        let muEff = 1 / weights.reduce(0) { $0 + $1 * $1 }
        let c1 = 2 / (square(nd + 1.3) + muEff)
        let cmuFull = 2 / muEff / square(nd + 2.0.squareRoot()) + (1 - 1 / muEff) * min(1, (2 * muEff - 1) / (square(nd + 2) + muEff))
        let cSigma = (muEff + 2) / (nd + muEff + 3)
        return CMAParameters(
            dimension: n, popsize: lambda, mu: mu, muEff: muEff, weights: weights, c1: c1, cmu: (nd + 2) / 3 * cmuFull,
            cSigma: cSigma, dSigma: damping(muEff: muEff, n: nd, cSigma: cSigma), cc: 4 / (nd + 4), chiN: chi(nd),
            valueHistoryLength: 10 + Int((30 * nd / Double(lambda)).rounded(.up)))
    }

    private static func square(_ x: Double) -> Double { x * x }
    private static func damping(muEff: Double, n: Double, cSigma: Double) -> Double {
        1 + 2 * max(0, ((muEff - 1) / (n + 1)).squareRoot() - 1) + cSigma
    }
    private static func chi(_ n: Double) -> Double { n.squareRoot() * (1 - 1 / (4 * n) + 1 / (21 * n * n)) }
}
