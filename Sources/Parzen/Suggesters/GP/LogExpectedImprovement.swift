import Foundation
import GSLKit

/// ln h(z), h(z) = φ(z) + z·Φ(z), in the numerically stable form of Ament et al. 2023
/// (docs/gp.md §5): directly for z > −5, and through Laplace's continued fraction of Mills'
/// ratio below, where h(z) = φ(t)·q(t)·R(t) with t = −z and no subtraction.
enum LogExpectedImprovement {
    /// Below this z the continued fraction is used.
    static let switchPoint = -5.0
    /// Levels of the continued fraction, evaluated from the bottom (exact to rounding for t ≥ 5).
    static let depth = 60
    static let logSqrtTwoPi = 0.5 * log(2 * Double.pi)

    /// (q(t), R(t)) with R(t) = 1/(t + 1/(t + 2/(t + …))) = Φ(−t)/φ(t) and
    /// q(t) = 1/(t + 2/(t + 3/(t + …))), so that 1 − t·R(t) = q(t)·R(t).
    static func millsFractions(_ t: Double) -> (q: Double, r: Double) {
        var tail = t
        for level in stride(from: depth, through: 2, by: -1) { tail = t + Double(level) / tail }
        let q = 1 / tail
        return (q, 1 / (t + q))
    }

    /// ln h(z); −∞ never occurs for finite z.
    static func logH(_ z: Double) -> Double {
        if z > switchPoint {
            let phi = exp(-0.5 * z * z - logSqrtTwoPi)
            return log(phi + z * NormalDistribution.cdf(z))
        }
        let t = -z
        let (q, r) = millsFractions(t)
        return -0.5 * t * t - logSqrtTwoPi + log(q) + log(r)
    }

    /// d ln h/dz = Φ(z)/h(z) (h' = Φ); 1/q(t) below the switch point.
    static func logHSlope(_ z: Double) -> Double {
        if z > switchPoint {
            let phi = exp(-0.5 * z * z - logSqrtTwoPi)
            let cdf = NormalDistribution.cdf(z)
            return cdf / (phi + z * cdf)
        }
        return 1 / millsFractions(-z).q
    }
}

/// The acquisition function of a ``GP`` on the standardised scale (larger is better), as a
/// function of the posterior mean and variance at a point.
enum GPAcquisition: Sendable {
    /// ln EI against the best observed value f₀.
    case logEI(best: Double)
    /// μ + √β·σ.
    case ucb(beta: Double)

    /// The variance floor under the square root (Optuna's 1e−12).
    static let varianceFloor = 1e-12

    /// The value at (μ, σ²).
    func value(mean: Double, variance: Double) -> Double {
        let sd = (variance + Self.varianceFloor).squareRoot()
        switch self {
        case .logEI(let best):
            return LogExpectedImprovement.logH((mean - best) / sd) + log(sd)
        case .ucb(let beta):
            return mean + beta.squareRoot() * sd
        }
    }

    /// The value and its partial derivatives with respect to μ and σ².
    func valueAndSlopes(mean: Double, variance: Double) -> (value: Double, dMean: Double, dVariance: Double) {
        let sd = (variance + Self.varianceFloor).squareRoot()
        switch self {
        case .logEI(let best):
            let z = (mean - best) / sd
            let g = LogExpectedImprovement.logHSlope(z)
            return (LogExpectedImprovement.logH(z) + log(sd), g / sd, (1 - g * z) / (2 * sd * sd))
        case .ucb(let beta):
            let root = beta.squareRoot()
            return (mean + root * sd, 1, root / (2 * sd))
        }
    }
}
