extension OptunaTPE {
    /// `tpe-optuna`'s settings, named as the arguments of Optuna 5.1.0's `TPESampler`, with its
    /// defaults (docs/optuna-tpe.md §1).
    ///
    /// In a manifest: `{algorithm: tpe-optuna, options: {multivariate: false, n_startup_trials: 20}}`.
    /// Keys not given keep their defaults; unknown keys and out-of-range values are rejected by
    /// ``SuggesterOptions/decode(from:)`` with the option's name and accepted range.
    ///
    /// `gamma` and `weights` are functions in Optuna; a manifest holds values, so both stay
    /// Optuna's defaults (``OptunaTPE/defaultGamma(_:)``, ``OptunaTPE/defaultWeights(_:)``).
    public struct Options: SuggesterOptions {
        /// `multivariate` (default true, Optuna's choice for one objective): one joint model over
        /// the parameters every complete trial holds; false gives one 1-D model per parameter.
        public var multivariate: Bool
        /// `group` (default false): group decomposition of conditional spaces; needs
        /// `multivariate`.
        public var group: Bool
        /// `n_startup_trials` (default 10, accepted ≥ 0): random sampling until this many trials
        /// are complete (failed and pending trials do not count).
        public var nStartupTrials: Int
        /// `n_ei_candidates` (default 24, accepted 1…1,000,000): candidates drawn from l(x) per
        /// model; the one with the largest log l(x) − log g(x) is proposed.
        public var nEICandidates: Int
        /// `prior_weight` (default 1, accepted finite ≥ 0): the prior component's weight and the
        /// categorical pseudo-count.
        public var priorWeight: Double
        /// `consider_magic_clip` (default true): bandwidths at least R / min(100, n + 2).
        public var considerMagicClip: Bool
        /// `consider_endpoints` (default false): the outermost observations also use their gap
        /// to the bound.
        public var considerEndpoints: Bool
        /// `consider_prior` (default true, only true accepted): Optuna 5.1 ignores this argument
        /// and always builds the prior component; false is refused instead of ignored.
        public var considerPrior: Bool
        /// `constant_liar` (default true, Optuna's default since 5.0): pending trials join the
        /// "above" set, so concurrent proposals avoid points being evaluated.
        public var constantLiar: Bool

        enum CodingKeys: String, CodingKey {
            case multivariate
            case group
            case nStartupTrials = "n_startup_trials"
            case nEICandidates = "n_ei_candidates"
            case priorWeight = "prior_weight"
            case considerMagicClip = "consider_magic_clip"
            case considerEndpoints = "consider_endpoints"
            case considerPrior = "consider_prior"
            case constantLiar = "constant_liar"
        }

        /// Optuna 5.1.0's defaults.
        public init() {
            self.init(multivariate: true)
        }

        /// Options with the given values; each defaults to Optuna 5.1.0's.
        public init(
            multivariate: Bool = true, group: Bool = false, nStartupTrials: Int = 10, nEICandidates: Int = 24,
            priorWeight: Double = 1, considerMagicClip: Bool = true, considerEndpoints: Bool = false,
            considerPrior: Bool = true, constantLiar: Bool = true
        ) {
            self.multivariate = multivariate
            self.group = group
            self.nStartupTrials = nStartupTrials
            self.nEICandidates = nEICandidates
            self.priorWeight = priorWeight
            self.considerMagicClip = considerMagicClip
            self.considerEndpoints = considerEndpoints
            self.considerPrior = considerPrior
            self.constantLiar = constantLiar
        }

        /// Checks every range.
        ///
        /// - Throws: ``SuggesterError/invalidOption(name:message:)`` naming the option (as in a
        ///   manifest), the accepted range and the value given.
        public func validate() throws(SuggesterError) {
            try Self.check(nStartupTrials, CodingKeys.nStartupTrials, in: 0...)
            try Self.check(nEICandidates, CodingKeys.nEICandidates, in: 1...1_000_000)
            guard priorWeight >= 0 && priorWeight.isFinite else {
                throw .outOfRange(CodingKeys.priorWeight, accepted: "a finite number >= 0", given: NumberFormatting.shortest(priorWeight))
            }
            guard considerPrior else {
                throw .outOfRange(CodingKeys.considerPrior, accepted: "true (Optuna 5.1 always uses the prior component)", given: "false")
            }
            guard multivariate || !group else {
                throw .outOfRange(
                    CodingKeys.group, accepted: "false when multivariate is false (group decomposition needs the multivariate model)", given: "true")
            }
        }

        /// The estimator settings these options give.
        var estimatorParameters: OptunaParzenEstimator.Parameters {
            .init(priorWeight: priorWeight, considerMagicClip: considerMagicClip, considerEndpoints: considerEndpoints)
        }
    }
}
