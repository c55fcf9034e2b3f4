import GSLKit

/// Random search: every point drawn independently from the prior (hyperopt's `rand.suggest`).
public struct RandomSearch: Suggester {
    public typealias Options = NoOptions

    public static let name = "random"
    public static let summary = "independent draws from the prior (hyperopt's rand.suggest)"
    public static let capabilities: SuggesterCapabilities = [.conditionalSpaces]

    private let space: SearchSpace

    public init(space: SearchSpace, options: NoOptions, budget: Int, using rng: MersenneTwister) {
        self.space = space
    }

    /// - Complexity: O(number of parameters).
    /// - Determinism: one ``SearchSpace/sample(using:)`` per call; ignores history.
    public mutating func suggest(history: Trials, using rng: MersenneTwister) -> Assignment? {
        space.sample(using: rng)
    }
}
