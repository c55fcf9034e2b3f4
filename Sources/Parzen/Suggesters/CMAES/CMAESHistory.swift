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
    private var completeCount = 0

    init(configuration: CMAESConfiguration) {
        self.configuration = configuration
        restarts = RestartController(
            strategy: configuration.options.restarts, initialPopsize: configuration.initialPopsize,
            increase: configuration.options.incPopsize)
        strategy = configuration.makeStrategy(mean: configuration.initialMean, popsize: configuration.initialPopsize)
    }

    var seenCount: Int { ids.count }

    /// True when `history`'s first ``seenCount`` trials are the ones seen, unchanged.
    func isPrefix(of history: Trials) -> Bool {
        guard history.count >= ids.count else { return false }
        // Read in place: copying each trial (its assignment) would cost more than the check.
        return history.trials.withUnsafeBufferPointer { trials in
            for index in ids.indices {
                guard trials[index].id == ids[index] else { return false }
                let loss = trials[index].loss
                let isDone = trials[index].status == .ok && loss != nil
                guard isDone == complete[index], !isDone || loss! == losses[index] else { return false }
            }
            return true
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
            let ready = members.filter { complete[$0] }
            guard ready.count >= λ else { return }
            let chosen = ready.prefix(λ)
            strategy.tell(chosen.map { solutions[$0] }, values: chosen.map { losses[$0] })
            members = []
            if configuration.options.restarts != .none && strategy.shouldStop() {
                let rng = configuration.restartGenerator(run: restarts.run + 1)
                let popsize = restarts.restart(afterGenerations: strategy.generation, using: rng)
                let mean = (0..<configuration.dimension).map { _ in rng.uniform() }
                strategy = configuration.makeStrategy(mean: mean, popsize: popsize)
            }
        }
    }

    /// Appends a trial proposed after the ones seen. `raw` is its raw draw when known (the
    /// proposal just made); CMAwM's is recomputed from the trial's generator otherwise.
    mutating func append(_ trial: Trial, raw: [Double]?) {
        advance()
        let index = ids.count
        ids.append(trial.id)
        let isDone = Self.isComplete(trial)
        complete.append(isDone)
        losses.append(trial.loss ?? .infinity)
        if isActive {
            tags.append(currentTag)
            members.append(index)
            if strategy.tellsRawDraws {
                solutions.append(raw ?? ask(trialID: trial.id).raw)
            } else {
                solutions.append(configuration.encode(trial.assignment))
            }
        } else {
            tags.append(nil)
            solutions.append([])
        }
        if isDone { completeCount += 1 }
    }

    /// The individual for trial `trialID` from the current state (after ``advance()``); the
    /// strategy keeps its eigendecomposition for the next one.
    ///
    /// - Determinism: draws only from the trial's own generator (`rng` when given: the same).
    mutating func ask(trialID: Int, using rng: MersenneTwister? = nil) -> (point: [Double], raw: [Double]) {
        strategy.ask(maxResampling: 10 * configuration.dimension, using: rng ?? configuration.trialGenerator(id: trialID))
    }
}
