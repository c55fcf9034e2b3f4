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
    /// L⁻¹ and C⁻¹ of the `count` covered points, when they were formed at this θ.
    var inverses: GPInverses?
}

/// L⁻¹ and C⁻¹ = L⁻ᵀL⁻¹ for C = L·Lᵀ (n × n, row-major): L⁻¹ with zeros above the diagonal,
/// C⁻¹ with both triangles. The posterior's products use L⁻¹, the fit's gradient C⁻¹.
struct GPInverses {
    /// L⁻¹.
    var factor: [Double]
    /// C⁻¹.
    var matrix: [Double]
    /// n.
    var count: Int

    /// Both inverses from GSL (`gsl_linalg_tri_invert`, `gsl_linalg_tri_LTL`).
    ///
    /// - Complexity: O(2n³/3).
    init(_ factor: CholeskyFactor) {
        (self.factor, self.matrix) = factor.inverses()
        count = factor.dimension
    }

    /// Borders both inverses with a new point whose covariances with the n points are `column`
    /// and whose diagonal entry is γ: with l = L⁻¹c and d = √(γ − lᵀl), the new factor's last
    /// row is (lᵀ, d), so
    ///
    ///     L'⁻¹ = [[L⁻¹, 0], [r, 1/d]],  r = −lᵀL⁻¹/d,
    ///     C'⁻¹ = [[C⁻¹ + rᵀr, rᵀ/d], [r/d, 1/d²]].
    ///
    /// - Returns: false, leaving both unchanged, when γ − lᵀl is not positive or not finite.
    /// - Complexity: O(n²).
    mutating func append(column: [Double], diagonal: Double) -> Bool {
        let n = count, m = n + 1
        var l = [Double](repeating: 0, count: n)
        var r = [Double](repeating: 0, count: n)
        do {
            var out = l.mutableSpan
            GPProducts.lowerProduct(factor.span, column.span, into: &out, n: n)
        }
        do {
            var out = r.mutableSpan
            GPProducts.lowerTransposedProduct(factor.span, l.span, into: &out, n: n)
        }
        var pivot = diagonal
        for value in l { pivot -= value * value }
        guard pivot > 0 && pivot.isFinite else { return false }
        let d = pivot.squareRoot()
        for b in 0..<n { r[b] = -r[b] / d }
        guard r.allSatisfy(\.isFinite) else { return false }
        var newFactor = [Double](repeating: 0, count: m * m)
        var newMatrix = [Double](repeating: 0, count: m * m)
        for a in 0..<n {
            for b in 0...a { newFactor[a * m + b] = factor[a * n + b] }
            let ra = r[a]
            for b in 0..<n { newMatrix[a * m + b] = matrix[a * n + b] + ra * r[b] }
            newMatrix[a * m + n] = ra / d
            newMatrix[n * m + a] = ra / d
            newFactor[n * m + a] = ra
        }
        newFactor[n * m + n] = 1 / d
        newMatrix[n * m + n] = 1 / (d * d)
        factor = newFactor
        matrix = newMatrix
        count = m
        return true
    }
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
    /// The data points feature-major (feature f of point a at f·n + a), for the distances of
    /// the posterior, four points at a time.
    let columns: [Double]
    /// L⁻¹ and C⁻¹, when formed: the posterior needs them, a value of the fit's objective does not.
    private(set) var inverses: GPInverses?

