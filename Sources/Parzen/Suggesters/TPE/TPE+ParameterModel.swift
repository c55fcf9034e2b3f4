import Foundation
import GSLKit

extension TPE {
    /// How TPE models one hyperparameter: its activation conditions (as parameter positions)
    /// and its posterior family, derived once from the prior (docs/tpe.md §2.4, §2.7).
    struct ParameterModel {
        /// The choices (position in `space.parameters`, option index) that must all hold.
        let conditions: [(parent: Int, option: Int)]
        let kind: Kind

        enum Kind {
            case numeric(NumericPrior)
            /// `count` categories; stored value = index + `offset`; `prior` is π for pchoice.
            case categorical(count: Int, offset: Int, prior: [Double]?)
        }

        init(_ parameter: Parameter, in space: SearchSpace) {
            conditions = parameter.conditions.map { (space.position(of: $0.label)!, $0.option) }
            kind = Kind(parameter.distribution)
        }

        /// How a stored value becomes an observation of this model.
        var rule: ObservationRule {
            switch kind {
            case .numeric(let prior):
                guard prior.family == .logNormal else { return ObservationRule(kind: .identity, a: 0, b: 0) }
                return ObservationRule(kind: .log, a: prior.floor ?? 0, b: 0)
            case .categorical(let count, let offset, _):
                return ObservationRule(kind: .category, a: Double(offset), b: Double(count))
            }
        }

        /// The best of `options.nEICandidates` draws from l(x) by log l(x) − log g(x); the first
        /// maximum wins and a NaN score never does.
        ///
        /// - Parameters:
        ///   - parameter: this model's position in the space.
        ///   - observations: the call's good and bad sets.
        func propose(parameter p: Int, _ observations: ObservationSets, options: Options, using rng: MersenneTwister) -> Double {
            switch kind {
            case .numeric(let prior):
                let l = prior.mixture(ParzenEstimator(
                    observations: observations.below(p), priorMean: prior.mean, priorSigma: prior.sigma, priorWeight: options.priorWeight))
                // g's truncation mass adds the same constant to every candidate's score, so it is
                // left out: the winner is the same but for rounding in scores tied to the last bits.
                let aboveEstimator = observations.aboveEstimator(p, prior: prior, priorWeight: options.priorWeight)
                #if PARZEN_INTERNAL_CHECKS
                precondition(
                    aboveEstimator == ParzenEstimator(
                        observations: observations.above(p), priorMean: prior.mean, priorSigma: prior.sigma, priorWeight: options.priorWeight),
                    "g(x) from the cache's sorted observations differs from g(x) built by sorting")
                #endif
                let g = prior.mixture(aboveEstimator, normalised: false)
                let sampler = l.sampler()
                guard g.hasLowerBound else {
                    var best = 0.0, bestScore = -Double.infinity
                    for i in 0..<options.nEICandidates {
                        let x = sampler.draw(using: rng)
                        var score = l.logDensity(x) - g.logDensity(x)
                        if score.isNaN { score = -.infinity }
                        if i == 0 || score > bestScore { best = x; bestScore = score }
                    }
                    return best
                }
                // The draws do not depend on the scores, so drawing them all first consumes the
                // generator exactly as drawing and scoring one at a time does above.
                let candidates = (0..<options.nEICandidates).map { _ in sampler.draw(using: rng) }
                let logL = candidates.map(l.logDensity)
                return candidates[Self.bestCandidate(
                    logL: logL, logG: { g.logDensity(candidates[$0]) }, bound: { g.logDensityLowerBound(candidates[$0]) })]
            case .categorical(let count, let offset, let pi):
                let l = CategoricalPosterior(observations: observations.below(p), count: count, prior: pi, priorWeight: options.priorWeight)
                let g = CategoricalPosterior(observations: observations.above(p), count: count, prior: pi, priorWeight: options.priorWeight)
                var best = 0, bestScore = -Double.infinity
                for i in 0..<options.nEICandidates {
                    let v = l.draw(using: rng)
                    var score = l.logProbabilities[v] - g.logProbabilities[v]
                    if score.isNaN { score = -.infinity }
                    if i == 0 || score > bestScore { best = v; bestScore = score }
                }
                return Double(best + offset)
            }
        }

        /// The index of the candidate with the largest log l − log g, the first of equal maxima, NaN
        /// scores never winning (as the one-at-a-time loop `if i == 0 || score > best` picks).
        ///
        /// Branch and bound: a lower bound on log g (when the mixture has a cheap one) gives an
        /// upper bound on each score; candidates are scored exactly in decreasing order of that
        /// bound, and the search stops once no remaining bound reaches the best exact score. The
        /// result is the same index the exhaustive loop returns, with fewer evaluations of g.
        ///
        /// - Parameters:
        ///   - logL: log l(x) of each candidate.
        ///   - logG: log g(x) of candidate i, exactly.
        ///   - bound: a value ≤ logG(i), or nil when none is cheaper.
        /// - Complexity: O(C log C) plus the evaluations of g it cannot rule out, for C candidates.
        static func bestCandidate(logL: [Double], logG: (Int) -> Double, bound: (Int) -> Double?) -> Int {
            let count = logL.count
            @inline(__always) func score(_ i: Int) -> Double {
                let s = logL[i] - logG(i)
                return s.isNaN ? -.infinity : s
            }
            // Upper bounds on the scores; +∞ where there is no bound (those are scored first).
            var upper = [Double](repeating: .infinity, count: count)
            for i in 0..<count {
                guard let lowerG = bound(i) else { continue }
                let u = logL[i] - lowerG
                // A margin far above the rounding of the subtraction.
                if u.isFinite {
                    upper[i] = u + 1e-9 * max(1, abs(logL[i]) + abs(lowerG))
                } else if !u.isNaN {
                    upper[i] = u
                }
            }
            let order = (0..<count).sorted { upper[$0] > upper[$1] || (upper[$0] == upper[$1] && $0 < $1) }
            var best = -1, bestScore = -Double.infinity
            for i in order {
                // Every later candidate's bound is at most this one: none can beat or tie the best.
                if best >= 0 && upper[i] < bestScore { break }
                let s = score(i)
                if best < 0 || s > bestScore || (s == bestScore && i < best) { best = i; bestScore = s }
            }
            return best
        }
    }

