import Foundation

extension GaussianMixture {
    // MARK: - Log-density

    /// The log-density (or, for quantized mixtures, log-probability mass) of `x`, a value in the
    /// original space, exactly as hyperopt's `GMM1_lpdf` / `LGMM1_lpdf` define it:
    ///
    /// - Gaussian, no q: log Σ w_k φ(x; μ_k, σ_k) − log p_accept.
    /// - Gaussian with q: log Σ w_k [Φ_k(min(x+q/2, high)) − Φ_k(max(x−q/2, low))] − log p_accept.
    /// - Log-normal, no q: log Σ w_k LN(x; μ_k, σ_k), **without** p_accept (hyperopt's quirk).
    /// - Log-normal with q: the CDF difference over [max(0, x−q/2, e^low), min(x+q/2, e^high)] in
    ///   ln-space, − log p_accept.
    ///
    /// Returns −∞ where the density or mass is 0. CDF differences are computed in the tail they
    /// lie in (more accurate than hyperopt's `0.5·(1+erf)`).
    ///
    /// - Complexity: O(components within ``cutoff`` sigmas of x + log k) for large sorted
    ///   mixtures; O(k) otherwise.
    func logDensity(_ x: Double) -> Double {
        if let q = quantum {
            return logMass(x, q: q)
        }
        switch family {
        case .gaussian:
            return logSumDensity(at: x) - logAcceptance
        case .logNormal:
            guard x > 0 else { return -.infinity }
            let y = log(x)
            return logSumDensity(at: y) - y
        }
    }

    /// A cheap lower bound on ``logDensity(_:)`` for large windowed mixtures without a quantum
    /// (at least ``boundThreshold`` components); nil otherwise, where no bound is cheaper than
    /// the density itself.
    ///
    /// Sums, as the density does (``termSum(_:at:from:to:windowed:rough:)``, with the rougher
    /// exponential), the terms of the ``boundNeighbours`` components whose means lie nearest
    /// `x`: a subset of the non-negative terms the density sums. The sum is lowered by a relative
    /// margin (1e-7) far above the exponential's error and the rounding differences between the
    /// two sums, so the bound never exceeds the computed density.
    ///
    /// - Complexity: O(log k + ``boundNeighbours``).
    func logDensityLowerBound(_ x: Double) -> Double? {
        guard hasLowerBound, let window else { return nil }
        let y: Double
        switch family {
        case .gaussian:
            y = x
        case .logNormal:
            guard x > 0 else { return nil }
            y = log(x)
        }
        let count = means.count
        // The first component with mean ≥ y.
        var low = 0, high = count
        means.withUnsafeBufferPointer { mu in
            while low < high {
                let mid = (low &+ high) &>> 1
                if mu[mid] < y { low = mid &+ 1 } else { high = mid }
            }
        }
        // Components outside the density's window lie beyond the cutoff, where termSum counts
        // 0 for them too: no need to clip to the window.
        let first = max(0, low - Self.boundNeighbours / 2)
        let last = min(count, first + Self.boundNeighbours)
        guard first < last else { return nil }
        let partial = termSum(window.coefficients, at: y, from: first, to: last, windowed: true, rough: true).sum()
        guard partial > 1e-270 else { return nil }
        let logSum = log(partial) + Self.boundMargin
        return family == .gaussian ? logSum - logAcceptance : logSum - y
    }

    /// Whether ``logDensityLowerBound(_:)`` can give bounds.
    var hasLowerBound: Bool { window != nil && quantum == nil && means.count >= Self.boundThreshold }

    /// log(1 − 1e-7): the bound's relative margin, in log space; far above the error of
    /// ``roughNegativeExp(_:)`` (1.1e-8) plus rounding.
    static let boundMargin = log1p(-1e-7)
    /// How many components ``logDensityLowerBound(_:)`` sums.
    static let boundNeighbours = 32
    /// Smaller mixtures have no bound: their windows hold about as many components as the
    /// bound would sum, so bounding would cost more than it saves (measured: it pays at
    /// N = 1,000 and costs at N = 200).
    static let boundThreshold = 400

    /// Σ over components lo..<hi of coefficients_k · exp(−z_k²/2) at working-space point y, in
    /// four lanes: four at a time with ``negativeExp(_:)`` (``roughNegativeExp(_:)`` when
    /// `rough`), the rest into lane 0 with `exp`. When `windowed`, terms beyond ``cutoff`` sigmas
    /// count as 0 (the window's sums); otherwise every term counts (below e^−708 as e^−708).
    @inline(__always)
    private func termSum(_ coefficients: [Double], at y: Double, from lo: Int, to hi: Int, windowed: Bool, rough: Bool = false) -> SIMD4<Double> {
        let cc = Self.cutoff * Self.cutoff
        var acc = SIMD4<Double>.zero
        coefficients.withUnsafeBufferPointer { coef in
            means.withUnsafeBufferPointer { mu in
                inverseSigmas.withUnsafeBufferPointer { inv in
                    let ys = SIMD4<Double>(repeating: y)
                    let limit = SIMD4<Double>(repeating: cc)
                    // Positions lie in [lo, hi) ⊆ [0, count): wrapping arithmetic cannot wrap.
                    let muBase = UnsafeRawPointer(mu.baseAddress.unsafelyUnwrapped)
                    let invBase = UnsafeRawPointer(inv.baseAddress.unsafelyUnwrapped)
                    let coefBase = UnsafeRawPointer(coef.baseAddress.unsafelyUnwrapped)
                    var k = lo
                    while k &+ 4 <= hi {
                        let offset = k &* MemoryLayout<Double>.stride
                        let m = muBase.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        let i = invBase.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        let c = coefBase.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        let z = (ys - m) * i
                        let zz = z * z
                        let exponent = -0.5 * (windowed ? zz.replacing(with: cc, where: zz .> limit) : zz)
                        var term = c * (rough ? roughNegativeExp(exponent) : negativeExp(exponent))
                        if windowed { term.replace(with: 0, where: zz .>= limit) }
                        acc += term
                        k &+= 4
                    }
                    while k < hi {
                        let z = (y - mu[k]) * inv[k]
                        let zz = z * z
                        if !windowed || zz < cc { acc[0] += coef[k] * exp(-0.5 * zz) }
                        k &+= 1
                    }
                }
            }
        }
        return acc
    }

