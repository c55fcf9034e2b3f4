import Foundation
import GSLKit

/// The full CMA-ES of the `cmaes` package (`CMA`): mean, step size, full covariance matrix,
/// evolution paths, active (negative-weight) rank-μ update, optional learning-rate adaptation,
/// on the box [0, 1]ⁿ. docs/cmaes.md, sections 2–6 and 9.
///
/// Matrices are row-major `[Double]`. Products go through GSL's BLAS, the eigendecomposition
/// through GSL's `gsl_eigen_symmv`.
struct CMAStrategy: Sendable {
    /// B (columns are eigenvectors), D (square roots of the floored eigenvalues, ascending) and
    /// B·diag(D), the factor that maps N(0, I) to N(0, C).
    struct Decomposition: Sendable {
        var b: [Double]
        var d: [Double]
        var bd: [Double]
    }

    var state: CMAState
    /// C, n×n.
    var covariance: [Double]
    private var decomposition: Decomposition?
    private(set) var learningRates: LearningRateAdaptation?

    var dimension: Int { state.dimension }

    /// - Precondition: every mean coordinate in [0, 1], σ > 0.
    init(mean: [Double], sigma: Double, popsize: Int, lrAdapt: Bool) {
        let n = mean.count
        state = CMAState(parameters: .full(dimension: n, popsize: popsize), mean: mean, sigma: sigma)
        covariance = Self.identity(n)
        learningRates = lrAdapt ? LearningRateAdaptation(dimension: n) : nil
    }

    static func identity(_ n: Int) -> [Double] {
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n { matrix[i * n + i] = 1 }
        return matrix
    }

    /// B and D of C, computed when C changed: C is symmetrised, negative eigenvalues are
    /// floored to 1e-8, and when one was, C is replaced by its floored reconstruction
    /// B diag(D²) Bᵀ (without a floored eigenvalue the reconstruction is C up to rounding, and C
    /// is kept).
    ///
    /// A C that is no longer finite (a diverged run) cannot be decomposed; it is reset to the
    /// identity (the package would go on with NaN), which `shouldStop` then reports.
    mutating func decompose() -> Decomposition {
        if let decomposition { return decomposition }
        let n = dimension
        for i in 0..<n {
            for j in 0..<i {
                let average = (covariance[i * n + j] + covariance[j * n + i]) / 2
                covariance[i * n + j] = average
                covariance[j * n + i] = average
            }
        }
        let eigen: SymmetricEigen
        if let solved = try? SymmetricEigen(symmetric: covariance, dimension: n) {
            eigen = solved
        } else {
            covariance = Self.identity(n)
            eigen = try! SymmetricEigen(symmetric: covariance, dimension: n)
            diverged = true
        }
        let d = eigen.eigenvalues.map { ($0 < 0 ? EvolutionLimits.eigenvalueFloor : $0).squareRoot() }
        var bd = eigen.eigenvectors
        for i in 0..<n { for j in 0..<n { bd[i * n + j] *= d[j] } }
        if eigen.eigenvalues.contains(where: { $0 < 0 }) {
            MatrixProducts.multiply(bd, .plain, bd, .transposed, m: n, n: n, k: n, into: &covariance)
        }
        let result = Decomposition(b: eigen.eigenvectors, d: d, bd: bd)
        decomposition = result
        return result
    }

    /// Set when C had to be reset because it was no longer finite.
    private var diverged = false

    /// One draw x = m + σ B diag(D) z, z ~ N(0, I).
    ///
    /// - Determinism: n `gaussian` draws from `rng`.
    mutating func sample(using rng: Tausworthe) -> [Double] {
        let n = dimension
        let factor = decompose().bd
        var z = [Double](repeating: 0, count: n)
        for i in 0..<n { z[i] = rng.gaussian() }
        var y = [Double](repeating: 0, count: n)
        MatrixProducts.multiply(factor, .plain, rows: n, columns: n, vector: z, into: &y)
        for i in 0..<n { y[i] = state.mean[i] + state.sigma * y[i] }
        return y
    }

