import Foundation
import GSLKit

/// Learning-rate adaptation for CMA-ES (Nomura, Akimoto and Ono, GECCO 2023; the `cmaes`
/// package's `CMA._lr_adaptation`): the signal-to-noise ratios of the mean and covariance
/// updates set damping rates η_m and η_Σ. docs/cmaes.md, section 9.
struct LearningRateAdaptation: Sendable {
    static let alpha = 1.4, betaMean = 0.1, betaSigma = 0.03, gamma = 0.1

    private var eMean: [Double]
    private var eSigma: [Double]
    private var vMean = 0.0
    private var vSigma = 0.0
    private(set) var etaMean = 1.0
    private(set) var etaSigma = 1.0

    init(dimension n: Int) {
        eMean = Array(repeating: 0, count: n)
        eSigma = Array(repeating: 0, count: n * n)
    }

    /// Damps the update just made to `strategy` (mean, σ, C) from the state before it.
    mutating func adapt(
        _ strategy: inout CMAStrategy, oldMean: [Double], oldSigma: Double, oldSigmaMatrix: [Double], oldInvSqrtC: [Double]
    ) {
        let n = strategy.dimension
        let deltaMean = (0..<n).map { strategy.state.mean[$0] - oldMean[$0] }
        let s2 = strategy.state.sigma * strategy.state.sigma
        let deltaSigma = (0..<(n * n)).map { s2 * strategy.covariance[$0] - oldSigmaMatrix[$0] }
        // Local coordinates: Q = C_old^(-1/2)/σ_old.
        let q = oldInvSqrtC.map { $0 / oldSigma }
        var localMean = [Double](repeating: 0, count: n)
        MatrixProducts.multiply(q, .plain, rows: n, columns: n, vector: deltaMean, into: &localMean)
        var half = [Double](repeating: 0, count: n * n)
        MatrixProducts.multiply(q, .plain, deltaSigma, .plain, m: n, n: n, k: n, into: &half)
        var localSigma = [Double](repeating: 0, count: n * n)
        MatrixProducts.multiply(half, .plain, q, .plain, m: n, n: n, k: n, alpha: 1 / 2.0.squareRoot(), into: &localSigma)

        let bm = Self.betaMean, bs = Self.betaSigma
        for i in 0..<n { eMean[i] = (1 - bm) * eMean[i] + bm * localMean[i] }
        for i in 0..<(n * n) { eSigma[i] = (1 - bs) * eSigma[i] + bs * localSigma[i] }
        vMean = (1 - bm) * vMean + bm * Self.squaredNorm(localMean)
        vSigma = (1 - bs) * vSigma + bs * Self.squaredNorm(localSigma)

        let snrMean = Self.signalToNoise(squaredNorm: Self.squaredNorm(eMean), v: vMean, beta: bm)
        let snrSigma = Self.signalToNoise(squaredNorm: Self.squaredNorm(eSigma), v: vSigma, beta: bs)
        let etaMeanBefore = etaMean
        etaMean = min(Self.updated(etaMean, snr: snrMean, beta: bm), 1)
        etaSigma = min(Self.updated(etaSigma, snr: snrSigma, beta: bs), 1)

        for i in 0..<n { strategy.state.mean[i] = oldMean[i] + etaMean * deltaMean[i] }
        let sigmaMatrix = (0..<(n * n)).map { oldSigmaMatrix[$0] + etaSigma * deltaSigma[$0] }
        // σ = det(Σ)^(1/(2n)) from the eigenvalues; C = Σ/σ². A non-positive eigenvalue gives
        // NaN as in the package.
        let eigenvalues = (try? SymmetricEigen(symmetric: sigmaMatrix, dimension: n))?.eigenvalues ?? [Double](repeating: .nan, count: n)
        let logSum = eigenvalues.reduce(0) { $0 + Foundation.log($1) }
        var sigma = min(Foundation.exp(logSum / 2 / Double(n)), EvolutionLimits.sigmaMax)
        strategy.covariance = sigmaMatrix.map { $0 / (sigma * sigma) }
        sigma *= etaMeanBefore / etaMean
        strategy.state.sigma = sigma
    }

    private static func squaredNorm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 } }

    private static func signalToNoise(squaredNorm e: Double, v: Double, beta: Double) -> Double {
        (e - beta / (2 - beta) * v) / (v - e)
    }

    private static func updated(_ eta: Double, snr: Double, beta: Double) -> Double {
        let relative = min(max(snr / alpha / eta - 1, -1), 1)
        return eta * Foundation.exp(min(gamma * eta, beta) * relative)
    }
}
