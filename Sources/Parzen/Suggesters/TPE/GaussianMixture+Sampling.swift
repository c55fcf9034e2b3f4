import Foundation
import GSLKit

extension GaussianMixture {
    // MARK: - Sampling

    /// Draws from the mixture as hyperopt's `GMM1` / `LGMM1` do (see ``Sampler``).
    func sampler() -> Sampler { Sampler(self) }

    /// Prepared draws from a mixture: pick component k with probability ∝ w_k·Z_k (Z_k its mass
    /// inside the bounds; 1 when unbounded), draw from N(μ_k, σ_k) truncated to [low, high) by
    /// inversion, exponentiate for the log-normal family, then quantize (half to even).
    ///
    /// This is exactly the distribution of hyperopt's rejection loop (redraw component and value
    /// until the value is in bounds), without the loop.
    struct Sampler {
        private let mixture: GaussianMixture
        private let cumulative: [Double]

        init(_ mixture: GaussianMixture) {
            self.mixture = mixture
            var cumulative = [Double](repeating: 0, count: mixture.weights.count)
            var running = 0.0
            for k in 0..<mixture.weights.count {
                var p = mixture.weights[k]
                if let (low, high) = mixture.bounds {
                    p *= TruncatedNormal.mass(mean: mixture.means[k], sd: mixture.sigmas[k], low: low, high: high)
                }
                running += p
                cumulative[k] = running
            }
            self.cumulative = cumulative
        }

        /// One draw, in the original space.
        ///
        /// - Determinism: consumes one uniform draw for the component, then one uniform draw
        ///   (bounded) or one GSL Gaussian draw (unbounded).
        func draw(using rng: MersenneTwister) -> Double {
            let total = cumulative[cumulative.count - 1]
            let u = rng.uniform() * total
            var k = 0
            while k < cumulative.count - 1 && !(cumulative[k] > u) { k += 1 }
            let mu = mixture.means[k], sigma = mixture.sigmas[k]
            var z: Double
            if let (low, high) = mixture.bounds {
                z = TruncatedNormal.draw(mean: mu, sd: sigma, low: low, high: high, using: rng)
            } else {
                z = rng.gaussian(mean: mu, sd: sigma)
            }
            if mixture.family == .logNormal { z = exp(z) }
            if let q = mixture.quantum { z = z.quantized(by: q) }
            return z
        }
    }
}