    /// `ask`: the first of `maxResampling` draws inside [0, 1]ⁿ, else one more draw clipped into it.
    ///
    /// - Determinism: n `gaussian` draws per attempt, at most (maxResampling + 1)·n.
    mutating func ask(maxResampling: Int, using rng: Tausworthe) -> [Double] {
        for _ in 0..<maxResampling {
            let x = sample(using: rng)
            if x.allSatisfy({ $0 >= 0 && $0 <= 1 }) { return x }
        }
        return sample(using: rng).map { min(max($0, 0), 1) }
    }

    /// The update from exactly λ solutions and their values (minimised); docs/cmaes.md, section 5.
    ///
    /// - Complexity: O(λn² + n³).
    mutating func tell(_ solutions: [[Double]], values: [Double]) {
        let p = state.parameters, n = dimension, lambda = p.popsize
        let y = state.begin(solutions, values: values)
        let dec = decompose()
        decomposition = nil

        let oldMean = state.mean, oldSigma = state.sigma
        let oldSigmaMatrix = learningRates == nil ? [] : covariance.map { $0 * oldSigma * oldSigma }
        let yw = state.recombine(y)

        // C^(-1/2) = B diag(1/D) Bᵀ, applied as its factors: whitened = B diag(1/D) Bᵀ yw, and
        // ‖C^(-1/2) y_k‖ = ‖diag(1/D) Bᵀ y_k‖ (B is orthogonal). The matrix itself is formed only
        // for learning-rate adaptation.
        var rotated = [Double](repeating: 0, count: n)
        MatrixProducts.multiply(dec.b, .transposed, rows: n, columns: n, vector: yw, into: &rotated)
        for i in 0..<n { rotated[i] /= dec.d[i] }
        var whitened = [Double](repeating: 0, count: n)
        MatrixProducts.multiply(dec.b, .plain, rows: n, columns: n, vector: rotated, into: &whitened)
        let hSigma = state.adaptStepSize(whitened: whitened, yw: yw)

        // Active weights: the negative ones (the last rows, weights decrease) rescaled by
        // n/‖C^(-1/2) y_k‖², with y_k B (rows of Y B, scaled by 1/D) for those rows only.
        let negative = p.weights.firstIndex { $0 < 0 } ?? lambda
        var z = [Double](repeating: 0, count: (lambda - negative) * n)
        if negative < lambda {
            MatrixProducts.multiply(Array(y[(negative * n)...]), .plain, dec.b, .plain, m: lambda - negative, n: n, k: n, into: &z)
            for k in 0..<(lambda - negative) { for i in 0..<n { z[k * n + i] /= dec.d[i] } }
        }
        var weighted = y
        for k in 0..<lambda {
            var w = p.weights[k]
            if w < 0 {
                var squared = 0.0
                for i in 0..<n { squared += z[(k - negative) * n + i] * z[(k - negative) * n + i] }
                w *= Double(n) / (squared + EvolutionLimits.eigenvalueFloor)
            }
            for i in 0..<n { weighted[k * n + i] *= w }
        }
        MatrixProducts.multiply(weighted, .transposed, y, .plain, m: n, n: n, k: lambda, alpha: p.cmu, beta: state.decay(hSigma: hSigma), into: &covariance)
        let pathC = state.pathC
        for i in 0..<n { for j in 0..<n { covariance[i * n + j] += p.c1 * pathC[i] * pathC[j] } }

        if var rates = learningRates {
            var bInv = dec.b
            for i in 0..<n { for j in 0..<n { bInv[i * n + j] /= dec.d[j] } }
            var invSqrtC = [Double](repeating: 0, count: n * n)
            MatrixProducts.multiply(bInv, .plain, dec.b, .transposed, m: n, n: n, k: n, into: &invSqrtC)
            rates.adapt(&self, oldMean: oldMean, oldSigma: oldSigma, oldSigmaMatrix: oldSigmaMatrix, oldInvSqrtC: invSqrtC)
            learningRates = rates
        }
    }

    /// The package's termination tests; docs/cmaes.md, section 6.
    mutating func shouldStop() -> Bool {
        let n = dimension
        let dec = decompose()
        if diverged { return true }
        let sigma = state.sigma
        return state.shouldStop(diagonal: (0..<n).map { covariance[$0 * n + $0] }, scales: dec.d) { axis, i in
            0.1 * sigma * dec.d[axis] * dec.b[i * n + axis]
        }
    }
}
