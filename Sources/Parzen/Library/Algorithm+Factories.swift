/// Every built-in algorithm with options from code, in two forms:
///
/// - keyword arguments named as in hyperopt, Optuna and manifests (`snake_case`), each
///   optional, arguments left out keeping their defaults:
///   `.tpe(gamma: 0.15, n_startup_jobs: 10)`, `.tpeOptuna(n_startup_trials: 5, multivariate: false)`;
/// - the typed options struct: `.tpe(.init(nStartupJobs: 10, gamma: 0.15))`.
///
/// Swift wants keyword arguments in the declared order (the order of each function's parameter
/// list below). Values are checked when the search starts: an out-of-range value makes `fmin`
/// throw ``FMinError/suggester(_:)`` naming the option. ``Algorithm/named(_:options:)`` takes
/// the same names in any order, as a manifest does, and checks them at once.
extension Algorithm {
    /// hyperopt's `tpe.suggest` with keyword options (see ``TPE/Options`` for each meaning and
    /// range); arguments left out keep hyperopt's defaults.
    ///
    /// - Parameters:
    ///   - gamma: the good-set coefficient (default 0.25).
    ///   - n_startup_jobs: prior draws before the model is used (default 20).
    ///   - n_EI_candidates: candidates drawn from l(x) per parameter (default 24).
    ///   - prior_weight: the prior component's weight (default 1).
    ///   - ignore_failed: leave failed and pending trials out of the model (default false).
    public static func tpe(
        gamma: Double? = nil, n_startup_jobs: Int? = nil, n_EI_candidates: Int? = nil, prior_weight: Double? = nil,
        ignore_failed: Bool? = nil
    ) -> Algorithm {
        var options = TPE.Options()
        if let gamma { options.gamma = gamma }
        if let n_startup_jobs { options.nStartupJobs = n_startup_jobs }
        if let n_EI_candidates { options.nEICandidates = n_EI_candidates }
        if let prior_weight { options.priorWeight = prior_weight }
        if let ignore_failed { options.ignoreFailed = ignore_failed }
        return .tpe(options)
    }

    /// hyperopt's `anneal.suggest` with the given options; see ``Anneal/Options``.
    public static func anneal(_ options: Anneal.Options) -> Algorithm { Algorithm(Anneal.self, options: options) }

    /// hyperopt's `anneal.suggest` with keyword options; arguments left out keep hyperopt's
    /// defaults.
    ///
    /// - Parameters:
    ///   - avg_best_idx: mean position, in the loss-sorted trials, of the trial annealed around
    ///     (default 2.0).
    ///   - shrink_coef: how fast the neighbourhood shrinks (default 0.1).
    public static func anneal(avg_best_idx: Double? = nil, shrink_coef: Double? = nil) -> Algorithm {
        var options = Anneal.Options()
        if let avg_best_idx { options.avgBestIdx = avg_best_idx }
        if let shrink_coef { options.shrinkCoef = shrink_coef }
        return .anneal(options)
    }

    /// Grid search with the given options; see ``GridSearch/Options``.
    public static func grid(_ options: GridSearch.Options) -> Algorithm { Algorithm(GridSearch.self, options: options) }

    /// Grid search placing continuous points at `placement` (`.centres`, the default, or
    /// `.endpoints`).
    public static func grid(placement: GridSearch.Placement) -> Algorithm { .grid(.init(placement: placement)) }

    /// Sobol quasi-random search; `shift: false` gives GSL's raw sequence (the same points for
    /// every seed). See ``QuasiRandomOptions``.
    public static func sobol(shift: Bool) -> Algorithm { Algorithm(Sobol.self, options: QuasiRandomOptions(shift: shift)) }

    /// Halton quasi-random search; `shift: false` gives GSL's raw sequence. See
    /// ``QuasiRandomOptions``.
    public static func halton(shift: Bool) -> Algorithm { Algorithm(Halton.self, options: QuasiRandomOptions(shift: shift)) }

