import Foundation
import GSLKit

/// The Tree-structured Parzen Estimator, as hyperopt's `tpe.suggest` implements it
/// (hyperopt 0.3.0, `hyperopt/tpe.py`).
///
/// Each call:
///
/// 1. Takes every trial of the history, in id order, with loss ``Trial/lossForModel`` (failed and
///    pending trials count as +∞, as in hyperopt; ``Options-swift.struct/ignoreFailed`` leaves
///    them out). While there are fewer than `n_startup_jobs`, it returns a draw from the prior.
/// 2. Splits the N trials once, globally: the min(⌈gamma·√N⌉, 25) best by (loss, id) are the
///    good set, the rest the bad set.
/// 3. Visits the hyperparameters in declaration order (a choice before the parameters of its
///    options), skipping those whose branch was not chosen. For each, it builds l(x) from the
///    good trials where the parameter was active and g(x) from the bad ones — adaptive Parzen
///    estimators (truncated Gaussian or log-normal mixtures, quantized kinds scored by probability
///    mass) or categorical pseudo-counts — draws `n_EI_candidates` candidates from l(x) and keeps
///    the first with the largest log l(x) − log g(x).
///
/// Deviations from hyperopt (none changes the distribution of proposals):
///
/// - Bounded mixtures are sampled exactly by component reweighting and CDF inversion instead of
///   a rejection loop; components are picked by inverting cumulative weights.
/// - Ties in the split are broken by id (hyperopt's unstable argsort leaves them arbitrary).
/// - CDF differences are computed in their tail (hyperopt's `0.5·(1+erf)` underflows earlier);
///   a NaN score (0/0 mass) never wins, where NumPy's argmax would pick it.
/// - Random numbers come from GSL's MT19937, not NumPy's PCG64: same distributions, other bits.
/// - g(x) is scored without its truncation mass p_accept: a term common to every candidate's
///   score, so the winner is the same but for rounding in scores tied to the last bits.
public struct TPE: Suggester {
    public static let name = "tpe"
    public static let summary = "Tree-structured Parzen Estimator (hyperopt's tpe.suggest)"
    public static let capabilities: SuggesterCapabilities = [.conditionalSpaces]

    /// hyperopt's `DEFAULT_LF`: the good-set cap and the linear-forgetting length.
    static let defaultLF = 25

    let space: SearchSpace
    let options: Options
    /// One entry per parameter of `space`, same order.
    let models: [ParameterModel]
    /// The same, flattened for the pass over the history.
    let layout: Layout
    /// The observations of the trials seen so far (see ``ObservationCache``).
    private(set) var cache: ObservationCache

