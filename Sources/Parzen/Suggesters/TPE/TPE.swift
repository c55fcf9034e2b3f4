import Foundation
import GSLKit

/// The Tree-structured Parzen Estimator, as hyperopt's `tpe.suggest` implements it
/// (../shared/reference/hyperopt-tpe-spec.md §2).
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
    }

    /// The next point: a prior draw during start-up, then TPE's proposal.
    ///
    /// - Parameters:
    ///   - history: every trial so far, including pending (loss nil) and failed ones.
    ///   - rng: the search's suggester stream.
    /// - Returns: the stored values of exactly the active labels, in declaration order.
    /// - Complexity: O(N·d + Σ_h n_h log n_h + d·C·w) for N trials, d parameters, n_h
    ///   observations of parameter h, C candidates and w the number of g(x) components within
    ///   9 bandwidths of a candidate; linear in N in practice.
    /// - Determinism: a pure function of (space, options, history, generator state). During
    ///   start-up it makes exactly the draws of ``SearchSpace/sample(using:)``; afterwards, for
    ///   each active parameter in declaration order, two draws per numeric candidate (component,
    ///   value) or one per categorical candidate.
    public mutating func suggest(history: Trials, using rng: MersenneTwister) -> Assignment? {
        let rows = TPE.historyRows(history, ignoreFailed: options.ignoreFailed)
        if rows.positions.count < options.nStartupJobs {
            return space.sample(using: rng)
        }
        let nBelow = TPE.belowCount(rows.positions.count, gamma: options.gamma)
        let isBelow = TPE.goodSet(losses: rows.losses, ids: rows.ids, count: nBelow)
        let observations = collectObservations(history, positions: rows.positions, isBelow: isBelow)
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
    /// - Complexity: O(N·log count) comparisons (plus O(count) moves per improvement).
    static func goodSet(losses: [Double], ids: [Int], count: Int) -> [Bool] {
        var marks = [Bool](repeating: false, count: losses.count)
        guard count > 0 else { return marks }
        @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
            let x = losses[a], y = losses[b]
            if x.isNaN != y.isNaN { return y.isNaN }
            if !x.isNaN && x != y { return x < y }
            return ids[a] < ids[b]
        }
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        for i in losses.indices {
            if best.count == count && !less(i, best[count - 1]) { continue }
            var low = 0, high = best.count
            while low < high {
                let mid = (low + high) / 2
                if less(best[mid], i) { low = mid + 1 } else { high = mid }
            }
            best.insert(i, at: low)
            if best.count > count { best.removeLast() }
        }
        for i in best { marks[i] = true }
        return marks
    }

    /// The trials the model sees, in id order: positions in `history.trials`, ids, losses.
    static func historyRows(_ history: Trials, ignoreFailed: Bool) -> (positions: [Int], ids: [Int], losses: [Double]) {
        var positions: [Int] = [], ids: [Int] = [], losses: [Double] = []
        positions.reserveCapacity(history.count)
        ids.reserveCapacity(history.count)
        losses.reserveCapacity(history.count)
        var ordered = true
        history.trials.withUnsafeBufferPointer { trials in
            for position in trials.indices {
                if ignoreFailed && (trials[position].status != .ok || trials[position].loss == nil) { continue }
                let id = trials[position].id
                if let last = ids.last, last >= id { ordered = false }
                positions.append(position)
                ids.append(id)
                losses.append(trials[position].lossForModel)
            }
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

    /// Each parameter's working values, split into the good and bad sets, in id order.
    struct Observations {
        var below: [[Double]]
        var above: [[Double]]
    }

    /// One pass over the history: for every trial and every parameter active in it, the
    /// observation (transformed as the parameter's model needs) goes to `below` or `above`.
    ///
    /// Assignments made by suggesters list labels in declaration order, so labels are matched
    /// with a cursor; anything else falls back to a lookup. A parameter whose conditions fail
    /// under the trial's choices is skipped without a lookup.
    ///
    /// - Complexity: O(N·d) for N trials and d parameters (label comparisons are O(1) for
    ///   the usual short labels).
    func collectObservations(_ history: Trials, positions: [Int], isBelow: [Bool]) -> Observations {
        if let observations = collectUnconditionalObservations(history, positions: positions, isBelow: isBelow) {
            return observations
        }
        let count = layout.labels.count
        let rows = positions.count
        // Every parameter gets a stretch of `rows` slots in one flat buffer per set; counts say
        // how many are used. Uninitialised: each slot is written before it is read.
        var belowCounts = [Int](repeating: 0, count: count)
        var aboveCounts = [Int](repeating: 0, count: count)
        let belowFlat = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, count * rows))
        let aboveFlat = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, count * rows))
        defer { belowFlat.deallocate(); aboveFlat.deallocate() }
        var values = [Double](repeating: .nan, count: count)
        let layout = self.layout
        history.trials.withUnsafeBufferPointer { trials in
            values.withUnsafeMutableBufferPointer { values in
                belowCounts.withUnsafeMutableBufferPointer { belowCounts in
                    aboveCounts.withUnsafeMutableBufferPointer { aboveCounts in
                        layout.labels.withUnsafeBufferPointer { names in
                            for row in 0..<rows {
                                let position = positions[row]
                                let good = isBelow[row]
                                // Through a pointer: reads the two arrays without copying the Trial.
                                let assignment = trials.baseAddress.unsafelyUnwrapped.advanced(by: position)
                                var cursor = 0
                                for p in 0..<count {
                                    values[p] = .nan
                                    var active = true
                                    var c = layout.conditionStart[p]
                                    let end = layout.conditionStart[p + 1]
                                    while c < end {
                                        if values[layout.conditionParent[c]] != layout.conditionOption[c] { active = false; break }
                                        c += 1
                                    }
                                    guard active else { continue }
                                    guard let value = assignment.pointee.assignment.value(of: names[p], cursor: &cursor) else { continue }
                                    values[p] = value
                                    guard let observation = layout.rules[p].observation(value) else { continue }
                                    if good {
                                        belowFlat[p * rows + belowCounts[p]] = observation
                                        belowCounts[p] += 1
                                    } else {
                                        aboveFlat[p * rows + aboveCounts[p]] = observation
                                        aboveCounts[p] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let below = (0..<count).map { p in Array(belowFlat[(p * rows)..<(p * rows + belowCounts[p])]) }
        let above = (0..<count).map { p in Array(aboveFlat[(p * rows)..<(p * rows + aboveCounts[p])]) }
        return Observations(below: below, above: above)
    }

    /// ``collectObservations(_:positions:isBelow:)`` for the common case: a space without
    /// conditions whose trials all hold exactly its labels in declaration order. The values are
    /// gathered row by row into one matrix, then each parameter's column is split into the two
    /// sets, in the same (id) order as the general pass. Returns nil when the case does not apply.
    ///
    /// - Complexity: O(N·d).
    func collectUnconditionalObservations(_ history: Trials, positions: [Int], isBelow: [Bool]) -> Observations? {
        let layout = self.layout
        let count = layout.labels.count
        let rows = positions.count
        guard count > 0, layout.conditionParent.isEmpty else { return nil }
        let matrix = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, count * rows))
        defer { matrix.deallocate() }
        let complete: Bool = history.trials.withUnsafeBufferPointer { trials in
            layout.labels.withUnsafeBufferPointer { names in
                positions.withUnsafeBufferPointer { positions in
                    for row in 0..<rows {
                        let trial = trials.baseAddress.unsafelyUnwrapped.advanced(by: positions[row])
                        let matched: Bool = trial.pointee.assignment.labels.withUnsafeBufferPointer { labels in
                            guard labels.count == count else { return false }
                            for p in 0..<count where labels[p] != names[p] { return false }
                            return true
                        }
                        guard matched else { return false }
                        trial.pointee.assignment.values.withUnsafeBufferPointer { values in
                            matrix.baseAddress.unsafelyUnwrapped.advanced(by: row &* count)
                                .update(from: values.baseAddress.unsafelyUnwrapped, count: count)
                        }
                    }
                    return true
                }
            }
        }
        guard complete else { return nil }
        var below: [[Double]] = [], above: [[Double]] = []
        below.reserveCapacity(count)
        above.reserveCapacity(count)
        let good = isBelow.reduce(0) { $0 + ($1 ? 1 : 0) }
        isBelow.withUnsafeBufferPointer { isBelow in
            for p in 0..<count {
                let rule = layout.rules[p]
                var goodCount = 0
                let l = [Double](unsafeUninitializedCapacity: good) { l, lCount in
                    let g = [Double](unsafeUninitializedCapacity: rows - good) { g, gCount in
                        var gc = 0
                        for row in 0..<rows {
                            guard let observation = rule.observation(matrix[row &* count &+ p]) else { continue }
                            if isBelow[row] {
                                l[goodCount] = observation
                                goodCount &+= 1
                            } else {
                                g[gc] = observation
                                gc &+= 1
                            }
                        }
                        gCount = gc
                    }
                    above.append(g)
                    lCount = goodCount
                }
                below.append(l)
            }
        }
        return Observations(below: below, above: above)
    }

    // MARK: - Proposal

    /// Greedy, top-down: each active parameter in declaration order gets the best of
    /// `n_EI_candidates` draws from its l(x).
    func propose(_ observations: Observations, using rng: MersenneTwister) -> Assignment {
        let parameters = space.parameters
        var chosen = [Double](repeating: .nan, count: parameters.count)
        var pairs: [(String, Double)] = []
        for p in parameters.indices {
            let model = models[p]
            guard model.conditions.allSatisfy({ chosen[$0.parent] == Double($0.option) }) else { continue }
            let value = model.propose(
                below: observations.below[p], above: observations.above[p], options: options, using: rng)
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
