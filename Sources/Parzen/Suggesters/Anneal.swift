import Foundation
import GSLKit

/// Annealing, as hyperopt's `anneal.suggest` implements it (class `AnnealingAlgo`;
/// hyperopt 0.3.0, `hyperopt/anneal.py`): random search that samples ever closer to one
/// of the best points seen so far.
///
/// Each call recomputes everything from the history (no state is kept between calls):
///
/// 1. Every trial counts, in id order, with loss ``Trial/lossForModel`` (pending and failed
///    trials without a loss count as +∞, as hyperopt's `result.get('loss')` → `inf`).
/// 2. The hyperparameters are visited in declaration order (a choice before the parameters of
///    its options), skipping those whose branch was not chosen. For a label with no observation
///    yet (no trial where it was active) the value is drawn from the prior; there is no separate
///    start-up phase.
/// 3. Otherwise a *reference trial* is chosen among the T trials where the label was active:
///    first any reference trial already chosen for an earlier label of this proposal that has
///    the label (the first such, in the order they were chosen: hyperopt's `best_tids`, which
///    keeps the values coherent across labels); if none has it, the trials where the label was
///    active are sorted by (loss, id) and the one at position `min(g − 1, T − 1)` is taken, with
///    `g ~ Geometric(1/avg_best_idx)` (mean `avg_best_idx`, so position 0, the best, half of the
///    time with the default 2), and it joins the reference trials.
/// 4. The value is drawn near the reference value `v` with the shrink factor
///    `s = 1 / (1 + T · shrink_coef)`:
///    - uniform, quniform, uniformint, loguniform, qloguniform: uniformly from a window of width
///      `(high − low) · s` centred on `v` (on `log v` for the log kinds), the centre clipped so the
///      window stays inside `[low, high]`; then `exp` for the log kinds and rounding to the
///      lattice (`round(x/q)·q`, half to even) for the quantized ones (uniformint is hyperopt's
///      `quniform(low, high, 1)`);
///    - normal, qnormal: `N(v, sigma · s)`, then rounded for qnormal;
///    - lognormal, qlognormal: `exp(N(log v, sigma · s))` (`log(1e-16 + v)` for qlognormal, whose
///      value may be 0), then rounded for qlognormal;
///    - choice, randint: categorical with `p = (1 − s) · onehot(v) + s / K`;
///    - pchoice: categorical with `p = (1 − s) · onehot(v) + s · π` (π the prior weights).
///
/// Deviations from hyperopt (none changes the distribution of proposals on a space written in
/// declaration order):
///
/// - Random numbers come from the search's GSL MT19937 stream, not NumPy's `default_rng(seed +
///   new_id)`: same distributions, other bits. The geometric draw is by inversion; categorical
///   draws invert the cumulative probabilities with one uniform.
/// - Ties in loss are broken by trial id (NumPy's default argsort is not stable).
/// - Labels are visited in the space's declaration order; hyperopt visits them in the order of
///   its expression graph (dict keys sorted). This only changes which earlier label's reference
///   trial is reused first, never the marginal distribution of a label given its reference.
/// - Window ends and clipped centres are computed in floating point and the draw is clamped to
///   `[low, high]`, so a rounding error at the edge never leaves the space.
///
/// In a manifest: `{algorithm: anneal, options: {avg_best_idx: 2.0, shrink_coef: 0.1}}`.
public struct Anneal: Suggester {
    public static let name = "anneal"
    public static let summary = "annealing around one of the best trials (hyperopt's anneal.suggest)"
    public static let capabilities: SuggesterCapabilities = [.conditionalSpaces]

    /// The options, named as hyperopt's `anneal.suggest` keyword arguments.
    public struct Options: SuggesterOptions {
        /// `avg_best_idx` (default 2.0, accepted 1 ≤ x ≤ 1,000,000, finite): the mean of the
        /// geometric distribution over positions in the loss-sorted trials (1 always picks the best).
        public var avgBestIdx: Double
        /// `shrink_coef` (default 0.1, accepted 0 ≤ x ≤ 1,000,000, finite): how fast the
        /// neighbourhood shrinks, `s = 1 / (1 + T · shrink_coef)` after T observations of a label
        /// (0 never shrinks).
        public var shrinkCoef: Double

        enum CodingKeys: String, CodingKey {
            case avgBestIdx = "avg_best_idx"
            case shrinkCoef = "shrink_coef"
        }