    /// How a stored value enters a model's working space; a plain value, cheap to copy.
    struct ObservationRule {
        enum Kind: UInt8 { case identity, log, category }
        let kind: Kind
        /// log: the floor applied before the log (0 for none); category: the offset.
        let a: Double
        /// category: the number of categories.
        let b: Double

        /// The working-space observation of a stored value; nil for a value the model cannot
        /// use (not finite, or not a category).
        @inline(__always)
        func observation(_ value: Double) -> Double? {
            switch kind {
            case .identity:
                return value.isFinite ? value : nil
            case .log:
                let y = Foundation.log(max(value, a))
                return y.isFinite ? y : nil
            case .category:
                let index = value - a
                guard index >= 0 && index < b && index == index.rounded() else { return nil }
                return index
            }
        }
    }

    /// The models' conditions, labels and observation rules in flat arrays, so reading a trial's
    /// observations copies nothing reference-counted per parameter.
    struct Layout {
        let labels: [String]
        /// Conditions of parameter p are entries conditionStart[p]..<conditionStart[p + 1].
        let conditionStart: [Int]
        let conditionParent: [Int]
        let conditionOption: [Double]
        let rules: [ObservationRule]

        init(space: SearchSpace, models: [ParameterModel]) {
            labels = space.labels
            var start = [0], parent: [Int] = [], option: [Double] = []
            for model in models {
                for condition in model.conditions {
                    parent.append(condition.parent)
                    option.append(Double(condition.option))
                }
                start.append(parent.count)
            }
            conditionStart = start
            conditionParent = parent
            conditionOption = option
            rules = models.map(\.rule)
        }
    }

    /// The adaptive-Parzen view of a numeric prior (hyperopt's `ap_*_sampler` table, docs/tpe.md §2.4):
    /// prior mean and sigma and truncation bounds in the working space (ln-space for log kinds),
    /// the quantum, and how observations enter the working space.
    struct NumericPrior {
        let family: GaussianMixture.Family
        let mean: Double
        let sigma: Double
        let bounds: (low: Double, high: Double)?
        let quantum: Double?
        /// Observations are raised to at least this before the log (log kinds only).
        let floor: Double?

        /// The mixture of an adaptive Parzen estimator built with this prior's mean and sigma
        /// (see ``GaussianMixture/init(_:family:bounds:quantum:normalised:)``).
        func mixture(_ estimator: ParzenEstimator, normalised: Bool = true) -> GaussianMixture {
            GaussianMixture(estimator, family: family, bounds: bounds, quantum: quantum, normalised: normalised)
        }
    }
}

extension TPE.ParameterModel.Kind {
    init(_ distribution: Distribution) {
        let eps = GaussianMixture.eps
        func uniform(_ low: Double, _ high: Double, _ q: Double?, log: Bool, floor: Double? = nil) -> Self {
            .numeric(.init(
                family: log ? .logNormal : .gaussian, mean: 0.5 * (high + low), sigma: high - low,
                bounds: (low, high), quantum: q, floor: floor))
        }
        func normal(_ mu: Double, _ sigma: Double, _ q: Double?, log: Bool, floor: Double? = nil) -> Self {
            .numeric(.init(family: log ? .logNormal : .gaussian, mean: mu, sigma: sigma, bounds: nil, quantum: q, floor: floor))
        }
        switch distribution {
        case .choice(let options):
            self = .categorical(count: options.count, offset: 0, prior: nil)
        case .pchoice(let options, let probabilities):
            self = .categorical(count: options.count, offset: 0, prior: probabilities)
        case .randint(let low, let high):
            self = .categorical(count: high - low, offset: low, prior: nil)
        case .uniform(let low, let high):
            self = uniform(low, high, nil, log: false)
        case .quniform(let low, let high, let q):
            self = uniform(low, high, q, log: false)
        case .uniformint(let low, let high):
            // hyperopt's uniformint is quniform(low, high, 1) read as an integer.
            self = uniform(Double(low), Double(high), 1, log: false)
        case .loguniform(let low, let high):
            self = uniform(low, high, nil, log: true)
        case .qloguniform(let low, let high, let q):
            self = uniform(low, high, q, log: true, floor: max(eps, exp(low)))
        case .normal(let mu, let sigma):
            self = normal(mu, sigma, nil, log: false)
        case .qnormal(let mu, let sigma, let q):
            self = normal(mu, sigma, q, log: false)
        case .lognormal(let mu, let sigma):
            self = normal(mu, sigma, nil, log: true)
        case .qlognormal(let mu, let sigma, let q):
            self = normal(mu, sigma, q, log: true, floor: eps)
        }
    }
}
