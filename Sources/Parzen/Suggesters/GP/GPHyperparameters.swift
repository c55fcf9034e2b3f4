import Foundation

/// The kernel's hyperparameters in the log coordinates they are optimised in (docs/gp.md §3):
/// θ = (ln λ_1 … ln λ_G, ln s, ln(σ² − σ²_min)), the last only when the noise is learned.
struct GPHyperparameters: Sendable, Equatable {
    /// σ²_min, the noise floor (Optuna's `DEFAULT_MINIMUM_NOISE_VAR`).
    static let minimumNoiseVariance = 1e-6

    /// θ.
    var vector: [Double]
    /// G, the number of length scales.
    let groupCount: Int
    /// True when θ holds the noise (`noise: learned`).
    let learnsNoise: Bool

    /// λ_j = 1, s = 1, σ² = 1 (σ² = σ²_min when the noise is fixed): Optuna's unfitted default.
    static func defaults(groupCount: Int, learnsNoise: Bool) -> GPHyperparameters {
        var vector = [Double](repeating: 0, count: groupCount + 1)
        if learnsNoise { vector.append(log(1 - minimumNoiseVariance)) }
        return GPHyperparameters(vector: vector, groupCount: groupCount, learnsNoise: learnsNoise)
    }

    var inverseSquaredLengthScales: [Double] { vector[0..<groupCount].map { exp($0) } }
    var signalVariance: Double { exp(vector[groupCount]) }
    var noiseVariance: Double {
        learnsNoise ? Self.minimumNoiseVariance + exp(vector[groupCount + 1]) : Self.minimumNoiseVariance
    }

    /// −ln p(θ) without normalisers, and its gradient in θ: Optuna 5.1.0's `default_log_prior`
    /// (length scales exp(−0.1/λ − 0.1λ), s ~ Gamma(2, 1), σ² ~ Gamma(1.1, 30)).
    func negativeLogPrior(gradient: inout [Double]) -> Double {
        var value = 0.0
        for j in 0..<groupCount {
            let lambda = exp(vector[j])
            value += 0.1 / lambda + 0.1 * lambda
            gradient[j] += 0.1 * lambda - 0.1 / lambda
        }
        let s = signalVariance
        value -= log(s) - s
        gradient[groupCount] += s - 1
        let noise = noiseVariance
        value -= 0.1 * log(noise) - 30 * noise
        if learnsNoise {
            gradient[groupCount + 1] -= (0.1 / noise - 30) * exp(vector[groupCount + 1])
        }
        return value
    }
}