        /// hyperopt's defaults.
        public init() { self.init(avgBestIdx: 2.0) }

        /// Options with the given values; each defaults to hyperopt's.
        public init(avgBestIdx: Double = 2.0, shrinkCoef: Double = 0.1) {
            self.avgBestIdx = avgBestIdx
            self.shrinkCoef = shrinkCoef
        }

        /// Checks every range.
        ///
        /// - Throws: ``SuggesterError/invalidOption(name:message:)`` naming the option (as in a
        ///   manifest), the accepted range and the value given.
        public func validate() throws(SuggesterError) {
            guard avgBestIdx.isFinite && avgBestIdx >= 1 && avgBestIdx <= 1_000_000 else {
                throw .outOfRange(
                    CodingKeys.avgBestIdx, accepted: "a finite number with 1 <= avg_best_idx <= 1000000", given: NumberFormatting.shortest(avgBestIdx))
            }
            guard shrinkCoef.isFinite && shrinkCoef >= 0 && shrinkCoef <= 1_000_000 else {
                throw .outOfRange(
                    CodingKeys.shrinkCoef, accepted: "a finite number with 0 <= shrink_coef <= 1000000", given: NumberFormatting.shortest(shrinkCoef))
            }
        }
    }

    private let space: SearchSpace
    private let options: Options

