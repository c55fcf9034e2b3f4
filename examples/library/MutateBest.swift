import Parzen

/// docs/library.md's suggester, as written there.
/// Proposes the best point so far with each value redrawn from the prior with probability
/// 1 − keep_probability; the first point is drawn from the prior.
struct MutateBest: Suggester {
    struct Options: SuggesterOptions {
        var keep_probability = 0.5

        func validate() throws(SuggesterError) {
            guard (0...1).contains(keep_probability) else {
                throw .invalidOption(name: "keep_probability", message: "must be in 0...1, got \(keep_probability)")
            }
        }
    }

    static let name = "mutate-best"
    static let summary = "the best point so far, each value redrawn with probability 1 - keep_probability"
    static let capabilities: SuggesterCapabilities = [.conditionalSpaces]

    let space: SearchSpace
    let options: Options

    init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError) {
        try options.validate()
        self.space = space
        self.options = options
    }

    mutating func suggest(history: Trials, using rng: MersenneTwister) throws(SuggesterError) -> Assignment? {
        let best = history.best?.assignment
        var point = Assignment()
        // Parameters in declaration order: a choice comes before the parameters of its options,
        // so `isActive(in:)` sees the choice already made.
        for parameter in space.parameters where parameter.isActive(in: point) {
            if let kept = best?[parameter.label], rng.uniform() < options.keep_probability {
                point[parameter.label] = kept
            } else {
                point[parameter.label] = parameter.distribution.sample(using: rng)
            }
        }
        return point
    }
}
