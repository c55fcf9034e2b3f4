import GSLKit

/// The strategy's state rebuilt from a search's history, trial by trial, as Optuna's
/// `CmaEsSampler` would have built it had it proposed those trials in order: which run and
/// generation each trial belongs to, when a generation is told, when a run restarts.
/// docs/cmaes.md, sections 10–12.
///
/// It is a pure function of (configuration, history): ``CMAES`` keeps one between calls,
/// extends it with the trials added since, and starts it over when the history is not an
/// extension of what it has seen.
struct CMAESHistory: Sendable {
    /// The run and generation a trial was proposed in.
    struct Tag: Sendable, Equatable {
        var run: Int
        var generation: Int
    }

    let configuration: CMAESConfiguration
    private(set) var strategy: EvolutionStrategy
    private(set) var restarts: RestartController

    // One entry per trial seen, in history order.
    private var ids: [Int] = []
    private var complete: [Bool] = []
    private var losses: [Double] = []
    /// The cube coordinates to tell for each trial (the stored values re-encoded, or CMAwM's
    /// raw draw); empty for trials outside CMA-ES.
    private var solutions: [[Double]] = []
    private var tags: [Tag?] = []
    /// Indexes of the trials tagged with the current run and generation.
    private var members: [Int] = []
    /// How many of ``members`` are complete.
    private var readyCount = 0
    private var completeCount = 0

    init(configuration: CMAESConfiguration) {
        self.configuration = configuration
        restarts = RestartController(
            strategy: configuration.options.restarts, initialPopsize: configuration.initialPopsize,
            increase: configuration.options.incPopsize)
        strategy = configuration.makeStrategy(mean: configuration.initialMean, popsize: configuration.initialPopsize)
    }

    var seenCount: Int { ids.count }

    /// The generation and outcome lineage of the history last followed to its end
    /// (``markFollowed(_:)``); nil before any.
    private var followed: (generation: Trials.Generation, outcomes: UInt64)?

    /// Records that every trial of `history` has been seen (``seenCount`` is its count), so that
    /// ``isPrefix(of:)`` recognises a history grown from it by appends in O(1).
    mutating func markFollowed(_ history: Trials) {
        precondition(history.count == ids.count, "the history must have been seen to its end")
        followed = (history.generation, history.outcomeLineage)
    }

    /// True when `history`'s first ``seenCount`` trials are the ones seen, unchanged: the same
    /// ids, the same trials complete, and those with the same loss, bit for bit (what the state
    /// depends on besides the assignments, which a trial keeps).
    ///
    /// - Complexity: O(1) when `history` has the generation and outcome lineage of the history
    ///   last followed (it only grew by appends since: ``Trials/outcomeLineage``); otherwise
    ///   O(``seenCount``), a few loads and compares per trial.
    func isPrefix(of history: Trials) -> Bool {
        let count = ids.count
        guard history.count >= count else { return false }
        if let followed, history.generation(ofFirst: count) == followed.generation,
            history.outcomeLineage == followed.outcomes {
            return true
        }
        // Read in place, without bounds checks or copies of the trials (their assignments).
        return history.trials.withUnsafeBufferPointer { trials in
            ids.withUnsafeBufferPointer { ids in
                complete.withUnsafeBufferPointer { complete in
                    losses.withUnsafeBufferPointer { losses in
                        var same = true
                        for index in 0..<count {
                            let trial = trials.baseAddress! + index
                            let loss = trial.pointee.loss
                            let isDone = trial.pointee.status == .ok && loss != nil
                            same = same && trial.pointee.id == ids[index] && isDone == complete[index]
                                && (!isDone || loss!.bitPattern == losses[index].bitPattern)
                            if !same { return false }
                        }
                        return true
                    }
                }
            }
        }
    }

    /// Optuna's COMPLETE: an ok trial with a loss (failed and pending ones never count).
    static func isComplete(_ trial: Trial) -> Bool { trial.status == .ok && trial.loss != nil }

    /// True when the trial at index `count` of the history (after `count` trials) is proposed by
    /// CMA-ES rather than drawn independently.
    var isActive: Bool { completeCount >= max(1, configuration.options.nStartupTrials) }

    var currentTag: Tag { Tag(run: restarts.run, generation: strategy.generation) }

    /// Tells every generation that has λ complete trials among those seen, restarting a
    /// finished run when restarts are on.
    mutating func advance() {
        while true {
            let λ = strategy.popsize
            guard readyCount >= λ else { return }
            var told: [[Double]] = [], values: [Double] = []
            told.reserveCapacity(λ)
            values.reserveCapacity(λ)
            for index in members where complete[index] && told.count < λ {
                told.append(solutions[index])
                values.append(losses[index])
            }
            strategy.tell(told, values: values)
            members.removeAll(keepingCapacity: true)
            readyCount = 0
            if configuration.options.restarts != .none && strategy.shouldStop() {
                let rng = configuration.restartGenerator(run: restarts.run + 1)
                let popsize = restarts.restart(afterGenerations: strategy.generation, using: rng)
                let mean = (0..<configuration.dimension).map { _ in rng.uniform() }
                strategy = configuration.makeStrategy(mean: mean, popsize: popsize)
            }
        }
    }

    /// Appends a trial proposed after the ones seen. `raw` is its raw draw when known (the
    /// proposal just made); CMAwM's is recomputed otherwise, with `generator` reseeded as the
    /// trial's.
    mutating func append(_ trial: Trial, raw: [Double]?, generator: Tausworthe) {
        advance()
        let index = ids.count
        ids.append(trial.id)
        let isDone = Self.isComplete(trial)
        complete.append(isDone)
        losses.append(trial.loss ?? .infinity)
        if isActive {
            tags.append(currentTag)
            members.append(index)
            if isDone { readyCount += 1 }
            if strategy.tellsRawDraws {
                solutions.append(raw ?? replayRaw(trialID: trial.id, generator: generator))
            } else {
                solutions.append(configuration.encode(trial.assignment))
            }
        } else {
            tags.append(nil)
            solutions.append([])
        }
        if isDone { completeCount += 1 }
    }

    /// The next individual from the current state (after ``advance()``); the strategy keeps
    /// its eigendecomposition for the next one.
    ///
    /// - Determinism: draws only from `rng`, which the caller has reseeded as the trial's
    ///   generator (``CMAESConfiguration/trialSeed(id:)``).
    mutating func ask(using rng: Tausworthe) -> (point: [Double], raw: [Double]) {
        strategy.ask(maxResampling: 10 * configuration.dimension, using: rng)
    }

    /// CMAwM's raw draw for trial `trialID`, recomputed from the current state: `generator`
    /// reseeded as the trial's draws what the trial's proposal drew.
    private mutating func replayRaw(trialID: Int, generator: Tausworthe) -> [Double] {
        generator.reseed(configuration.trialSeed(id: trialID))
        return ask(using: generator).raw
    }
}
