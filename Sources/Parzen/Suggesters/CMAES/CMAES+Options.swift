extension CMAES {
    /// How a finished run of the strategy is followed.
    public enum RestartStrategy: String, Sendable, CaseIterable {
        /// Run one strategy for the whole search (Optuna 5.1).
        case none
        /// Restart with the population multiplied by `inc_popsize` (Auger and Hansen, 2005).
        case ipop
        /// Alternate large-population runs and small ones of random size (Hansen, 2009).
        case bipop
    }

    /// CMA-ES's settings, named as Optuna's `CmaEsSampler` and the `cmaes` package name them.
    ///
    /// In a manifest: `{algorithm: cmaes, options: {restart_strategy: ipop, popsize: 10}}`.
    /// Keys not given keep their defaults; unknown keys and out-of-range values are rejected
    /// with the option's name and accepted range.
    public struct Options: SuggesterOptions {
        /// `sigma0` (default 1/6, accepted 0 < sigma0 ≤ 1e6): the initial step size in the unit
        /// cube every numeric coordinate is mapped to (Optuna uses it there as is); 1/6 is
        /// Optuna's default, min range/6.
        public var sigma0: Double
        /// `popsize` (default 0, meaning 4 + ⌊3 ln n⌋; otherwise accepted 2…100000): λ, the
        /// individuals per generation (of the first run, with restarts).
        public var popsize: Int
        /// `x0` (default `{}`, the centre of the cube): the initial mean as a record of label →
        /// value for every coordinate CMA-ES searches (numeric, unconditional, not categorical);
        /// used by the first run only.
        public var x0: Value
        /// `n_startup_trials` (default 1, accepted 0…1000000): trials drawn independently before
        /// CMA-ES starts, counting complete trials (the first trial is always independent).
        public var nStartupTrials: Int
        /// `restart_strategy` (default `none`; `ipop`, `bipop`): restart when a run meets the
        /// package's termination criteria.
        public var restartStrategy: String
        /// `inc_popsize` (default 2, accepted 2…100): the factor populations grow by at restarts.
        public var incPopsize: Int
        /// `with_margin` (default false): CMA-ES with margin for integer and lattice coordinates.
        public var withMargin: Bool
        /// `use_separable_cma` (default false): a diagonal covariance matrix (O(n) per point;
        /// for many dimensions). Ignored with one coordinate, as in Optuna.
        public var useSeparableCMA: Bool
        /// `lr_adapt` (default false): learning-rate adaptation (full CMA-ES only).
        public var lrAdapt: Bool

        enum CodingKeys: String, CodingKey {
            case sigma0, popsize, x0
            case nStartupTrials = "n_startup_trials"
            case restartStrategy = "restart_strategy"
            case incPopsize = "inc_popsize"
            case withMargin = "with_margin"
            case useSeparableCMA = "use_separable_cma"
            case lrAdapt = "lr_adapt"
        }

        /// Optuna's defaults.
        public init() { self.init(sigma0: 1.0 / 6) }

        /// Options with the given values; each defaults to Optuna's.
        public init(
            sigma0: Double = 1.0 / 6, popsize: Int = 0, x0: OrderedRecord<Double> = [:], nStartupTrials: Int = 1,
            restartStrategy: RestartStrategy = .none, incPopsize: Int = 2, withMargin: Bool = false,
            useSeparableCMA: Bool = false, lrAdapt: Bool = false
        ) {
            self.sigma0 = sigma0
            self.popsize = popsize
            var record = OrderedRecord<Value>()
            for (label, value) in x0 { record[label] = .double(value) }
            self.x0 = .record(record)
            self.nStartupTrials = nStartupTrials
            self.restartStrategy = restartStrategy.rawValue
            self.incPopsize = incPopsize
            self.withMargin = withMargin
            self.useSeparableCMA = useSeparableCMA
            self.lrAdapt = lrAdapt
        }

        /// The restart strategy (valid after ``validate()``).
        public var restarts: RestartStrategy { RestartStrategy(rawValue: restartStrategy) ?? .none }

        /// The initial mean as given: label → external value.
        var initialMean: [(label: String, value: Double)] {
            guard case .record(let record) = x0 else { return [] }
            return record.map { ($0.key, $0.value.double ?? .nan) }
        }

        /// Checks every range and the combinations Optuna refuses.
        ///
        /// - Throws: ``SuggesterError/invalidOption(name:message:)`` naming the option (as in a
        ///   manifest), the accepted range and the value given.
        public func validate() throws(SuggesterError) {
            guard sigma0 > 0 && sigma0 <= 1e6 else {
                throw .outOfRange(CodingKeys.sigma0, accepted: "a number with 0 < sigma0 <= 1000000 (in the unit cube)", given: NumberFormatting.shortest(sigma0))
            }
            guard popsize == 0 || (2...100_000).contains(popsize) else {
                throw .outOfRange(CodingKeys.popsize, accepted: "0 (4 + floor(3 ln n)) or an integer in 2...100000", given: "\(popsize)")
            }
            guard case .record(let record) = x0 else {
                throw .outOfRange(CodingKeys.x0, accepted: "a record of label: value (e.g. {x: 0.5, y: 2})", given: "\(x0)")
            }
            for (label, value) in record where !(value.double?.isFinite ?? false) {
                throw .invalidOption(name: "x0", message: "'\(label)' must be a finite number, got \(value)")
            }
            try Self.check(nStartupTrials, CodingKeys.nStartupTrials, in: 0...1_000_000)
            guard RestartStrategy(rawValue: restartStrategy) != nil else {
                let names = RestartStrategy.allCases.map(\.rawValue)
                let hint = NameSuggestion.nearest(to: restartStrategy, in: names).map { "; did you mean '\($0)'?" } ?? ""
                throw .invalidOption(name: "restart_strategy", message: "must be one of \(names.joined(separator: ", ")), got '\(restartStrategy)'\(hint)")
            }
            try Self.check(incPopsize, CodingKeys.incPopsize, in: 2...100)
            if useSeparableCMA && withMargin {
                throw .invalidOption(name: "use_separable_cma", message: "cannot be combined with with_margin (as in Optuna)")
            }
            if lrAdapt && (useSeparableCMA || withMargin) {
                throw .invalidOption(name: "lr_adapt", message: "works with the full CMA-ES only, not with \(useSeparableCMA ? "use_separable_cma" : "with_margin") (as in Optuna)")
            }
        }
    }
}
