extension TPE {
    /// TPE's settings, named as hyperopt's `tpe.suggest` arguments (docs/tpe.md §2.1).
    ///
    /// In a manifest: `{algorithm: tpe, options: {gamma: 0.15, n_startup_jobs: 10}}`. Keys not
    /// given keep their defaults; unknown keys and out-of-range values are rejected by
    /// ``SuggesterOptions/decode(from:)`` with the option's name and accepted range.
    ///
    /// hyperopt's linear-forgetting length and good-set cap (both 25, the module constant
    /// `DEFAULT_LF`) are not settable there and are not settable here.
    public struct Options: SuggesterOptions {
        /// `n_startup_jobs` (default 20, accepted ≥ 0): while the history holds fewer trials
        /// than this, points are drawn from the prior (hyperopt's `rand.suggest`). Failed and
        /// pending trials count, unless ``ignoreFailed``.
        public var nStartupJobs: Int
        /// `n_EI_candidates` (default 24, accepted 1…1,000,000): candidates drawn from l(x) for
        /// each hyperparameter; the one with the largest log l(x) − log g(x) is proposed.
        public var nEICandidates: Int
        /// `gamma` (default 0.25, accepted 0 < gamma ≤ 1): the good set holds
        /// min(⌈gamma·√N⌉, 25) of the N trials. A coefficient of √N, not a quantile.
        public var gamma: Double
        /// `prior_weight` (default 1, accepted 0 < w ≤ 1,000,000, finite): the weight of the
        /// prior component in every Parzen estimator and the pseudo-count of every category.
        public var priorWeight: Double
        /// `ignore_failed` (default false, as hyperopt): when true, failed and pending trials are
        /// left out of the model entirely (they count neither toward N nor in g(x)); when false
        /// they count with loss +∞ (a failed trial that reported a loss keeps it).
        public var ignoreFailed: Bool

        enum CodingKeys: String, CodingKey {
            case nStartupJobs = "n_startup_jobs"
            case nEICandidates = "n_EI_candidates"
            case gamma
            case priorWeight = "prior_weight"
            case ignoreFailed = "ignore_failed"
        }

        /// hyperopt's defaults.
        public init() {
            self.init(nStartupJobs: 20)
        }

        /// Options with the given values; each defaults to hyperopt's.
        public init(
            nStartupJobs: Int = 20, nEICandidates: Int = 24, gamma: Double = 0.25, priorWeight: Double = 1,
            ignoreFailed: Bool = false
        ) {
            self.nStartupJobs = nStartupJobs
            self.nEICandidates = nEICandidates
            self.gamma = gamma
            self.priorWeight = priorWeight
            self.ignoreFailed = ignoreFailed
        }

        /// Checks every range.
        ///
        /// - Throws: ``SuggesterError/invalidOption(name:message:)`` naming the option (as in a
        ///   manifest), the accepted range and the value given.
        public func validate() throws(SuggesterError) {
            try Self.check(nStartupJobs, CodingKeys.nStartupJobs, in: 0...)
            try Self.check(nEICandidates, CodingKeys.nEICandidates, in: 1...1_000_000)
            guard gamma > 0 && gamma <= 1 else {
                throw .outOfRange(CodingKeys.gamma, accepted: "a number with 0 < gamma <= 1", given: NumberFormatting.shortest(gamma))
            }
            guard priorWeight > 0 && priorWeight <= 1_000_000 else {
                throw .outOfRange(
                    CodingKeys.priorWeight, accepted: "a finite number with 0 < prior_weight <= 1000000", given: NumberFormatting.shortest(priorWeight))
            }
        }
    }
}
