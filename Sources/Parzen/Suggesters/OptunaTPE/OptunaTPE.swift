import GSLKit

/// Optuna 5.1.0's `TPESampler`, natively, on Parzen's numeric view of the space
/// (docs/optuna-tpe.md).
///
/// Each call:
///
/// 1. Reads the history as Optuna's trial states: `ok` trials are COMPLETE, `pending` ones
///    RUNNING, failed ones are invisible. While fewer than `n_startup_trials` are complete, every
///    active parameter is drawn uniformly on Optuna's transformed range (its `RandomSampler`).
/// 2. Splits the n complete trials: the min(⌈0.1·n⌉, 25) lowest losses are *below*, the rest —
///    and, with `constant_liar`, every pending trial — *above*.
/// 3. Multivariate (the default): one joint model over the parameters every complete trial
///    holds (`group: false`), or one per group of the decomposition (`group: true`); each draws
///    `n_ei_candidates` points from l(x), the estimator of *below*, and keeps the first with the
///    largest log l(x) − log g(x).
/// 4. Walks the parameters in declaration order, skipping inactive ones: a single-valued range
///    gives its value, a parameter the relative models proposed takes that value, any other is
///    proposed by a 1-D model of its own (independent mode: every parameter).
///
/// Deviations from Optuna (none changes the distribution of proposals): random numbers come from
/// GSL's MT19937 (one uniform per component, categorical option, truncated-normal draw and startup
/// value) instead of NumPy's `RandomState`; log Φ from GSL; tied observations keep a stable order.
public struct OptunaTPE: Suggester {
    public static let name = "tpe-optuna"
    public static let summary = "Optuna 5.1.0's TPESampler (multivariate TPE, group decomposition, constant liar)"
    /// Conditional spaces through the intersection and 1-D models or group decomposition; normal
    /// kinds are searched over μ ± 4σ, as Optuna's distributions are bounded.
    public static let capabilities: SuggesterCapabilities = [.conditionalSpaces, .needsFiniteSpace]

    let space: SearchSpace
    let numeric: NumericSpace
    let options: Options
    /// One per parameter of `space`, same order.
    let dimensions: [Dimension]
    /// Positions of the parameters sorted by label (Optuna sorts parameter names).
    let byLabel: [Int]
    /// Per parameter, the (position of the choice, option) pairs that make it active.
    let conditions: [[(parent: Int, option: Double)]]
    /// The history's values and their orders, kept between calls.
    var cache: ValueCache
    /// Scratch space for the mixture densities and the model membership, kept between calls.
    private var accumulator: [Double] = []
    private var member: [Int] = []
    /// Per model (its positions), the last *above* estimator and what it was built from.
    private var aboveModels: [[Int]: AboveModel] = [:]
    /// Per model (its positions), the last *below* estimator, its trials and cache generation.
    private var belowModels: [[Int]: (generation: Int, trials: [Int], estimator: OptunaParzenEstimator)] = [:]
    /// Per model (its positions), the neighbour lists that bound the candidates' scores.
    var neighbourhoods: [[Int]: Neighbourhoods] = [:]
    /// Per model (its positions), the calls left that choose the candidate in the plain loop.
    private var plainCalls: [[Int]: Int] = [:]
    /// The calls that use the plain loop after the bounds saved less than half of its work.
    static let plainCallsAfterFailure = 16
    /// The fewest *above* components for which the candidate is chosen with bounds.
    static let boundedFrom = 64

    /// An *above* estimator with the trials (history positions, trial order), observation
    /// columns and per-dimension value orders it was built from, under one cache generation.
    struct AboveModel {
        var generation: Int
        var trials: [Int]
        var columns: [[Double]]
        var orders: [[Int]]
        var estimator: OptunaParzenEstimator
    }

