import GSLKit

/// CMA-ES as the `cmaes` package implements it and Optuna 5.1.0's `CmaEsSampler` drives it,
/// with the separable and margin variants, learning-rate adaptation, and IPOP/BIPOP restarts;
/// docs/cmaes.md.
///
/// The numeric, unconditional coordinates (sorted by label) are searched in the unit cube;
/// every proposal is one individual, and a generation is told when λ of its trials are
/// complete (failed and pending trials never count). Categorical and conditional parameters,
/// and every parameter of the start-up trials, are drawn independently as Optuna's
/// `RandomSampler` draws them.
public struct CMAES: Suggester {
    public static let name = "cmaes"
    public static let summary = "CMA-ES (the cmaes package as Optuna drives it; ipop/bipop restarts, margin, separable); categorical and conditional parameters drawn independently"
    public static let capabilities: SuggesterCapabilities = [.conditionalSpaces]

    private let space: SearchSpace
    private let configuration: CMAESConfiguration
    /// Every parameter with its numeric view and whether CMA-ES searches it, in declaration order.
    private let parameters: [(coordinate: NumericCoordinate, cubeIndex: Int?)]
    private var history: CMAESHistory
    /// The run and population of the latest proposal, for its trial's extras.
    public private(set) var proposalExtras: OrderedRecord<Value> = [:]
    /// The latest proposal's trial id and raw draw (CMAwM tells it).
    private var lastProposal: (id: Int, raw: [Double])?
    /// The one generator of every proposal, reseeded per trial with
    /// ``CMAESConfiguration/trialSeed(id:)``: the stream of a new generator with that seed,
    /// without allocating one.
    private let generator: Tausworthe

    /// - Throws: ``SuggesterError/unsupportedSpace(_:)`` when the space has no coordinate for
    ///   CMA-ES; ``SuggesterError/invalidOption(name:message:)`` for a bad option or an `x0`
    ///   that does not fit the space.
    /// - Complexity: O(d log d) for d parameters.
    /// - Determinism: draws one 32-bit base seed from `rng`.
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError) {
        try options.validate()
        try Self.check(space: space, options: options)
        self.space = space
        configuration = try CMAESConfiguration(space: space, options: options, baseSeed: rng.next())
        let numeric = NumericSpace(space)
        let searched = configuration.coordinates.map(\.label)
        parameters = numeric.coordinates.map { ($0, searched.firstIndex(of: $0.label)) }
        history = CMAESHistory(configuration: configuration)
        generator = Tausworthe(seed: configuration.trialSeed(id: 0))
    }

    /// Refuses a space with no coordinate CMA-ES could search (it would never run).
    ///
    /// - Throws: ``SuggesterError/unsupportedSpace(_:)``.
    public static func check(space: SearchSpace, options: Options) throws(SuggesterError) {
        if NumericSpace(space).sortedNumeric.isEmpty { throw .unsupportedSpace(CMAESConfiguration.emptyMessage) }
    }

    /// The next individual, or an independent draw during start-up.
    ///
    /// - Complexity: amortised O(n²) per call plus O(λn² + n³) at each tell (O(n) and O(λn)
    ///   separable); O(1) to check that the history grew by appends from the one seen (O(N)
    ///   after a trial was updated or for another copy of the trials), and a full replay when
    ///   it is not an extension of it.
    /// - Determinism: `rng` is not used; the new trial's draws come from its own generator,
    ///   seeded from the base seed and the trial id: n `gaussian` per sampling attempt (at most
    ///   10n + 1), then one `uniform` per independently drawn numeric parameter and one
    ///   `uniformInt` per categorical, in declaration order. A restart draws from the new run's
    ///   own generator.
    public mutating func suggest(history trials: Trials, using rng: MersenneTwister) -> Assignment? {
        if !history.isPrefix(of: trials) {
            history = CMAESHistory(configuration: configuration)
            lastProposal = nil
        }
        for index in history.seenCount..<trials.count {
            let trial = trials[index]
            let raw = lastProposal.flatMap { $0.id == trial.id ? $0.raw : nil }
            history.append(trial, raw: raw, generator: generator)
        }
        history.markFollowed(trials)
        history.advance()
        let id = trials.nextID
        // The trial's own stream: the individual's normals first, then the independent draws.
        generator.reseed(configuration.trialSeed(id: id))
        var cube: [Double]?
        if history.isActive {
            let (point, raw) = history.ask(using: generator)
            cube = point
            lastProposal = (id, raw)
        } else {
            lastProposal = nil
        }
        let assignment = propose(cube: cube)
        let run = history.restarts.run, popsize = history.strategy.popsize
        if proposalExtras["cmaes_run"] != .int(run) || proposalExtras["cmaes_popsize"] != .int(popsize) {
            proposalExtras = ["cmaes_run": .int(run), "cmaes_popsize": .int(popsize)]
        }
        return assignment
    }

    /// Every active parameter's stored value in declaration order: the individual's for the
    /// coordinates CMA-ES searches (when `cube` is given), an independent draw otherwise.
    ///
    /// - Determinism: draws as ``independentDraw(_:using:)``, in declaration order.
    private func propose(cube: [Double]?) -> Assignment {
        func value(_ coordinate: NumericCoordinate, _ cubeIndex: Int?) -> Double {
            if let cube, let cubeIndex { return coordinate.stored(unit: cube[cubeIndex], padded: configuration.padded) }
            return Self.independentDraw(coordinate, using: generator)
        }
        // Every parameter is active: the space's labels, shared rather than inserted one by one.
        if let labels = configuration.allLabels {
            return Assignment(uniqueLabels: labels, values: parameters.map { value($0.coordinate, $0.cubeIndex) })
        }
        var assignment = Assignment()
        for (coordinate, cubeIndex) in parameters where coordinate.isActive(in: assignment) {
            assignment[coordinate.label] = value(coordinate, cubeIndex)
        }
        return assignment
    }

    /// Optuna's `RandomSampler`: a uniform option, or a uniform point of the padded working
    /// interval mapped back to a stored value.
    static func independentDraw(_ coordinate: NumericCoordinate, using rng: Tausworthe) -> Double {
        if case .categorical(let count) = coordinate.domain { return Double(rng.uniformInt(below: count)) }
        return coordinate.stored(unit: rng.uniform(), padded: true)
    }

    public var planDescription: String? {
        let o = configuration.options
        let kind = o.withMargin ? "with margin" : (o.useSeparableCMA && configuration.dimension >= 2 ? "separable" : (o.lrAdapt ? "lr-adapt" : "full"))
        return "cmaes \(kind) over \(configuration.dimension) coordinates, popsize \(configuration.initialPopsize), restarts \(o.restartStrategy)"
    }
}

extension Algorithm {
    /// CMA-ES with the default options; see ``CMAES``.
    public static var cmaes: Algorithm { Algorithm(CMAES.self) }
}
