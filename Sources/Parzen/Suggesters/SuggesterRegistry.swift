import GSLKit

/// The built-in suggesters, by name.
public enum SuggesterRegistry {
    /// Every built-in algorithm, in listing order. Adding one is one line here.
    public static let builtIns: [any Suggester.Type] = [
        GridSearch.self,
        RandomSearch.self,
        TPE.self,
        Anneal.self,
        Sobol.self,
        Halton.self,
        OptunaTPE.self,
        CMAES.self,
        GP.self,
    ]

    /// The registered names, in listing order.
    public static var names: [String] { builtIns.map { $0.name } }

    /// The suggester type registered as `name`, or nil.
    public static func type(named name: String) -> (any Suggester.Type)? {
        builtIns.first { $0.name == name }
    }
}

/// A configured algorithm: which suggester, with which options. This is what
/// ``fmin(_:space:algorithm:maxEvals:trials:seed:direction:options:)`` and the runner take.
///
/// ```swift
/// fmin(f, space: space, algorithm: .random, maxEvals: 100, trials: &trials, seed: 1)
/// fmin(f, space: space, algorithm: try .named("grid"), …)
/// ```
public struct Algorithm: Sendable {
    /// The registry name of the suggester.
    public let name: String
    public let capabilities: SuggesterCapabilities
    /// The options in effect, as plain values (for fingerprints and lock files).
    public let options: OrderedRecord<Value>
    private let factory: @Sendable (SearchSpace, Int, MersenneTwister) throws(SuggesterError) -> any Suggester
    private let spaceCheck: @Sendable (SearchSpace) throws(SuggesterError) -> Void

    /// An algorithm from a suggester type and typed options.
    public init<S: Suggester>(_ type: S.Type, options: S.Options = S.Options()) {
        name = S.name
        capabilities = S.capabilities
        self.options = options.record
        factory = { (space, budget, rng) throws(SuggesterError) in try S(space: space, options: options, budget: budget, using: rng) }
        spaceCheck = { (space) throws(SuggesterError) in try S.check(space: space, options: options) }
    }

    /// An algorithm that is not a registered type, e.g. an external program: its name,
    /// capabilities, options as plain values (everything that determines its proposals; they
    /// enter fingerprints and lock files) and a factory making one suggester per search.
    public init(
        name: String, capabilities: SuggesterCapabilities, options: OrderedRecord<Value>,
        factory: @escaping @Sendable (_ space: SearchSpace, _ budget: Int, _ rng: MersenneTwister) throws(SuggesterError) -> any Suggester
    ) {
        self.name = name
        self.capabilities = capabilities
        self.options = options
        self.factory = factory
        spaceCheck = { _ in }
    }

    /// The built-in algorithm registered as `name`, with options decoded from plain values
    /// (as a manifest gives them); unknown options and out-of-range values are rejected.
    public static func named(_ name: String, options: OrderedRecord<Value> = [:]) throws(SuggesterError) -> Algorithm {
        guard let type = SuggesterRegistry.type(named: name) else {
            throw .unknownAlgorithm(name: name, known: SuggesterRegistry.names)
        }
        return try make(type, options: options)
    }

    private static func make<S: Suggester>(_ type: S.Type, options: OrderedRecord<Value>) throws(SuggesterError) -> Algorithm {
        Algorithm(type, options: try S.Options.decode(from: options))
    }

    /// Refuses a space this algorithm cannot search: a conditional one without
    /// ``SuggesterCapabilities/conditionalSpaces``, or one the suggester's
    /// ``Suggester/check(space:options:)`` refuses.
    ///
    /// - Throws: ``SuggesterError/unsupportedSpace(_:)``.
    public func check(space: SearchSpace) throws(SuggesterError) {
        if space.isConditional && !capabilities.contains(.conditionalSpaces) {
            throw .unsupportedSpace("'\(name)' cannot search a conditional space (a choice between sub-spaces)")
        }
        try spaceCheck(space)
    }

    /// A fresh suggester for one search.
    ///
    /// - Determinism: may draw from `rng` (see ``Suggester/init(space:options:budget:using:)``).
    public func makeSuggester(space: SearchSpace, budget: Int, using rng: MersenneTwister) throws(SuggesterError) -> any Suggester {
        try check(space: space)
        return try factory(space, budget, rng)
    }
}

extension Algorithm {
    /// Random search: hyperopt's `rand.suggest`.
    public static var random: Algorithm { Algorithm(RandomSearch.self) }
    /// Grid search with the default options; see ``GridSearch``.
    public static var grid: Algorithm { Algorithm(GridSearch.self) }
}
