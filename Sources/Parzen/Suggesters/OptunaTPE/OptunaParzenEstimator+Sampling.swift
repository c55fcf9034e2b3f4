import Foundation
import GSLKit

extension OptunaParzenEstimator {
    /// Draws `count` points from the mixture, as Optuna's `_MixtureOfProductDistribution.sample`:
    /// one component per point for **all** dimensions (which makes the model joint), then each
    /// categorical dimension's option from that component's row, then each numeric dimension
    /// from that component's truncated normal, exponentiated for log dimensions and rounded half
    /// to even onto the lattice for discrete ones.
    ///
    /// - Returns: one column per dimension of external values (option indexes for categorical
    ///   dimensions), and each point's component.
    /// - Complexity: O(count·(log K + d + Σ categories)).
    /// - Determinism: consumes `count` uniforms for the components, then `count` per categorical
    ///   dimension, then `count` per numeric dimension (one ``TruncatedNormal/draw(mean:sd:low:high:using:)``
    ///   each), dimensions in order.
    func sample(count: Int, using rng: MersenneTwister) -> (points: [[Double]], components: [Int]) {
        var cumulative = [Double](repeating: 0, count: weights.count)
        var running = 0.0
        for k in weights.indices {
            running += weights[k]
            cumulative[k] = running
        }
        for k in cumulative.indices { cumulative[k] /= running }
        var components = [Int](repeating: 0, count: count)
        for j in 0..<count {
            components[j] = Self.countNotAbove(rng.uniform(), in: cumulative)
        }
        var columns = [[Double]](repeating: [], count: dimensions.count)
        for (d, dimension) in dimensions.enumerated() where dimension.isCategorical {
            guard case .categorical(let options) = dimension.kind else { continue }
            let rows = kernels[d].rows
            var column = [Double](repeating: 0, count: count)
            for j in 0..<count {
                let v = rng.uniform()
                // The first option whose cumulative probability reaches v (the last forced to 1).
                var option = 0, total = 0.0
                let base = components[j] * options
                while option < options - 1 {
                    total += rows[base + option]
                    if total >= v { break }
                    option += 1
                }
                column[j] = Double(option)
            }
            columns[d] = column
        }
        for (d, dimension) in dimensions.enumerated() where !dimension.isCategorical {
            let kernels = kernels[d]
            var column = [Double](repeating: 0, count: count)
            for j in 0..<count {
                let k = components[j]
                let u = TruncatedNormal.draw(
                    mean: kernels.mus[k], sd: kernels.sigmas[k], low: dimension.workingLow, high: dimension.workingHigh, using: rng)
                column[j] = dimension.external(fromWorking: u)
            }
            columns[d] = column
        }
        return (columns, components)
    }

    /// The number of entries of the ascending `cumulative` that are ≤ u (NumPy's
    /// `searchsorted(side: "right")`), at most `cumulative.count − 1`.
    static func countNotAbove(_ u: Double, in cumulative: [Double]) -> Int {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] <= u { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
