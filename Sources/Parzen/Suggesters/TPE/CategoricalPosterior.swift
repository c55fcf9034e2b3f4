import Foundation
import GSLKit

/// hyperopt's posterior for the categorical kinds (`ap_randint_sampler`,
/// `ap_categorical_sampler`, `tpe_cat_pseudocounts`; docs/tpe.md §2.7).
///
/// With c_v the linear-forgetting-weighted count of observations equal to category v:
///
/// - `choice` and `randint` (K values): p_v = (c_v + w_p) / Σ_u (c_u + w_p);
/// - `pchoice` with prior probabilities π: p_v ∝ c_v + K·w_p·π_v.
struct CategoricalPosterior: Equatable {
    /// The normalised probability of each category, index order.
    let probabilities: [Double]
    /// log of ``probabilities``.
    let logProbabilities: [Double]
    private let cumulative: [Double]

    /// Builds the posterior.
    ///
    /// - Parameters:
    ///   - observations: category indices (value − offset for `randint(low, high)`), oldest
    ///     first; values that are not an index in 0..<count are ignored.
    ///   - count: K, the number of categories.
    ///   - prior: π for `pchoice`; nil for `choice` and `randint` (uniform pseudo-counts).
    ///   - priorWeight: w_p.
    ///   - flat: the linear-forgetting length (25 in hyperopt).
    /// - Complexity: O(n + K).
    init(observations: [Double], count: Int, prior: [Double]?, priorWeight: Double, flat: Int = ParzenEstimator.defaultFlat) {
        let forgetting = ParzenEstimator.linearForgettingWeights(count: observations.count, flat: flat)
        var counts = [Double](repeating: 0, count: count)
        for (i, value) in observations.enumerated() {
            guard let v = Int(exactly: value), v >= 0, v < count else { continue }
            counts[v] += forgetting[i]
        }
        var pseudo = counts
        if let prior {
            for v in 0..<count { pseudo[v] += Double(count) * (priorWeight * prior[v]) }
        } else {
            for v in 0..<count { pseudo[v] += priorWeight }
        }
        var total = 0.0
        for p in pseudo { total += p }
        var cumulative = [Double](repeating: 0, count: count)
        var running = 0.0
        for v in 0..<count {
            pseudo[v] /= total
            running += pseudo[v]
            cumulative[v] = running
        }
        probabilities = pseudo
        logProbabilities = pseudo.map { log($0) }
        self.cumulative = cumulative
    }

    /// One category index, drawn by inverting the cumulative probabilities (binary search).
    ///
    /// - Complexity: O(log K).
    /// - Determinism: exactly one uniform draw.
    func draw(using rng: MersenneTwister) -> Int {
        let u = rng.uniform() * cumulative[cumulative.count - 1]
        // The first v with cumulative[v] > u.
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > u { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
