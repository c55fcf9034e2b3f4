import Foundation
import GSLKit

extension OptunaParzenEstimator {
    /// Points read the way the component terms read them: per point (point-major) and dimension,
    /// the working value (continuous), the working interval's ends (discrete: ln of x ∓ step/2 for
    /// log dimensions) or the option index (categorical).
    struct PreparedPoints {
        let count: Int
        /// The working value, the interval's left end, or the option, at j·d + dimension.
        var lower: [Double]
        /// The interval's right end (discrete dimensions; unused for the others), at j·d + dimension.
        var upper: [Double]
        /// Whether point j lies outside a continuous dimension's working range (density 0).
        var outside: [Bool]
    }

    /// The points (one column per dimension of external values, each of length `count`) made
    /// ready for ``logTerms(of:in:range:into:)``.
    ///
    /// - Complexity: O(count·d).
    func prepare(_ points: [[Double]], count: Int) -> PreparedPoints {
        precondition(points.count == dimensions.count, "one point column per dimension")
        let d = dimensions.count
        var lower = [Double](repeating: 0, count: count * d), upper = lower
        var outside = [Bool](repeating: false, count: count)
        for (i, dimension) in dimensions.enumerated() {
            let column = points[i]
            for j in 0..<count {
                let x = column[j]
                switch dimension.kind {
                case .categorical:
                    lower[j * d + i] = x
                case .continuous:
                    let u = dimension.working(x)
                    if u < dimension.workingLow || u > dimension.workingHigh { outside[j] = true }
                    lower[j * d + i] = u
                case .discrete(let step):
                    lower[j * d + i] = dimension.working(x - step / 2)
                    upper[j * d + i] = dimension.working(x + step / 2)
                }
            }
        }
        return PreparedPoints(count: count, lower: lower, upper: upper, outside: outside)
    }

    /// The mixture's log density at each point, as Optuna's `_MixtureOfProductDistribution.log_pdf`:
    /// logsumexp over components k of log w_k + Σ_d log p_{k,d}(x_d), where a continuous kernel
    /// contributes its truncated normal log density in working coordinates (no 1/x Jacobian for
    /// log dimensions, as Optuna), a discrete kernel the log of its mass on [x − step/2,
    /// x + step/2] (in ln for log dimensions) over its mass on the working interval, and a
    /// categorical kernel the log of its row entry.
    ///
    /// - Parameters:
    ///   - points: one column per dimension of external values, each of length `count`.
    ///   - accumulator: scratch space, reused across calls to spare an allocation.
    /// - Returns: `count` log densities; −∞ for a point outside a continuous dimension's range.
    /// - Complexity: O(count·K·d) for K components, two CDF evaluations per term of a discrete
    ///   dimension.
    func logDensities(_ points: [[Double]], count: Int, accumulator: inout [Double]) -> [Double] {
        let prepared = prepare(points, count: count)
        return (0..<count).map { logDensity(of: $0, in: prepared, accumulator: &accumulator) }
    }

    /// The mixture's log density at prepared point j (see ``logDensities(_:count:accumulator:)``),
    /// leaving every component's term in `accumulator` (unless the point is outside).
    ///
    /// - Complexity: O(K·d).
    func logDensity(of j: Int, in points: PreparedPoints, accumulator: inout [Double]) -> Double {
        if points.outside[j] { return -.infinity }
        let componentCount = weights.count
        if accumulator.count != componentCount {
            accumulator = [Double](repeating: 0, count: componentCount)
        }
        accumulator.withUnsafeMutableBufferPointer { terms in
            logTerms(of: j, in: points, range: 0..<componentCount, into: terms.baseAddress!)
        }
        return Self.logSumExp(accumulator)
    }

    /// Writes log w_k + Σ_d log p_{k,d}(x_j) for the components k in `range` to
    /// `terms[k − range.lowerBound]`, the dimensions added in order: the only arithmetic the
    /// densities do per component, so a term computed here for a few components has the bits of
    /// the same term in a whole density.
    ///
    /// - Complexity: O(|range|·d).
    func logTerms(of j: Int, in points: PreparedPoints, range: Range<Int>, into terms: UnsafeMutablePointer<Double>) {
        let n = range.count, first = range.lowerBound, d = dimensions.count
        logWeights.withUnsafeBufferPointer { logWeights in
            for i in 0..<n { terms[i] = logWeights[first + i] }
        }
        for (i, dimension) in dimensions.enumerated() {
            let x = points.lower[j * d + i]
            switch dimension.kind {
            case .categorical(let options):
                let option = Int(x)
                kernels[i].logRows.withUnsafeBufferPointer { logRows in
                    for k in 0..<n { terms[k] += logRows[(first + k) * options + option] }
                }
            case .continuous:
                Self.addContinuousTerms(x, kernels[i], range: range, into: terms)
            case .discrete:
                let right = points.upper[j * d + i]
                let kernels = kernels[i]
                for k in 0..<n {
                    let c = first + k
                    let mass = Self.logMass((x - kernels.mus[c]) * kernels.inverseSigmas[c],
                                            (right - kernels.mus[c]) * kernels.inverseSigmas[c])
                    terms[k] += mass - kernels.logNormalizers[c]
                }
            }
        }
    }

