import Foundation
import GSLKit

/// The trials a ``GP`` models: encoded points (n × D, row-major) and standardised targets.
struct GPData: Sendable, Equatable {
    var rows: [Double]
    var count: Int
    let width: Int
    var targets: [Double]

    func row(_ a: Int) -> ArraySlice<Double> { rows[(a * width)..<((a + 1) * width)] }
}

/// Cholesky factors of the observation covariance for one θ, kept between calls so that when
/// only data were added the factor grows by row appends (docs/gp.md §4). Checked against θ and
/// the covered points before every use, so a stale or shared cache can never give a wrong factor.
final class CovarianceCache {
    var hyperparameters: GPHyperparameters?
    var rows: [Double] = []
    var count = 0
    var jitter = 0.0
    var factor: CholeskyFactor?
}

/// A GP posterior for fixed hyperparameters (Rasmussen and Williams, Algorithm 2.1):
/// C = K + (σ² + ε)I = L·Lᵀ, α = C⁻¹y, μ(x) = k_xᵀα, σ²(x) = s − ‖L⁻¹k_x‖².
struct GPRegressor {
    let data: GPData
    let hyperparameters: GPHyperparameters
    let kernel: MaternKernel
    let factor: CholeskyFactor
    /// ε, the jitter that made C factorisable (0 when none was needed).
    let jitter: Double
    let alpha: [Double]

    /// Factorises C for θ, appending rows to `cache`'s factor when θ is the cached one and the
    /// cached points are the first points of `data`; retries with jitter when C is not
    /// numerically positive definite.
    ///
    /// - Parameters:
    ///   - covariances: K for θ (row-major, the lower triangle read) when the caller has it;
    ///     computed here otherwise.
    /// - Returns: nil when C cannot be factorised even with the largest jitter.
    /// - Complexity: O(n³) for a new factor, O(m·n²) to append m rows.
    init?(data: GPData, hyperparameters: GPHyperparameters, encoding: GPEncoding, cache: CovarianceCache?, covariances: [Double]? = nil) {
        let kernel = MaternKernel(hyperparameters: hyperparameters, encoding: encoding)
        guard let (factor, jitter) = Self.factorize(data: data, hyperparameters: hyperparameters, kernel: kernel, cache: cache, covariances: covariances) else {
            return nil
        }
        let alpha = factor.solve(data.targets)
        guard alpha.allSatisfy(\.isFinite) else { return nil }
        self.data = data
        self.hyperparameters = hyperparameters
        self.kernel = kernel
        self.factor = factor
        self.jitter = jitter
        self.alpha = alpha
    }

    // MARK: - Factorisation

    /// The largest jitter tried, relative to s + σ².
    static let jitterLimit = 1e-2

    static func factorize(data: GPData, hyperparameters: GPHyperparameters, kernel: MaternKernel, cache: CovarianceCache?, covariances: [Double]? = nil) -> (CholeskyFactor, Double)? {
        let diagonal = kernel.signalVariance + hyperparameters.noiseVariance
        if let cache, let cached = cache.factor, cache.hyperparameters == hyperparameters, cache.count <= data.count,
           cache.rows.elementsEqual(data.rows.prefix(cache.count * data.width)) {
            var appended = true
            for m in cache.count..<data.count {
                let column = kernel.covariances(Array(data.row(m)), rows: data.rows, count: m)
                if !cached.append(column: column, diagonal: diagonal + cache.jitter) { appended = false; break }
                cache.count = m + 1
            }
            cache.rows = Array(data.rows.prefix(cache.count * data.width))
            if appended { return (cached.copy(), cache.jitter) }
        }
        let n = data.count
        var matrix = covariances ?? covarianceMatrix(data: data, kernel: kernel)
        var jitter = 0.0
        while true {
            for a in 0..<n { matrix[a * n + a] = kernel.signalVariance + hyperparameters.noiseVariance + jitter }
            if let factor = CholeskyFactor(matrix: matrix, dimension: n) {
                if let cache {
                    cache.hyperparameters = hyperparameters
                    cache.rows = data.rows
                    cache.count = n
                    cache.jitter = jitter
                    cache.factor = factor.copy()
                }
                return (factor, jitter)
            }
            jitter = jitter == 0 ? 1e-10 * diagonal : jitter * 100
            if jitter > jitterLimit * diagonal { return nil }
        }
    }