    /// Prepares a search.
    ///
    /// - Parameters:
    ///   - space: the space to search; conditional spaces are supported.
    ///   - options: validated here.
    ///   - budget: unused (annealing does not plan).
    ///   - rng: unused; nothing is drawn.
    /// - Throws: ``SuggesterError/invalidOption(name:message:)`` when an option is out of range.
    /// - Complexity: O(1).
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError) {
        try options.validate()
        self.space = space
        self.options = options
    }

    /// The next point: a prior draw for labels never observed, otherwise a draw near the value
    /// of a good reference trial.
    ///
    /// - Parameters:
    ///   - history: every trial so far, including pending (loss nil) and failed ones.
    ///   - rng: the search's suggester stream.
    /// - Returns: the stored values of exactly the active labels, in declaration order.
    /// - Complexity: O(N·a) to index the history (N trials, a active labels each), plus
    ///   O(T log T) to sort the T observations of each label that needs a new reference trial.
    /// - Determinism: a pure function of (space, options, history, generator state). For each
    ///   active label in declaration order: the draws of ``Distribution/sample(using:)`` when it
    ///   has no observation; otherwise one uniform for the geometric position when no reference
    ///   trial can be reused, then one uniform (uniform-like and categorical kinds) or one GSL
    ///   Gaussian (normal kinds).
    public mutating func suggest(history: Trials, using rng: MersenneTwister) -> Assignment? {
        let observations = Self.observations(of: space, in: history)
        var assignment = Assignment()
        // Reference trials chosen so far for this proposal (hyperopt's `best_tids`), in order.
        var references: [Int] = []
        for (position, parameter) in space.parameters.enumerated() where parameter.isActive(in: assignment) {
            let observed = observations[position]
            guard !observed.isEmpty else {
                assignment[parameter.label] = parameter.distribution.sample(using: rng)
                continue
            }
            let value: Double
            if let reused = references.lazy.compactMap({ id in observed.first { $0.id == id } }).first {
                value = reused.value
            } else {
                let sorted = observed.sorted { ($0.loss, $0.id) < ($1.loss, $1.id) }
                let index = min(Self.geometric(mean: options.avgBestIdx, using: rng) - 1, sorted.count - 1)
                references.append(sorted[index].id)
                value = sorted[index].value
            }
            let shrink = 1 / (1 + Double(observed.count) * options.shrinkCoef)
            assignment[parameter.label] = Self.draw(parameter.distribution, near: value, shrink: shrink, using: rng)
        }
        return assignment
    }

    // MARK: - Pieces (internal for tests)

    /// One observation of a label: the trial's id, its loss for the model, the stored value.
    struct Observation: Equatable {
        let id: Int
        let loss: Double
        let value: Double
    }

    /// For each parameter of `space` (same order), the trials where it was active, in id order.
    ///
    /// - Complexity: O(N·a) for N trials with a labels each.
    static func observations(of space: SearchSpace, in history: Trials) -> [[Observation]] {
        var observations = [[Observation]](repeating: [], count: space.parameters.count)
        let trials = history.trials.sorted { $0.id < $1.id }
        for trial in trials {
            let loss = trial.lossForModel
            for (label, value) in trial.assignment {
                guard let position = space.position(of: label) else { continue }
                observations[position].append(Observation(id: trial.id, loss: loss, value: value))
            }
        }
        return observations
    }

    /// A draw from Geometric(p = 1/mean) on {1, 2, …} (NumPy's `geometric`), by inversion:
    /// `⌈log(u) / log(1 − p)⌉` with u uniform on (0, 1).
    ///
    /// - Determinism: one uniform (none when p = 1, which always gives 1).
    static func geometric(mean: Double, using rng: MersenneTwister) -> Int {
        let p = 1 / mean
        guard p < 1 else { return 1 }
        let k = (log(rng.uniformPositive()) / log1p(-p)).rounded(.up)
        // Clamp far tails (k beyond any history length) before converting.
        return Int(max(1, min(k, 1e15)))
    }

    /// A draw of `distribution` concentrated around the reference value `value` with shrink
    /// factor `shrink` in (0, 1] (hyperopt's `hp_*` handlers).
    ///
    /// - Determinism: one uniform, or one GSL Gaussian for the normal kinds.
    static func draw(_ distribution: Distribution, near value: Double, shrink: Double, using rng: MersenneTwister) -> Double {
        /// Uniform from a window of width (high − low)·s around `centre`, clipped into [low, high].
        func window(_ low: Double, _ high: Double, centre: Double) -> Double {
            let half = 0.5 * (high - low) * shrink
            // A NaN centre (log of a non-positive value in an imported history) clips to the low
            // end like −∞, instead of reaching the generator.
            let clipped = min(max(centre.isNaN ? -.infinity : centre, low + half), high - half)
            let x = rng.uniform(clipped - half, clipped + half)
            return min(max(x, low), high)
        }
        func categorical(_ prior: [Double], chosen: Int) -> Double {
            let u = rng.uniform()
            var cumulative = 0.0
            for (index, p) in prior.enumerated() {
                cumulative += (1 - shrink) * (index == chosen ? 1 : 0) + shrink * p
                if u < cumulative { return Double(index) }
            }
            // u fell in the rounding gap above the last cumulative sum: take the last option
            // with positive probability.
            let last = prior.indices.last { (1 - shrink) * ($0 == chosen ? 1 : 0) + shrink * prior[$0] > 0 } ?? prior.count - 1
            return Double(last)
        }
        switch distribution {
        case .uniform(let low, let high):
            return window(low, high, centre: value)
        case .quniform(let low, let high, let q):
            return window(low, high, centre: value).quantized(by: q)
        case .uniformint(let low, let high):
            return window(Double(low), Double(high), centre: value).quantized(by: 1)
        case .loguniform(let low, let high):
            // log(0) = −∞ cannot happen here (values are positive), and would clip to the low end.
            return exp(window(low, high, centre: log(value)))
        case .qloguniform(let low, let high, let q):
            // A reference value rounded to 0 has log −∞, which clips the window to the low end,
            // as NumPy's clip does.
            return exp(window(low, high, centre: log(value))).quantized(by: q)
        case .normal(_, let sigma):
            return rng.gaussian(mean: value, sd: sigma * shrink)
        case .qnormal(_, let sigma, let q):
            return rng.gaussian(mean: value, sd: sigma * shrink).quantized(by: q)
        case .lognormal(_, let sigma):
            // Validated lognormal values are positive; the floor only guards imported histories.
            return rng.lognormal(zeta: log(max(value, .leastNormalMagnitude)), sigma: sigma * shrink)
        case .qlognormal(_, let sigma, let q):
            return rng.lognormal(zeta: log(max(1e-16 + value, .leastNormalMagnitude)), sigma: sigma * shrink).quantized(by: q)
        case .choice, .pchoice:
            return categorical(distribution.categoryProbabilities ?? [], chosen: Int(value))
        case .randint(let low, _):
            return Double(low) + categorical(distribution.categoryProbabilities ?? [], chosen: Int(value) - low)
        }
    }
}

extension Algorithm {
    /// Annealing with hyperopt's defaults; see ``Anneal``.
    public static var anneal: Algorithm { Algorithm(Anneal.self) }
}
