import Foundation
import GSLKit
@testable import Parzen

/// TPE written as plainly as the algorithm reads, for differential tests: no state between
/// calls, no observation cache, no heap for the good set, estimators built by sorting, every
/// candidate scored against the whole of g(x) in draw order. It shares with ``TPE`` only the
/// pieces with their own tests (the parameter models, ``ParzenEstimator``, ``GaussianMixture``,
/// ``CategoricalPosterior``), so it checks the history's bookkeeping and the proposal loop.
struct ReferenceTPE {
    let space: SearchSpace
    let options: TPE.Options

    /// The proposal for `history`, drawing from `rng` exactly as ``TPE/suggest(history:using:)``.
    func suggest(history: Trials, using rng: MersenneTwister) -> Assignment {
        // The modelled trials in id order.
        let rows = history.trials
            .filter { !options.ignoreFailed || ($0.status == .ok && $0.loss != nil) }
            .sorted { $0.id < $1.id }
        if rows.count < options.nStartupJobs { return space.sample(using: rng) }
        // The good set: the best by (loss, id), NaN losses last.
        let nBelow = TPE.belowCount(rows.count, gamma: options.gamma)
        let ranked = rows.indices.sorted { a, b in
            let x = rows[a].lossForModel, y = rows[b].lossForModel
            if x.isNaN != y.isNaN { return y.isNaN }
            if !x.isNaN && x != y { return x < y }
            return rows[a].id < rows[b].id
        }
        let good = Set(ranked.prefix(nBelow))

        let parameters = space.parameters
        let models = parameters.map { TPE.ParameterModel($0, in: space) }
        /// The stored value of parameter p in a trial, when p is active there.
        func stored(_ p: Int, _ assignment: Assignment) -> Double? {
            for (parent, option) in models[p].conditions where stored(parent, assignment) != Double(option) { return nil }
            return assignment[parameters[p].label]
        }
        func observations(_ p: Int, good wanted: Bool) -> [Double] {
            rows.indices.compactMap { i in
                guard good.contains(i) == wanted, let value = stored(p, rows[i].assignment) else { return nil }
                return models[p].rule.observation(value)
            }
        }

        var chosen = [Double](repeating: .nan, count: parameters.count)
        var pairs: [(String, Double)] = []
        for p in parameters.indices where models[p].conditions.allSatisfy({ chosen[$0.parent] == Double($0.option) }) {
            let below = observations(p, good: true), above = observations(p, good: false)
            var best = 0.0, bestScore = -Double.infinity
            switch models[p].kind {
            case .numeric(let prior):
                func estimator(_ values: [Double]) -> ParzenEstimator {
                    ParzenEstimator(observations: values, priorMean: prior.mean, priorSigma: prior.sigma, priorWeight: options.priorWeight)
                }
                let l = prior.mixture(estimator(below)), g = prior.mixture(estimator(above), normalised: false)
                let sampler = l.sampler()
                for i in 0..<options.nEICandidates {
                    let x = sampler.draw(using: rng)
                    var score = l.logDensity(x) - g.logDensity(x)
                    if score.isNaN { score = -.infinity }
                    if i == 0 || score > bestScore { best = x; bestScore = score }
                }
            case .categorical(let count, let offset, let pi):
                let l = CategoricalPosterior(observations: below, count: count, prior: pi, priorWeight: options.priorWeight)
                let g = CategoricalPosterior(observations: above, count: count, prior: pi, priorWeight: options.priorWeight)
                for i in 0..<options.nEICandidates {
                    let v = l.draw(using: rng)
                    var score = l.logProbabilities[v] - g.logProbabilities[v]
                    if score.isNaN { score = -.infinity }
                    if i == 0 || score > bestScore { best = Double(v + offset); bestScore = score }
                }
            }
            chosen[p] = best
            pairs.append((parameters[p].label, best))
        }
        return Assignment(pairs)
    }
}