    /// K (n × n, row-major) without the diagonal noise: k(x_a, x_b) off the diagonal, s on it.
    static func covarianceMatrix(data: GPData, kernel: MaternKernel) -> [Double] {
        let n = data.count
        var matrix = [Double](repeating: 0, count: n * n)
        data.rows.withUnsafeBufferPointer { rows in
            for a in 0..<n {
                matrix[a * n + a] = kernel.signalVariance
                let x = UnsafeBufferPointer(rebasing: rows[(a * data.width)..<((a + 1) * data.width)])
                for b in 0..<a {
                    let k = kernel.signalVariance * MaternKernel.matern(kernel.squaredDistance(x, rows, row: b))
                    matrix[a * n + b] = k
                    matrix[b * n + a] = k
                }
            }
        }
        return matrix
    }

    // MARK: - Posterior

    /// μ and σ² at each of `count` points (row-major, D features each).
    ///
    /// - Complexity: O(count·n·(D + n)), the solves in one batched `dtrsm`.
    func meansAndVariances(_ points: [Double], count: Int) -> (means: [Double], variances: [Double]) {
        let n = data.count
        var covariances = [Double](repeating: 0, count: count * n)
        var means = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let k = kernel.covariances(Array(points[(i * data.width)..<((i + 1) * data.width)]), rows: data.rows, count: n)
            var mean = 0.0
            for a in 0..<n {
                covariances[i * n + a] = k[a]
                mean += k[a] * alpha[a]
            }
            means[i] = mean
        }
        factor.solveLower(rows: &covariances, count: count)
        var variances = [Double](repeating: 0, count: count)
        for i in 0..<count {
            var sum = 0.0
            for a in 0..<n { sum += covariances[i * n + a] * covariances[i * n + a] }
            variances[i] = max(kernel.signalVariance - sum, 0)
        }
        return (means, variances)
    }

    /// μ, σ² and their derivatives with respect to the features `features` at one point.
    ///
    /// - Complexity: O(n·(D + n)).
    func posterior(at x: [Double], features: [Int]) -> (mean: Double, variance: Double, meanGradient: [Double], varianceGradient: [Double]) {
        let n = data.count
        let k = kernel.covariances(x, rows: data.rows, count: n)
        var mean = 0.0
        for a in 0..<n { mean += k[a] * alpha[a] }
        let v = factor.solveLower(k)
        var sum = 0.0
        for a in 0..<n { sum += v[a] * v[a] }
        let rawVariance = kernel.signalVariance - sum
        var meanGradient = [Double](repeating: 0, count: features.count)
        var varianceGradient = [Double](repeating: 0, count: features.count)
        guard !features.isEmpty else { return (mean, max(rawVariance, 0), meanGradient, varianceGradient) }
        let weights = factor.solveUpper(v)  // C⁻¹k_x
        let width = data.width
        x.withUnsafeBufferPointer { point in
            data.rows.withUnsafeBufferPointer { rows in
                for a in 0..<n {
                    // ∂k(x, x_a)/∂x_f = 2 s M'(d²) c_f (x_f − x_{a,f})
                    let slope = 2 * kernel.signalVariance * MaternKernel.maternDerivative(kernel.squaredDistance(point, rows, row: a))
                    for (i, f) in features.enumerated() {
                        let dk = slope * kernel.featureScales[f] * (point[f] - rows[a * width + f])
                        meanGradient[i] += alpha[a] * dk
                        varianceGradient[i] -= 2 * weights[a] * dk
                    }
                }
            }
        }
        if rawVariance <= 0 { varianceGradient = [Double](repeating: 0, count: features.count) }
        return (mean, max(rawVariance, 0), meanGradient, varianceGradient)
    }
}