    /// log w_k + Σ_d log p_{k,d}(x_j) for one component: the arithmetic of
    /// ``logTerms(of:in:range:into:)``, bit for bit.
    ///
    /// - Complexity: O(d).
    func logTerm(_ k: Int, of j: Int, in points: PreparedPoints) -> Double {
        let d = dimensions.count
        var term = logWeights[k]
        for (i, dimension) in dimensions.enumerated() {
            let x = points.lower[j * d + i]
            switch dimension.kind {
            case .categorical(let options):
                term += kernels[i].logRows[k * options + Int(x)]
            case .continuous:
                let z = (x - kernels[i].mus[k]) * kernels[i].inverseSigmas[k]
                term -= 0.5 * z * z + kernels[i].logNormalizers[k]
            case .discrete:
                let right = points.upper[j * d + i]
                let mass = Self.logMass((x - kernels[i].mus[k]) * kernels[i].inverseSigmas[k],
                                        (right - kernels[i].mus[k]) * kernels[i].inverseSigmas[k])
                term += mass - kernels[i].logNormalizers[k]
            }
        }
        return term
    }

    /// Adds each kernel's log density at u, −½((u − μ_k)/σ_k)² − log(σ_k·√(2π)·Z_k), to
    /// `terms[k − range.lowerBound]` for k in `range` (the innermost loop of the densities, kept
    /// free of other work).
    @inline(__always)
    static func addContinuousTerms(_ u: Double, _ kernels: Kernels, range: Range<Int>, into sums: UnsafeMutablePointer<Double>) {
        precondition(range.upperBound <= kernels.mus.count && range.upperBound <= kernels.inverseSigmas.count
            && range.upperBound <= kernels.logNormalizers.count && range.lowerBound >= 0)
        let count = range.count, first = range.lowerBound
        // Buffers without bounds checks, so the compiler vectorizes the loop; the counts are
        // checked above.
        kernels.mus.withUnsafeBufferPointer { mus in
            kernels.inverseSigmas.withUnsafeBufferPointer { inverseSigmas in
                kernels.logNormalizers.withUnsafeBufferPointer { logNormalizers in
                    let mus = mus.baseAddress! + first, inverseSigmas = inverseSigmas.baseAddress! + first
                    let logNormalizers = logNormalizers.baseAddress! + first
                    for k in 0..<count {
                        let z = (u - mus[k]) * inverseSigmas[k]
                        sums[k] -= 0.5 * z * z + logNormalizers[k]
                    }
                }
            }
        }
    }

    /// log Σ exp(values), shifted by the largest value (by 0 when every value is −∞); NaN
    /// values are passed over.
    ///
    /// The largest value is found four lanes at a time, and the sum skips whole groups of four
    /// that hold no term within e⁵⁰ of the largest; the terms kept are added one by one in index
    /// order, so the result is that of the plain loops bit for bit.
    static func logSumExp(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { v in
            let n = v.count, whole = n & ~3
            var lanes = SIMD4<Double>(repeating: -.infinity)
            var k = 0
            while k < whole {
                let x = SIMD4(v[k], v[k + 1], v[k + 2], v[k + 3])
                lanes.replace(with: x, where: x .> lanes)
                k += 4
            }
            var largest = -Double.infinity
            for i in 0..<4 where lanes[i] > largest { largest = lanes[i] }
            for i in whole..<n where v[i] > largest { largest = v[i] }
            if largest == -.infinity { largest = 0 }
            // A term below e^−50 of the largest adds less than 2e−22 to a sum ≥ 1: even a thousand
            // of them stay below half an ulp, so they are skipped (most of a long history's terms).
            var sum = 0.0
            let shift = SIMD4<Double>(repeating: largest), floor = SIMD4<Double>(repeating: -50)
            k = 0
            while k < whole {
                let x = SIMD4(v[k], v[k + 1], v[k + 2], v[k + 3]) - shift
                let kept = x .> floor
                if any(kept) {
                    for i in 0..<4 where kept[i] { sum += exp(x[i]) }
                }
                k += 4
            }
            for i in whole..<n where v[i] - largest > -50 { sum += exp(v[i] - largest) }
            return Foundation.log(sum) + largest
        }
    }
}