    /// log Σ_k coefficient_k · exp(−z_k²/2) at working-space point y.
    private func logSumDensity(at y: Double) -> Double {
        if let window {
            let (lo, hi) = windowRange(window, y, y)
            let prior = window.priorIndex
            // The prior (zero in the window's coefficients), exactly.
            let z = (y - means[prior]) * inverseSigmas[prior]
            let priorTerm = coefficients[prior] * exp(-0.5 * z * z)
            let sum = termSum(window.coefficients, at: y, from: lo, to: hi, windowed: true).sum() + priorTerm
            let skipped = Self.cutoffDensity * window.coefficientSum
            if sum > 1e-280 && skipped <= Self.tolerance * sum { return log(sum) }
        }
        return fullLogSumDensity(at: y)
    }

    private func fullLogSumDensity(at y: Double) -> Double {
        let sum = termSum(coefficients, at: y, from: 0, to: coefficients.count, windowed: false).sum()
        if sum > 1e-280 { return log(sum) }
        // Every term underflows or nearly: log-sum-exp.
        var top = -Double.infinity
        var terms = [Double](repeating: 0, count: coefficients.count)
        for k in 0..<coefficients.count {
            let z = (y - means[k]) * inverseSigmas[k]
            terms[k] = log(coefficients[k]) - 0.5 * z * z
            top = max(top, terms[k])
        }
        guard top > -.infinity else { return -.infinity }
        var total = 0.0
        for t in terms { total += exp(t - top) }
        return top + log(total)
    }

    private func logMass(_ x: Double, q: Double) -> Double {
        var upper = x + q / 2
        var lower = x - q / 2
        let yLow: Double, yHigh: Double
        switch family {
        case .gaussian:
            if let (low, high) = bounds {
                upper = min(upper, high)
                lower = max(lower, low)
            }
            guard upper > lower else { return -.infinity }
            yLow = lower; yHigh = upper
        case .logNormal:
            if let (low, high) = bounds {
                upper = min(upper, exp(high))
                lower = max(lower, exp(low))
            }
            lower = max(0, lower)
            guard upper > lower else { return -.infinity }
            yLow = log(max(lower, Self.eps)); yHigh = log(max(upper, Self.eps))
        }
        var mass = 0.0
        var done = false
        if let window {
            let (lo, hi) = windowRange(window, yLow, yHigh)
            let c = Self.cutoff
            for k in lo..<hi where k != window.priorIndex {
                let mu = means[k], inv = inverseSigmas[k]
                let a = (yLow - mu) * inv, b = (yHigh - mu) * inv
                if a > c || b < -c { continue }
                mass += weights[k] * standardNormalMass(a, b)
            }
            let p = window.priorIndex
            mass += weights[p] * standardNormalMass((yLow - means[p]) * inverseSigmas[p], (yHigh - means[p]) * inverseSigmas[p])
            // Each skipped component holds at most Q(c) < 1.2e-19 of its weight here.
            let skipped = 1.2e-19 * window.weightSum
            done = mass > 0 && skipped <= Self.tolerance * mass
        }
        if !done {
            mass = 0
            for k in 0..<weights.count {
                mass += weights[k] * standardNormalMass((yLow - means[k]) * inverseSigmas[k], (yHigh - means[k]) * inverseSigmas[k])
            }
        }
        guard mass > 0 else { return -.infinity }
        return log(mass) - logAcceptance
    }

    /// The components [lo, hi) that may lie within ``cutoff`` sigmas of [yLow, yHigh].
    private func windowRange(_ window: Window, _ yLow: Double, _ yHigh: Double) -> (Int, Int) {
        // lo: first k with reachRight[k] >= yLow.
        var low = 0, high = window.reachRight.count
        window.reachRight.withUnsafeBufferPointer { reach in
            while low < high {
                let mid = (low &+ high) &>> 1  // both in 0...count: no overflow
                if reach[mid] < yLow { low = mid + 1 } else { high = mid }
            }
        }
        let lo = low
        // hi: first k with reachLeft[k] > yHigh.
        low = lo; high = window.reachLeft.count
        window.reachLeft.withUnsafeBufferPointer { reach in
            while low < high {
                let mid = (low &+ high) &>> 1
                if reach[mid] <= yHigh { low = mid + 1 } else { high = mid }
            }
        }
        return (lo, low)
    }
}