    /// Factorises C for θ, appending rows to `cache`'s factor when θ is the cached one and the
    /// cached points are the first points of `data`; retries with jitter when C is not
    /// numerically positive definite.
    ///
    /// - Parameters:
    ///   - covariances: K for θ (row-major, the lower triangle read) when the caller has it;
    ///     computed here otherwise.
    ///   - formInverses: form L⁻¹ and C⁻¹ (bordered from the cache's when it holds them, else
    ///     from GSL), as the posterior needs.
    /// - Returns: nil when C cannot be factorised even with the largest jitter.
    /// - Complexity: O(n³) for a new factor, O(m·n²) to append m rows; O(2n³/3) more for
    ///   inverses not bordered from the cache.
    init?(data: GPData, hyperparameters: GPHyperparameters, encoding: GPEncoding, cache: CovarianceCache?, covariances: [Double]? = nil, formInverses: Bool = true) {
        let kernel = MaternKernel(hyperparameters: hyperparameters, encoding: encoding)
        guard let (factor, jitter, inverses) = Self.factorize(data: data, hyperparameters: hyperparameters, kernel: kernel, cache: cache, covariances: covariances) else {
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
        self.inverses = inverses
        var columns = [Double](repeating: 0, count: data.rows.count)
        for a in 0..<data.count {
            for f in 0..<data.width { columns[f * data.count + a] = data.rows[a * data.width + f] }
        }
        self.columns = columns
        if formInverses && inverses == nil {
            let formed = GPInverses(factor)
            self.inverses = formed
            if let cache, cache.hyperparameters == hyperparameters, cache.count == data.count, cache.jitter == jitter {
                cache.inverses = formed
            }
        }
    }

    // MARK: - Factorisation

    /// The largest jitter tried, relative to s + σ².
    static let jitterLimit = 1e-2

    /// The factor, the jitter in it and, when the cache held them at θ, the bordered inverses.
    static func factorize(data: GPData, hyperparameters: GPHyperparameters, kernel: MaternKernel, cache: CovarianceCache?, covariances: [Double]? = nil) -> (CholeskyFactor, Double, GPInverses?)? {
        let diagonal = kernel.signalVariance + hyperparameters.noiseVariance
        if let cache, let cached = cache.factor, cache.hyperparameters == hyperparameters, cache.count <= data.count,
           cache.rows.elementsEqual(data.rows.prefix(cache.count * data.width)) {
            var appended = true
            var inverses = cache.inverses?.count == cache.count ? cache.inverses : nil
            for m in cache.count..<data.count {
                let column = kernel.covariances(Array(data.row(m)), rows: data.rows, count: m)
                if !cached.append(column: column, diagonal: diagonal + cache.jitter) { appended = false; break }
                if inverses != nil && !inverses!.append(column: column, diagonal: diagonal + cache.jitter) { inverses = nil }
                cache.count = m + 1
            }
            cache.rows = Array(data.rows.prefix(cache.count * data.width))
            cache.inverses = inverses?.count == cache.count ? inverses : nil
            if appended { return (cached.copy(), cache.jitter, cache.inverses) }
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
                    cache.inverses = nil
                }
                return (factor, jitter, nil)
            }
            jitter = jitter == 0 ? 1e-10 * diagonal : jitter * 100
            if jitter > jitterLimit * diagonal { return nil }
        }
    }

    /// K (n × n, row-major) without the diagonal noise: k(x_a, x_b) off the diagonal, s on it.
    static func covarianceMatrix(data: GPData, kernel: MaternKernel) -> [Double] {
        let n = data.count
        var matrix = [Double](repeating: 0, count: n * n)
        let rows = data.rows.span
        for a in 0..<n {
            matrix[a * n + a] = kernel.signalVariance
            let x = rows.extracting((a * data.width)..<((a + 1) * data.width))
            for b in 0..<a {
                let k = kernel.signalVariance * MaternKernel.matern(kernel.squaredDistance(x, rows, row: b))
                matrix[a * n + b] = k
                matrix[b * n + a] = k
            }
        }
        return matrix
    }

    // MARK: - Posterior

    /// Points whose products with L⁻¹ are taken in one pass (``meansAndVariances(_:count:)``).
    static let pointBlock = 64

    /// μ and σ² at each of `count` points (row-major, D features each).
    ///
    /// - Precondition: the inverses were formed.
    /// - Complexity: O(count·n·(D + n/2)): per point the covariances, a dot product with α and
    ///   the product with L⁻¹ (the products of ``pointBlock`` points in one pass,
    ///   ``GPProducts/lowerProducts(_:_:into:n:m:path:)``); O(n·pointBlock) memory.
    func meansAndVariances(_ points: [Double], count: Int) -> (means: [Double], variances: [Double]) {
        let n = data.count, width = data.width
        guard let inverses else { preconditionFailure("the posterior needs the inverses") }
        var means = [Double](repeating: 0, count: count)
        var variances = [Double](repeating: 0, count: count)
        let block = Self.pointBlock
        var kBuffer = [Double](repeating: 0, count: block * n)
        var vBuffer = [Double](repeating: 0, count: block * n)
        var row = [Double](repeating: 0, count: n)
        let s = kernel.signalVariance
        let points = points.span, columns = self.columns.span, scales = kernel.featureScales.span
        let alpha = self.alpha.span, factor = inverses.factor.span
        for first in stride(from: 0, to: count, by: block) {
            let m = min(block, count - first)
            do {
                var k = kBuffer.mutableSpan, kx = row.mutableSpan
                precondition(k.count == block * n && kx.count == n, "one covariance per point and data point")
                for j in 0..<m {
                    let i = first + j
                    GPProducts.squaredDistances(points.extracting((i * width)..<((i + 1) * width)), columns: columns, count: n,
                                                width: width, scales: scales, into: &kx)
                    for a in 0..<n {
                        kx[unchecked: a] = s * MaternKernel.matern(kx[unchecked: a])
                        k[unchecked: j * n + a] = kx[unchecked: a]
                    }
                    means[i] = GPProducts.dot(kx.span, alpha, count: n)
                }
            }
            var v = vBuffer.mutableSpan
            GPProducts.lowerProducts(factor, kBuffer.span, into: &v, n: n, m: m)
            let products = v.span
            for j in 0..<m {
                let vj = products.extracting((j * n)..<((j + 1) * n))
                variances[first + j] = max(s - GPProducts.dot(vj, vj, count: n), 0)
            }
        }
        return (means, variances)
    }

    /// The intermediate results of the last point whose posterior was computed, so that the
    /// derivatives asked next at the same point (as GSL's line search does after a value)
    /// reuse the covariances and the product with L⁻¹; its buffers serve every point of a
    /// local search, so a posterior allocates nothing but its results.
    final class Scratch {
        var point: [Double] = []
        var k: [Double] = []
        var v: [Double] = []
        /// 2s·M'(d²) per data point.
        var slopes: [Double] = []
        /// C⁻¹k_x, for the derivatives.
        var weights: [Double] = []
        var mean = 0.0
        var sum = 0.0

        /// Makes every buffer n long, invalidating the point held.
        func prepare(count n: Int) {
            guard k.count != n else { return }
            point = []
            k = [Double](repeating: 0, count: n)
            v = k
            slopes = k
            weights = k
        }
    }

    /// μ, σ² and their derivatives with respect to the features `features` at one point.
    ///
    /// - Parameters:
    ///   - scratch: where the intermediate results are kept between calls (a new one when nil).
    /// - Precondition: the inverses were formed.
    /// - Complexity: O(n·(D + n/2)) for the values (nothing when `scratch` holds this point),
    ///   O(n·(D + n/2)) more for the derivatives (C⁻¹k_x = L⁻ᵀ(L⁻¹k_x) by a second product).
    func posterior(at x: [Double], features: [Int], scratch: Scratch? = nil) -> (mean: Double, variance: Double, meanGradient: [Double], varianceGradient: [Double]) {
        let n = data.count
        guard let inverses else { preconditionFailure("the posterior needs the inverses") }
        let scratch = scratch ?? Scratch()
        scratch.prepare(count: n)
        // The slopes cost one product per point more than k, so a value keeps them for the
        // derivatives that may follow.
        if scratch.point != x {
            scratch.point = x
            (scratch.mean, scratch.sum) = values(at: x, factor: inverses.factor, k: &scratch.k, slopes: &scratch.slopes, v: &scratch.v)
        }
        let mean = scratch.mean
        let rawVariance = kernel.signalVariance - scratch.sum
        var meanGradient = [Double](repeating: 0, count: features.count)
        var varianceGradient = [Double](repeating: 0, count: features.count)
        guard !features.isEmpty else { return (mean, max(rawVariance, 0), meanGradient, varianceGradient) }
        addGradients(at: x, features: features, factor: inverses.factor, v: scratch.v, slopes: scratch.slopes, weights: &scratch.weights,
                     meanGradient: &meanGradient, varianceGradient: &varianceGradient)
        if rawVariance <= 0 { varianceGradient = [Double](repeating: 0, count: features.count) }
        return (mean, max(rawVariance, 0), meanGradient, varianceGradient)
    }

    /// At x: k_x into `k` and 2s·M'(d²) into `slopes` (from the same r and e^(−r)), v = L⁻¹k_x
    /// into `v` (`factor` is L⁻¹); returns μ = k_xᵀα and vᵀv.
    ///
    /// - Complexity: O(n·(D + n/2)).
    private func values(at x: [Double], factor: [Double], k: inout [Double], slopes: inout [Double], v: inout [Double]) -> (mean: Double, sum: Double) {
        let n = data.count, s = kernel.signalVariance
        var kx = k.mutableSpan, slope = slopes.mutableSpan, lk = v.mutableSpan
        precondition(kx.count == n && slope.count == n, "one covariance and one slope per data point")
        // d² first (into k), then k and 2s·M'(d²) from the same r and e^(−r).
        GPProducts.squaredDistances(x.span, columns: columns.span, count: n, width: data.width, scales: kernel.featureScales.span, into: &kx)
        for a in 0..<n {
            let r = (5 * kx[unchecked: a]).squareRoot()
            let e = exp(-r)
            kx[unchecked: a] = s * ((1 + r + r * r / 3) * e)
            slope[unchecked: a] = 2 * s * (-(5.0 / 6.0) * (1 + r) * e)
        }
        let mean = GPProducts.dot(kx.span, alpha.span, count: n)
        GPProducts.lowerProduct(factor.span, kx.span, into: &lk, n: n)
        return (mean, GPProducts.dot(lk.span, lk.span, count: n))
    }

    /// Adds the derivatives of μ and σ² with respect to `features` at x to the two gradients
    /// (zero on entry), from v = L⁻¹k_x and the slopes 2s·M'(d²) of ``values(at:factor:k:slopes:v:)``;
    /// `weights` receives C⁻¹k_x = L⁻ᵀv (`factor` is L⁻¹).
    ///
    /// ∂k(x, x_a)/∂x_f = 2 s M'(d²) c_f (x_f − x_{a,f}), so with m_a = α_a·2sM' and
    /// w_a = (C⁻¹k_x)_a·2sM': ∂μ/∂x_f = c_f Σ_a m_a (x_f − x_{a,f}) and
    /// ∂σ²/∂x_f = −2 c_f Σ_a w_a (x_f − x_{a,f}).
    ///
    /// - Complexity: O(n·(n/2 + F)) for F features.
    private func addGradients(at x: [Double], features: [Int], factor: [Double], v: [Double], slopes: [Double], weights: inout [Double],
                              meanGradient: inout [Double], varianceGradient: inout [Double]) {
        let n = data.count, width = data.width
        do {
            var out = weights.mutableSpan
            GPProducts.lowerTransposedProduct(factor.span, v.span, into: &out, n: n)
        }
        let point = x.span, rows = data.rows.span, scales = kernel.featureScales.span
        let alpha = self.alpha.span, cw = weights.span, slope = slopes.span
        var meanSums = meanGradient.mutableSpan, varianceSums = varianceGradient.mutableSpan
        precondition(alpha.count == n && cw.count == n && slope.count == n, "one weight and one slope per data point")
        let count = features.count, first = features[0]
        if features.indices.allSatisfy({ features[$0] == first + $0 }) {
            // The same sums, two features per instruction.
            GPProducts.addScaledDifferences(alpha: alpha, weights: cw, slopes: slope, x: point, rows: rows, n: n, width: width,
                                            first: first, count: count, to: &meanSums, &varianceSums)
        } else {
            for a in 0..<n {
                let m = alpha[unchecked: a] * slope[unchecked: a], w = cw[unchecked: a] * slope[unchecked: a]
                for i in 0..<count {
                    let difference = point[features[i]] - rows[a * width + features[i]]
                    meanSums[i] += m * difference
                    varianceSums[i] += w * difference
                }
            }
        }
        for i in 0..<count {
            meanSums[i] *= scales[features[i]]
            varianceSums[i] *= -2 * scales[features[i]]
        }
    }
}