    /// Optuna's `TPESampler` with keyword options named as Optuna names them (see
    /// ``OptunaTPE/Options``); arguments left out keep Optuna 5.1.0's defaults.
    ///
    /// - Parameters:
    ///   - n_startup_trials: random trials before the model is used (default 10).
    ///   - n_ei_candidates: candidates per model (default 24).
    ///   - multivariate: one joint model (default true).
    ///   - group: group decomposition of conditional spaces (default false).
    ///   - constant_liar: pending trials join the "above" set (default true).
    ///   - prior_weight: the prior component's weight (default 1).
    ///   - consider_magic_clip: bandwidth floor (default true).
    ///   - consider_endpoints: outermost observations use their gap to the bound (default false).
    public static func tpeOptuna(
        n_startup_trials: Int? = nil, n_ei_candidates: Int? = nil, multivariate: Bool? = nil, group: Bool? = nil,
        constant_liar: Bool? = nil, prior_weight: Double? = nil, consider_magic_clip: Bool? = nil,
        consider_endpoints: Bool? = nil
    ) -> Algorithm {
        var options = OptunaTPE.Options()
        if let n_startup_trials { options.nStartupTrials = n_startup_trials }
        if let n_ei_candidates { options.nEICandidates = n_ei_candidates }
        if let multivariate { options.multivariate = multivariate }
        if let group { options.group = group }
        if let constant_liar { options.constantLiar = constant_liar }
        if let prior_weight { options.priorWeight = prior_weight }
        if let consider_magic_clip { options.considerMagicClip = consider_magic_clip }
        if let consider_endpoints { options.considerEndpoints = consider_endpoints }
        return .tpeOptuna(options)
    }

    /// CMA-ES with the given options; see ``CMAES/Options``.
    public static func cmaes(_ options: CMAES.Options) -> Algorithm { Algorithm(CMAES.self, options: options) }

    /// CMA-ES with keyword options named as Optuna's `CmaEsSampler` names them; arguments left
    /// out keep Optuna's defaults.
    ///
    /// - Parameters:
    ///   - x0: the initial mean, label → value, for the coordinates CMA-ES searches (default:
    ///     the centre).
    ///   - sigma0: the initial step size in the unit cube (default 1/6).
    ///   - n_startup_trials: independent trials before CMA-ES starts (default 1).
    ///   - restart_strategy: `.none` (default), `.ipop` or `.bipop`.
    ///   - popsize: individuals per generation (default 4 + ⌊3 ln n⌋).
    ///   - inc_popsize: population growth factor at restarts (default 2).
    ///   - use_separable_cma: diagonal covariance (default false).
    ///   - with_margin: margin for integer and lattice coordinates (default false).
    ///   - lr_adapt: learning-rate adaptation (default false).
    public static func cmaes(
        x0: OrderedRecord<Double>? = nil, sigma0: Double? = nil, n_startup_trials: Int? = nil,
        restart_strategy: CMAES.RestartStrategy? = nil, popsize: Int? = nil, inc_popsize: Int? = nil,
        use_separable_cma: Bool? = nil, with_margin: Bool? = nil, lr_adapt: Bool? = nil
    ) -> Algorithm {
        var options = CMAES.Options()
        if let x0 { options = CMAES.Options(x0: x0) }
        if let sigma0 { options.sigma0 = sigma0 }
        if let n_startup_trials { options.nStartupTrials = n_startup_trials }
        if let restart_strategy { options.restartStrategy = restart_strategy.rawValue }
        if let popsize { options.popsize = popsize }
        if let inc_popsize { options.incPopsize = inc_popsize }
        if let use_separable_cma { options.useSeparableCMA = use_separable_cma }
        if let with_margin { options.withMargin = with_margin }
        if let lr_adapt { options.lrAdapt = lr_adapt }
        return .cmaes(options)
    }

    /// Gaussian-process Bayesian optimisation with the given options; see ``GP/Options``.
    public static func gp(_ options: GP.Options) -> Algorithm { Algorithm(GP.self, options: options) }

    /// Gaussian-process Bayesian optimisation with keyword options; arguments left out keep
    /// their defaults.
    ///
    /// - Parameters:
    ///   - n_startup_trials: prior draws before the model is used (default 10).
    ///   - acquisition: `.logei` (default) or `.ucb`.
    ///   - beta: UCB's exploration weight (default 2).
    ///   - n_candidates: Sobol candidates scored before the local searches (default 128).
    ///   - n_local_search: local searches of the acquisition per proposal (default 3).
    ///   - noise: `.learned` (default) or `.fixed`.
    ///   - refit_every: trials between hyperparameter fits (default 1).
    public static func gp(
        n_startup_trials: Int? = nil, acquisition: GP.Options.Acquisition? = nil, beta: Double? = nil,
        n_candidates: Int? = nil, n_local_search: Int? = nil, noise: GP.Options.Noise? = nil, refit_every: Int? = nil
    ) -> Algorithm {
        var options = GP.Options()
        if let n_startup_trials { options.nStartupTrials = n_startup_trials }
        if let acquisition { options.acquisition = acquisition }
        if let beta { options.beta = beta }
        if let n_candidates { options.nCandidates = n_candidates }
        if let n_local_search { options.nLocalSearch = n_local_search }
        if let noise { options.noise = noise }
        if let refit_every { options.refitEvery = refit_every }
        return .gp(options)
    }
}
