import Foundation
import GSLKit

extension SearchSpace {
    /// Draws one point from the prior, as hyperopt's `rand.suggest` does.
    ///
    /// Parameters are drawn in declaration order; a choice is drawn before its options'
    /// parameters, and only the parameters of the chosen branches are drawn, so the result
    /// holds exactly the active labels.
    ///
    /// - Parameter rng: the generator to draw from.
    /// - Returns: the stored values of the active labels.
    /// - Complexity: O(number of parameters).
    /// - Determinism: a pure function of the generator's state; draws one or two values per
    ///   active parameter in a fixed order.
    public func sample(using rng: MersenneTwister) -> Assignment {
        if !isConditional {
            // Every parameter is active: same draws, in the same order, without label lookups.
            return Assignment(uniqueLabels: labels, values: parameters.map { $0.distribution.sample(using: rng) })
        }
        var assignment = Assignment()
        for parameter in parameters where parameter.isActive(in: assignment) {
            assignment[parameter.label] = parameter.distribution.sample(using: rng)
        }
        return assignment
    }
}

extension Distribution {
    /// One draw from the prior, as the stored value (an option index for choice kinds).
    ///
    /// - Determinism: consumes a fixed number of draws per kind: one uniform or integer for the
    ///   uniform kinds and choice, GSL's Gaussian (polar method, variable) for the normal kinds,
    ///   one alias-table draw for pchoice.
    public func sample(using rng: MersenneTwister) -> Double {
        switch self {
        case .choice(let options):
            return Double(rng.uniformInt(below: options.count))
        case .pchoice(_, let probabilities):
            // Validated probabilities are positive and finite, so the table always builds.
            let table = try! DiscreteDistribution(weights: probabilities)
            return Double(table.draw(using: rng))
        case .randint(let low, let high):
            return Double(rng.uniformInt(in: low..<high))
        case .uniform(let low, let high):
            return rng.uniform(low, high)
        case .quniform(let low, let high, let q):
            return rng.uniform(low, high).quantized(by: q)
        case .uniformint(let low, let high):
            return rng.uniform(Double(low), Double(high)).quantized(by: 1)
        case .loguniform(let low, let high):
            return exp(rng.uniform(low, high))
        case .qloguniform(let low, let high, let q):
            return exp(rng.uniform(low, high)).quantized(by: q)
        case .normal(let mu, let sigma):
            return rng.gaussian(mean: mu, sd: sigma)
        case .qnormal(let mu, let sigma, let q):
            return rng.gaussian(mean: mu, sd: sigma).quantized(by: q)
        case .lognormal(let mu, let sigma):
            return rng.lognormal(zeta: mu, sigma: sigma)
        case .qlognormal(let mu, let sigma, let q):
            return rng.lognormal(zeta: mu, sigma: sigma).quantized(by: q)
        }
    }
}
