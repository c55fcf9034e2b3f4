import GSLKit

/// Grid search for a fixed budget (see the grid file's documentation once written).
public struct GridSearch: Suggester {
    public struct Options: SuggesterOptions {
        public init() {}
    }
    public static let name = "grid"
    public static let summary = "fixed-budget grid, cell centres, seeded shuffled order"
    public static let capabilities: SuggesterCapabilities = [.conditionalSpaces, .needsFiniteSpace, .budgetAware, .deterministic]
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) {}
    public mutating func suggest(history: Trials, using rng: MersenneTwister) -> Assignment? { nil }
}
