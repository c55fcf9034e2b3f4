import Foundation

extension GP {
    /// The GP's settings (docs/gp.md §7).
    ///
    /// In a manifest: `{algorithm: gp, options: {acquisition: ucb, beta: 3, refit_every: 5}}`.
    /// Keys not given keep their defaults; unknown keys, unknown names and out-of-range values
    /// are rejected with the option's name, the accepted values and a did-you-mean.
    public struct Options: SuggesterOptions {
        /// The acquisition functions.
        public enum Acquisition: String, NamedOption {
            /// Log expected improvement (Ament et al. 2023).
            case logei
            /// Upper confidence bound μ + √β·σ.
            case ucb
        }

        /// How the noise variance is set.
        public enum Noise: String, NamedOption {
            /// Fitted with the other hyperparameters (floor 1e-6).
            case learned
            /// Held at 1e-6 (a deterministic objective).
            case fixed
        }

        /// `n_startup_trials` (default 10, accepted ≥ 0): prior draws until this many trials
        /// have finished with a loss.
        public var nStartupTrials: Int
        /// `acquisition` (default `logei`): `logei` or `ucb`.
        public var acquisition: Acquisition
        /// `beta` (default 2, accepted 0 < beta ≤ 1e6): UCB's exploration weight.
        public var beta: Double
        /// `n_candidates` (default 128, accepted 1…1,000,000): rounded Sobol candidates scored
        /// before the local searches.
        public var nCandidates: Int
        /// `n_local_search` (default 3, accepted 2…1,000): local searches of the acquisition per
        /// proposal, from the best candidate, the incumbent and candidates drawn by the roulette.
        public var nLocalSearch: Int
        /// `noise` (default `learned`): `learned` or `fixed`.
        public var noise: Noise
        /// `refit_every` (default 1, accepted ≥ 1): the hyperparameters are refitted once this
        /// many trials have been added since the last fit.
        public var refitEvery: Int

        enum CodingKeys: String, CodingKey {
            case nStartupTrials = "n_startup_trials"
            case acquisition
            case beta
            case nCandidates = "n_candidates"
            case nLocalSearch = "n_local_search"
            case noise
            case refitEvery = "refit_every"
        }

        /// The defaults.
        public init() {
            self.init(nStartupTrials: 10)
        }

        /// Options with the given values; each defaults as documented.
        public init(
            nStartupTrials: Int = 10, acquisition: Acquisition = .logei, beta: Double = 2, nCandidates: Int = 128,
            nLocalSearch: Int = 3, noise: Noise = .learned, refitEvery: Int = 1
        ) {
            self.nStartupTrials = nStartupTrials
            self.acquisition = acquisition
            self.beta = beta
            self.nCandidates = nCandidates
            self.nLocalSearch = nLocalSearch
            self.noise = noise
            self.refitEvery = refitEvery
        }

        /// Checks every range.
        ///
        /// - Throws: ``SuggesterError/invalidOption(name:message:)`` naming the option (as in a
        ///   manifest), the accepted range and the value given.
        public func validate() throws(SuggesterError) {
            try Self.check(nStartupTrials, CodingKeys.nStartupTrials, in: 0...)
            guard beta > 0 && beta <= 1_000_000 else {
                throw .outOfRange(CodingKeys.beta, accepted: "a finite number with 0 < beta <= 1000000", given: NumberFormatting.shortest(beta))
            }
            try Self.check(nCandidates, CodingKeys.nCandidates, in: 1...1_000_000)
            try Self.check(nLocalSearch, CodingKeys.nLocalSearch, in: 2...1_000)
            try Self.check(refitEvery, CodingKeys.refitEvery, in: 1...)
        }
    }
}
