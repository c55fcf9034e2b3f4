import Foundation
import GSLKit

/// Gaussian-process Bayesian optimisation (docs/gp.md): a Matérn 5/2 GP with one length scale
/// per coordinate on the unit-cube features of the numeric view, hyperparameters by maximum a
/// posteriori with Optuna 5.1.0's priors (GSL's BFGS2, analytic gradient, warm-started from the
/// previous fit), and the proposal that maximises log expected improvement (or UCB) over
/// rounded Sobol candidates refined locally.
///
/// Conditional spaces are refused (the `conditional` capability is not declared), so
/// `parzen validate` rejects a manifest that pairs `gp` with one.
public struct GP: Suggester {
    public static let name = "gp"
    public static let summary = "Gaussian-process Bayesian optimisation (Matérn 5/2 ARD, MAP hyperparameters, log EI)"
    public static let capabilities: SuggesterCapabilities = []

    let space: SearchSpace
    let options: Options
    let encoding: GPEncoding
    /// The previous fit and the covariance factor, carried from call to call.
    private let state: State

    /// What a search carries between calls: the last fitted hyperparameters, how many trials
    /// they were fitted on, and the factor cache.
    final class State {
        var hyperparameters: GPHyperparameters?
        var fittedCount = 0
        /// The fit's inverse-Hessian estimate (docs/gp.md §3), carried to the next fit.
        var curvature: [Double]?
        let cache = CovarianceCache()
        /// The fit's pair differences and pair terms, extended by each call's new trials.
        let pairs: GPPairTerms

        init(groupCount: Int) {
            pairs = GPPairTerms(groupCount: groupCount)
        }
    }

    /// Prepares a search.
    ///
    /// - Throws: ``SuggesterError/invalidOption(name:message:)`` when an option is out of
    ///   range; ``SuggesterError/unsupportedSpace(_:)`` for a conditional space.
    /// - Complexity: O(number of parameters); draws nothing.
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError) {
        try options.validate()
        guard !space.isConditional else {
            throw .unsupportedSpace("'gp' cannot search a conditional space (a choice between sub-spaces)")
        }
        self.space = space
        self.options = options
        encoding = GPEncoding(space)
        state = State(groupCount: encoding.groups.count)
    }

    /// The next point: a prior draw during start-up, then the acquisition's maximiser.
    ///
    /// - Parameters:
    ///   - history: every trial so far; failed, pending and NaN-loss trials are not modelled.
    ///   - rng: the search's suggester stream.
    /// - Complexity: O(n³ + n²·D) per hyperparameter evaluation of the fit (a handful with the
    ///   warm start), O(n²·D) per appended row without a fit, plus O(M·n·(n + D)) for M
    ///   candidates and the local searches.
    /// - Determinism: during start-up exactly the draws of ``SearchSpace/sample(using:)``;
    ///   afterwards the draws listed in ``GPAcquisitionOptimizer/maximize(candidateCount:incumbent:using:)``.
    ///   The fitted hyperparameters depend on the previous fit of this search (as Optuna's),
    ///   so a search resumed on saved trials starts its chain anew.
    public mutating func suggest(history: Trials, using rng: MersenneTwister) -> Assignment? {
        var rows: [Double] = []
        var losses: [Double] = []
        for trial in history.trials where trial.status == .ok {
            guard let loss = trial.loss, !loss.isNaN, let x = encoding.encode(trial.assignment) else { continue }
            rows.append(contentsOf: x)
            losses.append(loss)
        }
        let n = losses.count
        guard n >= max(options.nStartupTrials, 1) else { return space.sample(using: rng) }
        guard encoding.featureCount > 0 else { return encoding.decode([]) }

        let targets = GPTargets.standardize(losses)
        let data = GPData(rows: rows, count: n, width: encoding.featureCount, targets: targets)
        let defaults = GPHyperparameters.defaults(groupCount: encoding.groups.count, learnsNoise: options.noise == .learned)
        var hyperparameters = state.hyperparameters ?? defaults
        if state.hyperparameters == nil || n - state.fittedCount >= options.refitEvery || n < state.fittedCount {
            hyperparameters = GPHyperparameterFit.fit(data, encoding: encoding, start: hyperparameters, cache: state.cache, pairs: state.pairs,
                                                      curvature: &state.curvature)
            state.hyperparameters = hyperparameters
            state.fittedCount = n
        }
        guard let model = GPRegressor(data: data, hyperparameters: hyperparameters, encoding: encoding, cache: state.cache)
                ?? GPRegressor(data: data, hyperparameters: defaults, encoding: encoding, cache: nil) else {
            // Not reachable with the noise floor and jitter; a prior draw rather than no proposal.
            return space.sample(using: rng)
        }
        let best = targets.indices.max { targets[$0] < targets[$1] || (targets[$0] == targets[$1] && $0 > $1) } ?? 0
        let acquisition: GPAcquisition = options.acquisition == .logei ? .logEI(best: targets[best]) : .ucb(beta: options.beta)
        let optimizer = GPAcquisitionOptimizer(encoding: encoding, model: model, acquisition: acquisition, startCount: options.nLocalSearch)
        let point = optimizer.maximize(candidateCount: options.nCandidates, incumbent: Array(data.row(best)), using: rng)
        return encoding.decode(point)
    }
}

extension Algorithm {
    /// Gaussian-process Bayesian optimisation with the default options; see ``GP``.
    public static var gp: Algorithm { Algorithm(GP.self) }
}