    /// Prepares a search.
    ///
    /// - Throws: ``SuggesterError/invalidOption(name:message:)`` when an option is out of range.
    /// - Complexity: O(number of parameters); draws nothing.
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError) {
        try options.validate()
        self.space = space
        self.options = options
        models = space.parameters.map { ParameterModel($0, in: space) }
        layout = Layout(space: space, models: models)
        cache = ObservationCache(width: models.count)
    }

    /// The next point: a prior draw during start-up, then TPE's proposal.
    ///
    /// - Parameters:
    ///   - history: every trial so far, including pending (loss nil) and failed ones.
    ///   - rng: the search's suggester stream.
    /// - Returns: the stored values of exactly the active labels, in declaration order.
    /// - Complexity: O(N·d + d·C·w) for N trials, d parameters, C candidates and w the number
    ///   of g(x) components within 9 bandwidths of a candidate, after one new trial (the usual
    ///   step of a search); O(N·d·log N) at worst, on a history this suggester has not seen.
    /// - Determinism: a pure function of (space, options, history, generator state). During
    ///   start-up it makes exactly the draws of ``SearchSpace/sample(using:)``; afterwards, for
    ///   each active parameter in declaration order, two draws per numeric candidate (component,
    ///   value) or one per categorical candidate.
    public mutating func suggest(history: Trials, using rng: MersenneTwister) -> Assignment? {
        let rows = TPE.historyRows(history, ignoreFailed: options.ignoreFailed)
        if rows.positions.count < options.nStartupJobs {
            return space.sample(using: rng)
        }
        // Two statements: in one, `self` would be copied for `propose` before the argument
        // updates the cache, and the update would then copy the cache's arrays.
        let observations = observationSets(history, rows: rows)
        return propose(observations, using: rng)
    }

    // MARK: - Split

    /// n_below = min(⌈gamma·√N⌉, cap) (hyperopt's `ap_split_trials`).
    static func belowCount(_ n: Int, gamma: Double, cap: Int = TPE.defaultLF) -> Int {
        guard n > 0 else { return 0 }
        return min(Int((gamma * Double(n).squareRoot()).rounded(.up)), cap, n)
    }

    /// Marks the `count` best entries by (loss, id): NaN losses after +∞, ties by id.
    ///
    /// - Complexity: O(N·log count) comparisons (plus O(count) moves per improvement); one
    ///   comparison for an entry that does not enter the best so far.
    static func goodSet(losses: [Double], ids: [Int], count: Int) -> [Bool] {
        var marks = [Bool](repeating: false, count: losses.count)
        guard count > 0 else { return marks }
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        losses.withUnsafeBufferPointer { losses in
            ids.withUnsafeBufferPointer { ids in
                @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
                    let x = losses[a], y = losses[b]
                    if x.isNaN != y.isNaN { return y.isNaN }
                    if !x.isNaN && x != y { return x < y }
                    return ids[a] < ids[b]
                }
                for i in 0..<losses.count {
                    if best.count == count {
                        // Most entries lose to the worst of the best: rule them out with plain
                        // comparisons first (the same order as less(_:_:)).
                        let worst = best[count &- 1], x = losses[i], y = losses[worst]
                        if x > y || (x == y && ids[i] > ids[worst]) || (x.isNaN && !y.isNaN) { continue }
                        if !less(i, worst) { continue }
                    }
                    var low = 0, high = best.count
                    while low < high {
                        let mid = (low &+ high) &>> 1
                        if less(best[mid], i) { low = mid &+ 1 } else { high = mid }
                    }
                    best.insert(i, at: low)
                    if best.count > count { best.removeLast() }
                }
            }
        }
        for i in best { marks[i] = true }
        return marks
    }

    /// The trials the model sees, in id order: positions in `history.trials`, ids, losses.
    ///
    /// - Complexity: O(N), plus a sort when the ids are not in position order.
    static func historyRows(_ history: Trials, ignoreFailed: Bool) -> (positions: [Int], ids: [Int], losses: [Double]) {
        let total = history.count
        // Array(unsafeUninitializedCapacity: 0) writes its count into the shared empty-array
        // storage, a write that races with every other thread doing the same.
        guard total > 0 else { return ([], [], []) }
        var kept = 0
        var ordered = true
        var ids: [Int] = []
        var losses: [Double] = []
        // Each array gets at most one entry per trial; `kept` of them are written.
        var positions = [Int](unsafeUninitializedCapacity: total) { positions, positionsCount in
            ids = [Int](unsafeUninitializedCapacity: total) { ids, idsCount in
                losses = [Double](unsafeUninitializedCapacity: total) { losses, lossesCount in
                    history.trials.withUnsafeBufferPointer { trials in
                        var lastID = Int.min
                        for position in 0..<total {
                            let trial = trials.baseAddress.unsafelyUnwrapped.advanced(by: position)
                            let loss = trial.pointee.loss
                            if ignoreFailed && (trial.pointee.status != .ok || loss == nil) { continue }
                            let id = trial.pointee.id
                            if lastID >= id { ordered = false }
                            lastID = id
                            positions[kept] = position
                            ids[kept] = id
                            losses[kept] = trial.pointee.lossForModel
                            kept &+= 1
                        }
                    }
                    lossesCount = kept
                }
                idsCount = kept
            }
            positionsCount = kept
        }
        if !ordered {
            let order = ids.indices.sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) }
            positions = order.map { positions[$0] }
            ids = order.map { ids[$0] }
            losses = order.map { losses[$0] }
        }
        return (positions, ids, losses)
    }

    // MARK: - Observations

    /// The split of the modelled trials' observations into the good and bad sets, from the
    /// cache brought up to `history`.
    ///
    /// - Parameter rows: ``historyRows(_:ignoreFailed:)`` of `history`.
    mutating func observationSets(_ history: Trials, rows: (positions: [Int], ids: [Int], losses: [Double])) -> ObservationSets {
        let nBelow = TPE.belowCount(rows.positions.count, gamma: options.gamma)
        let isBelow = TPE.goodSet(losses: rows.losses, ids: rows.ids, count: nBelow)
        if rows.positions.indices.dropFirst().allSatisfy({ rows.positions[$0 - 1] < rows.positions[$0] }) {
            cache.synchronize(with: history, layout: layout)
            #if PARZEN_INTERNAL_CHECKS
            cache.checkAgainstRebuild(history.trials, layout: layout)
            #endif
            return ObservationSets(cache: cache, positions: rows.positions, isBelow: isBelow)
        }
        // Trials out of id order (only a hand-built history has them): the cache's positions
        // must be id order, so this call caches the modelled trials in that order, for itself.
        var ordered = ObservationCache(width: models.count)
        ordered.rebuild(from: rows.positions.map { history.trials[$0] }, layout: layout)
        return ObservationSets(cache: ordered, positions: Array(rows.positions.indices), isBelow: isBelow)
    }

    // MARK: - Proposal

    /// Greedy, top-down: each active parameter in declaration order gets the best of
    /// `n_EI_candidates` draws from its l(x).
    func propose(_ observations: ObservationSets, using rng: MersenneTwister) -> Assignment {
        let parameters = space.parameters
        var chosen = [Double](repeating: .nan, count: parameters.count)
        var pairs: [(String, Double)] = []
        for p in parameters.indices {
            let model = models[p]
            guard model.conditions.allSatisfy({ chosen[$0.parent] == Double($0.option) }) else { continue }
            let value = model.propose(parameter: p, observations, options: options, using: rng)
            chosen[p] = value
            if space.isConditional { pairs.append((parameters[p].label, value)) }
        }
        // Every parameter of an unconditional space is active: share the space's labels.
        return space.isConditional ? Assignment(pairs) : Assignment(uniqueLabels: space.labels, values: chosen)
    }
}

extension Algorithm {
    /// TPE with hyperopt's defaults; see ``TPE``.
    public static var tpe: Algorithm { Algorithm(TPE.self) }

    /// TPE with the given options, e.g. `.tpe(.init(gamma: 0.15))`.
    public static func tpe(_ options: TPE.Options) -> Algorithm { Algorithm(TPE.self, options: options) }
}
