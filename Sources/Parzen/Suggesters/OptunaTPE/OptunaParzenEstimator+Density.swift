import Foundation
import GSLKit

extension OptunaParzenEstimator {
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
        precondition(points.count == dimensions.count, "one point column per dimension")
        let componentCount = weights.count
        var result = [Double](repeating: 0, count: count)
        for j in 0..<count {
            accumulator.removeAll(keepingCapacity: true)
            accumulator.append(contentsOf: logWeights)
            var outside = false
            for (d, dimension) in dimensions.enumerated() {
                let x = points[d][j]
                let kernels = kernels[d]
                switch dimension.kind {
                case .categorical(let options):
                    let option = Int(x)
                    for k in 0..<componentCount { accumulator[k] += kernels.logRows[k * options + option] }
                case .continuous:
                    let u = dimension.working(x)
                    if u < dimension.workingLow || u > dimension.workingHigh { outside = true; break }
                    Self.addContinuousTerms(u, mus: kernels.mus, inverseSigmas: kernels.inverseSigmas,
                                            logNormalizers: kernels.logNormalizers, into: &accumulator)
                case .discrete(let step):
                    let left = dimension.working(x - step / 2), right = dimension.working(x + step / 2)
                    for k in 0..<componentCount {
                        let mass = Self.logMass((left - kernels.mus[k]) * kernels.inverseSigmas[k],
                                                (right - kernels.mus[k]) * kernels.inverseSigmas[k])
                        accumulator[k] += mass - kernels.logNormalizers[k]
                    }
                }
            }
            result[j] = outside ? -.infinity : Self.logSumExp(accumulator)
        }
        return result
    }

    /// Adds each kernel's log density at u, −½((u − μ_k)/σ_k)² − log(σ_k·√(2π)·Z_k), to
    /// `accumulator[k]` (the innermost loop of the densities, kept free of other work).
    @inline(__always)
    static func addContinuousTerms(_ u: Double, mus: [Double], inverseSigmas: [Double], logNormalizers: [Double],
                                   into accumulator: inout [Double]) {
        let count = accumulator.count
        precondition(mus.count == count && inverseSigmas.count == count && logNormalizers.count == count)
        // Buffers without bounds checks, so the compiler vectorizes the loop; the counts are
        // checked above.
        accumulator.withUnsafeMutableBufferPointer { sums in
            mus.withUnsafeBufferPointer { mus in
                inverseSigmas.withUnsafeBufferPointer { inverseSigmas in
                    logNormalizers.withUnsafeBufferPointer { logNormalizers in
                        for k in 0..<count {
                            let z = (u - mus[k]) * inverseSigmas[k]
                            sums[k] -= 0.5 * z * z + logNormalizers[k]
                        }
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