    /// Prepares a search.
    ///
    /// - Throws: ``SuggesterError/invalidOption(name:message:)`` when an option is out of range.
    /// - Complexity: O(P log P) for P parameters; draws nothing.
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError) {
        try options.validate()
        self.space = space
        self.options = options
        numeric = NumericSpace(space)
        dimensions = numeric.coordinates.map { Dimension($0) }
        byLabel = space.parameters.indices.sorted { space.parameters[$0].label < space.parameters[$1].label }
        conditions = space.parameters.map { parameter in
            parameter.conditions.map { (parent: space.position(of: $0.label)!, option: Double($0.option)) }
        }
        cache = ValueCache(parameterCount: space.parameters.count)
    }

    /// The next point: a random draw during startup, then TPE's proposal.
    ///
    /// - Parameters:
    ///   - history: every trial so far, including pending (loss nil) and failed ones.
    ///   - rng: the search's suggester stream.
    /// - Returns: the stored values of exactly the active labels, in declaration order.
    /// - Complexity: O(M·(N log N + B·K)) per model for N trials, B candidates and K ≤ N + 1
    ///   components, summed over the models' dimensions.
    /// - Determinism: a pure function of (space, options, history, generator state). During
    ///   startup one uniform per active, non-single parameter in declaration order; afterwards,
    ///   per model (relative models first, then 1-D models in declaration order), B uniforms
    ///   for the components and B per dimension.
    public mutating func suggest(history: Trials, using rng: MersenneTwister) -> Assignment? {
        let states = States(history)
        let startup = states.complete.count < options.nStartupTrials
        var split: (below: [Int], above: [Int]) = ([], [])
        var relative = [Double?](repeating: nil, count: dimensions.count)
        if !startup {
            cache.update(history, space: space, dimensions: dimensions)
            split = Self.split(history, states: states, belowCount: Self.defaultGamma(states.complete.count),
                               constantLiar: options.constantLiar)
            if options.multivariate {
                for positions in relativeModels(history, complete: states.complete) {
                    let proposal = propose(positions, split: split, history: history, using: rng)
                    for (i, p) in positions.enumerated() { relative[p] = proposal[i] }
                }
            }
        }
        var values = [Double](repeating: .nan, count: dimensions.count)
        var pairs: [(String, Double)] = []
        for p in dimensions.indices {
            guard conditions[p].allSatisfy({ values[$0.parent] == $0.option }) else { continue }
            let coordinate = numeric.coordinates[p]
            let value: Double
            if coordinate.isSingle {
                value = coordinate.stored(external: coordinate.low)
            } else if let external = relative[p] {
                value = coordinate.stored(external: external)
            } else if startup {
                value = Self.randomValue(coordinate, using: rng)
            } else {
                value = coordinate.stored(external: propose([p], split: split, history: history, using: rng)[0])
            }
            values[p] = value
            if space.isConditional { pairs.append((space.parameters[p].label, value)) }
        }
        // Every parameter of an unconditional space is active: share the space's labels.
        return space.isConditional ? Assignment(pairs) : Assignment(uniqueLabels: space.labels, values: values)
    }

    /// Optuna's `RandomSampler` draw: a uniform index for a categorical, else a uniform on the
    /// transformed range (half-step widened lattices, logs) mapped back onto the range.
    static func randomValue(_ coordinate: NumericCoordinate, using rng: MersenneTwister) -> Double {
        if case .categorical(let count) = coordinate.domain {
            return Double(rng.uniformInt(below: count))
        }
        return coordinate.stored(unit: rng.uniform(), padded: true)
    }

    /// One model's proposal: estimators of *below* and *above* over `positions`, from the trials
    /// holding all of them; `n_ei_candidates` draws from l(x); the first largest log l − log g
    /// (found without computing g in full for every candidate, the same index bit for bit).
    ///
    /// - Returns: the winner's external values, one per position.
    mutating func propose(_ positions: [Int], split: (below: [Int], above: [Int]), history: Trials,
                          using rng: MersenneTwister) -> [Double] {
        let below = belowEstimator(positions, trials: split.below, historyCount: history.count)
        let above = aboveEstimator(positions, trials: split.above, historyCount: history.count)
        let count = options.nEICandidates
        let (candidates, sources) = below.estimator.sample(count: count, using: rng)
        let logBelow = below.estimator.logDensities(candidates, count: count, accumulator: &accumulator)
        let prepared = above.estimator.prepare(candidates, count: count)
        // The bounds pay where most candidates' g need not be computed in full (long histories
        // in several dimensions); where they did not, the plain loop serves the next calls.
        if above.estimator.componentCount < Self.boundedFrom
            || plainCalls[positions].map({ $0 > 0 }) ?? false {
            if let rest = plainCalls[positions], rest > 0 { plainCalls[positions] = rest - 1 }
            let best = above.estimator.plainFirstBestCandidate(prepared, logBelow: logBelow, accumulator: &accumulator)
            return candidates.map { $0[best] }
        }
        let (hints, starts) = neighbourHints(positions, below: below.trials, above: above.trials,
                                             estimator: above.estimator, sources: sources)
        var work = 0
        let best = above.estimator.firstBestCandidate(prepared, logBelow: logBelow, hints: hints, hintStarts: starts,
                                                      accumulator: &accumulator, work: &work)
        if 2 * work > count * above.estimator.componentCount { plainCalls[positions] = Self.plainCallsAfterFailure }
        return candidates.map { $0[best] }
    }

    /// The estimator of *below* over `positions`, from the trials at `trials` that hold all of
    /// them: the last one of the model again when those trials are the same (a good set that no
    /// new trial entered), else built anew; the good set is small, so its estimator sorts its own
    /// values.
    ///
    /// - Returns: the estimator and the trials it stands for (history positions, ascending).
    /// - Complexity: O(N·|positions|) to compare the trials, plus the construction when built.
    mutating func belowEstimator(_ positions: [Int], trials: [Int], historyCount: Int)
        -> (estimator: OptunaParzenEstimator, trials: [Int]) {
        let members = space.isConditional
            ? trials.filter { t in positions.allSatisfy { !cache.values[$0][t].isNaN } } : trials
        if let model = belowModels[positions], model.generation == cache.generation, model.trials == members {
            return (model.estimator, members)
        }
        let data = observations(positions, of: trials, historyCount: historyCount, withOrders: false)
        let estimator = OptunaParzenEstimator(
            dimensions: positions.map { dimensions[$0] }, observations: data.columns, parameters: options.estimatorParameters)
        belowModels[positions] = (cache.generation, members, estimator)
        return (estimator, members)
    }

    /// The estimator of *above* over `positions`, from the trials at `trials` that hold all of
    /// them: the last one of the model again when those trials are the same, that one extended by
    /// ``OptunaParzenEstimator/insert(_:at:columns:orders:parameters:)`` when exactly one trial
    /// joined them (a new trial, or one that left the good set), else built anew — the same
    /// estimator bit for bit either way.
    ///
    /// - Returns: the estimator and the trials it stands for (history positions, ascending).
    /// - Complexity: O(N·|positions|); the construction's O(N·|positions|) sorts, masses and logs
    ///   only when built anew.
    mutating func aboveEstimator(_ positions: [Int], trials: [Int], historyCount: Int)
        -> (estimator: OptunaParzenEstimator, trials: [Int]) {
        let parameters = options.estimatorParameters
        let members = space.isConditional
            ? trials.filter { t in positions.allSatisfy { !cache.values[$0][t].isNaN } } : trials
        if var model = aboveModels.removeValue(forKey: positions), model.generation == cache.generation {
            if model.trials == members {
                aboveModels[positions] = model
                return (model.estimator, members)
            }
            if OptunaParzenEstimator.canInsert(into: model.trials.count, parameters: parameters),
               let k = Self.insertionIndex(of: model.trials, in: members) {
                let t = members[k]
                model.estimator.insert(positions.map { cache.values[$0][t] }, at: k, columns: &model.columns,
                                       orders: &model.orders, parameters: parameters)
                model.trials = members
                aboveModels[positions] = model
                return (model.estimator, members)
            }
        }
        var data = observations(positions, of: trials, historyCount: historyCount)
        var estimator = OptunaParzenEstimator(
            dimensions: positions.map { dimensions[$0] }, observations: data.columns, orders: data.orders, parameters: parameters)
        // Room for the insertions of the calls to come.
        let room = members.count + members.count / 8 + 16
        estimator.reserveCapacity(room + 1)
        for i in data.columns.indices {
            data.columns[i].reserveCapacity(room)
            data.orders[i].reserveCapacity(room)
        }
        var trials = members
        trials.reserveCapacity(room)
        aboveModels[positions] = AboveModel(
            generation: cache.generation, trials: trials, columns: data.columns, orders: data.orders, estimator: estimator)
        return (estimator, members)
    }

    /// The index at which `new` holds one element more than `old`, when `new` is `old` with
    /// exactly one element inserted; nil otherwise.
    ///
    /// - Complexity: O(|old|).
    static func insertionIndex(of old: [Int], in new: [Int]) -> Int? {
        guard new.count == old.count + 1 else { return nil }
        var i = 0
        while i < old.count && old[i] == new[i] { i += 1 }
        var j = i
        while j < old.count && old[j] == new[j + 1] { j += 1 }
        return j == old.count ? i : nil
    }

    /// The observation columns of `positions` from the trials at `trials` (history positions, in
    /// trial order) that hold all of them, numeric values clipped into Optuna's range (a
    /// re-quantized stored value can lie a little outside it); and, `withOrders`, per position
    /// the observations' indexes in ascending order of value, read off the cache's orders.
    ///
    /// - Complexity: O(|trials|·|positions|), O(N·|positions|) with the orders.
    mutating func observations(_ positions: [Int], of trials: [Int], historyCount: Int,
                               withOrders: Bool = true) -> (columns: [[Double]], orders: [[Int]]) {
        member.removeAll(keepingCapacity: true)
        member.append(contentsOf: repeatElement(-1, count: historyCount))
        var columns = [[Double]](repeating: [], count: positions.count)
        var n = 0
        if space.isConditional {
            for t in trials where positions.allSatisfy({ !cache.values[$0][t].isNaN }) {
                member[t] = n
                n += 1
            }
        } else {
            for t in trials {
                member[t] = n
                n += 1
            }
        }
        var orders = [[Int]](repeating: [], count: positions.count)
        for (i, p) in positions.enumerated() {
            let values = cache.values[p]
            var column: [Double] = []
            column.reserveCapacity(n)
            for t in trials where member[t] >= 0 { column.append(values[t]) }
            columns[i] = column
            guard withOrders && !dimensions[p].isCategorical else { continue }
            var order: [Int] = []
            order.reserveCapacity(n)
            for t in cache.orders[p] where member[t] >= 0 { order.append(member[t]) }
            orders[i] = order
        }
        return (columns, orders)
    }
}

extension Algorithm {
    /// Optuna 5.1.0's TPESampler with its defaults; see ``OptunaTPE``.
    public static var tpeOptuna: Algorithm { Algorithm(OptunaTPE.self) }

    /// Optuna's TPESampler with the given options, e.g. `.tpeOptuna(.init(multivariate: false))`.
    public static func tpeOptuna(_ options: OptunaTPE.Options) -> Algorithm { Algorithm(OptunaTPE.self, options: options) }
}
