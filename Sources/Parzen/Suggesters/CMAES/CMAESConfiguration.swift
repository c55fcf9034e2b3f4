import GSLKit

/// What a CMA-ES search fixes at its start: the coordinates it searches (Optuna's relative
/// space), how they map to the unit cube, the options, and the seed its generators derive from.
struct CMAESConfiguration: Sendable {
    let options: CMAES.Options
    /// The numeric, unconditional, non-categorical, non-single coordinates, sorted by label.
    let coordinates: [NumericCoordinate]
    /// Lattices padded by half a step in the cube (off for CMA-ES with margin).
    let padded: Bool
    /// Per coordinate, its grid step in the cube for CMA-ES with margin (0 when continuous).
    let steps: [Double]
    let initialMean: [Double]
    let initialPopsize: Int
    /// The space's labels when no parameter is conditional (every assignment then holds all of
    /// them, in declaration order), nil otherwise.
    let allLabels: [String]?
    /// Drawn once from the search's generator; every proposal's and restart's generator
    /// derives from it.
    let baseSeed: UInt32

    var dimension: Int { coordinates.count }

    /// - Throws: ``SuggesterError/unsupportedSpace(_:)`` when no coordinate is left for
    ///   CMA-ES; ``SuggesterError/invalidOption(name:message:)`` for an `x0` that does not
    ///   fit the space.
    init(space: SearchSpace, options: CMAES.Options, baseSeed: UInt32) throws(SuggesterError) {
        let coordinates = NumericSpace(space).sortedNumeric
        guard !coordinates.isEmpty else { throw .unsupportedSpace(Self.emptyMessage) }
        self.options = options
        self.coordinates = coordinates
        self.baseSeed = baseSeed
        allLabels = space.isConditional ? nil : space.labels
        padded = !options.withMargin
        // Optuna: a grid for a lattice without log scale; log lattices are continuous to CMAwM.
        steps = coordinates.map { coordinate in
            guard options.withMargin, coordinate.scale == .linear, case .lattice(let step) = coordinate.domain else { return 0 }
            return step / (coordinate.high - coordinate.low)
        }
        let given = options.initialMean
        for (label, _) in given where !coordinates.contains(where: { $0.label == label }) {
            let names = coordinates.map(\.label)
            let hint = NameSuggestion.nearest(to: label, in: names).map { "; did you mean '\($0)'?" } ?? ""
            throw .invalidOption(name: "x0", message: "'\(label)' is not a coordinate CMA-ES searches\(hint) (searched: \(names.joined(separator: ", ")))")
        }
        var mean: [Double] = []
        for coordinate in coordinates {
            guard !given.isEmpty else { mean.append(0.5); continue }
            guard let value = given.first(where: { $0.label == coordinate.label })?.value else {
                throw .invalidOption(name: "x0", message: "gives no value for '\(coordinate.label)'; x0 needs every searched coordinate (\(coordinates.map(\.label).joined(separator: ", ")))")
            }
            let (low, high) = (coordinate.low, coordinate.high)
            guard value >= low && value <= high else {
                throw .invalidOption(name: "x0", message: "'\(coordinate.label)' must be in \(NumberFormatting.shortest(low))...\(NumberFormatting.shortest(high)), got \(NumberFormatting.shortest(value))")
            }
            mean.append(coordinate.unit(value, padded: !options.withMargin))
        }
        initialMean = mean
        initialPopsize = options.popsize > 0 ? options.popsize : CMAParameters.defaultPopsize(dimension: coordinates.count)
    }

    static let emptyMessage = "cmaes needs at least one numeric, unconditional parameter with more than one value (categorical and conditional ones are drawn independently); this space has none"

    /// A fresh run from `mean` with λ = `popsize`: SepCMA when asked for and n ≥ 2, CMAwM when
    /// asked for, the full CMA otherwise. σ0 ≥ 1e-10 as in Optuna.
    func makeStrategy(mean: [Double], popsize: Int) -> EvolutionStrategy {
        let sigma = max(options.sigma0, 1e-10)
        if options.useSeparableCMA && dimension >= 2 {
            return .separable(SepCMAStrategy(mean: mean, sigma: sigma, popsize: popsize))
        }
        // CMAwM needs two grid values per discrete coordinate; a coordinate with fewer is
        // single and never reaches here.
        if options.withMargin {
            return .margin(CMAwMStrategy(mean: mean, sigma: sigma, popsize: popsize, steps: steps))
        }
        return .full(CMAStrategy(mean: mean, sigma: sigma, popsize: popsize, lrAdapt: options.lrAdapt))
    }

    /// The cube coordinates of a trial's stored values (what CMA and SepCMA are told).
    ///
    /// - Complexity: O(n) for an assignment with the space's labels array (as proposed), O(n·d)
    ///   by label lookups otherwise.
    func encode(_ assignment: Assignment) -> [Double] {
        if let allLabels, assignment.labels == allLabels {
            return coordinates.map { $0.unit(assignment.values[$0.position], padded: padded) }
        }
        return coordinates.map { $0.unit(assignment[$0.label] ?? .nan, padded: padded) }
    }

    /// The seed of trial `id`'s generator (the suggester reseeds its one generator with it).
    func trialSeed(id: Int) -> UInt32 { Self.derive(baseSeed, UInt64(id), stream: 1) }

    /// The generator of the random choices that start run `run`.
    func restartGenerator(run: Int) -> Tausworthe { Tausworthe(seed: Self.derive(baseSeed, UInt64(run), stream: 2)) }

    /// SplitMix64's finaliser over (base seed, index, stream): distinct, well-mixed 32-bit seeds.
    static func derive(_ base: UInt32, _ index: UInt64, stream: UInt64) -> UInt32 {
        var z = (UInt64(base) << 32 | (index & 0xFFFF_FFFF)) &+ stream &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return UInt32(truncatingIfNeeded: (z ^ (z >> 31)) >> 32)
    }
}
