import Foundation
import GSLKit

// Quasi-random search: GSL's Sobol and Halton sequences over the unit cube, mapped through the
// space. `Sobol` and `Halton` are thin registered types over one shared engine.

/// Sobol quasi-random search: GSL's Sobol sequence (at most 40 parameters), shifted by a seeded
/// random vector, mapped through the space. See ``QuasiRandomSearch`` for the mapping.
///
/// In a manifest: `sobol`, or `{algorithm: sobol, options: {shift: false}}` for GSL's raw sequence.
public typealias Sobol = QuasiRandom<SobolSequence>

/// Halton quasi-random search: GSL's Halton sequence (at most 1229 parameters), shifted by a
/// seeded random vector, mapped through the space. See ``QuasiRandomSearch`` for the mapping.
///
/// In a manifest: `halton`, or `{algorithm: halton, options: {shift: false}}` for GSL's raw sequence.
public typealias Halton = QuasiRandom<HaltonSequence>

/// Which of GSL's sequences a ``QuasiRandom`` search follows, and its registry entry.
public protocol QuasiRandomKind: Sendable {
    /// The sequence.
    static var sequence: QuasiRandomSequence.Kind { get }
    /// The registry name (`sobol`).
    static var name: String { get }
    /// One line for `parzen list`.
    static var summary: String { get }
}

/// ``Sobol``'s sequence.
public enum SobolSequence: QuasiRandomKind {
    public static let sequence = QuasiRandomSequence.Kind.sobol
    public static let name = "sobol"
    public static let summary = "GSL's Sobol sequence with a seeded random shift (at most 40 parameters)"
}

/// ``Halton``'s sequence.
public enum HaltonSequence: QuasiRandomKind {
    public static let sequence = QuasiRandomSequence.Kind.halton
    public static let name = "halton"
    public static let summary = "GSL's Halton sequence with a seeded random shift (at most 1229 parameters)"
}

/// Quasi-random search over one of GSL's sequences (``Sobol``, ``Halton``): a registered type
/// over the shared engine, ``QuasiRandomSearch``.
public struct QuasiRandom<Kind: QuasiRandomKind>: Suggester {
    public typealias Options = QuasiRandomOptions
    public static var name: String { Kind.name }
    public static var summary: String { Kind.summary }
    public static var capabilities: SuggesterCapabilities { [.conditionalSpaces] }

    private var engine: QuasiRandomSearch

    /// Prepares a search; draws one shift per parameter from `rng` when `options.shift`.
    ///
    /// - Throws: ``SuggesterError/unsupportedSpace(_:)`` when the space has more parameters
    ///   than the sequence supports ("sobol supports at most 40 parameters, this space has 57").
    /// - Complexity: O(number of parameters).
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError) {
        engine = try QuasiRandomSearch(Kind.sequence, space: space, options: options, using: rng)
    }

    /// A search with explicit shifts (one per parameter, each in [0, 1)); zeros give GSL's raw
    /// sequence. For tests.
    init(space: SearchSpace, shifts: [Double]) throws(SuggesterError) {
        engine = try QuasiRandomSearch(Kind.sequence, space: space, shifts: shifts)
    }

    /// The next point of the sequence; see ``QuasiRandomSearch/next(history:)``.
    ///
    /// - Complexity: O(number of parameters) per call (O(index · parameters) once, on resume).
    /// - Determinism: draws nothing; a pure function of (space, shifts, point index).
    public mutating func suggest(history: Trials, using rng: MersenneTwister) -> Assignment? {
        engine.next(history: history)
    }

    public var planDescription: String? { engine.planDescription }
}

/// Options of ``Sobol`` and ``Halton``.
public struct QuasiRandomOptions: SuggesterOptions {
    /// `shift` (default true): rotate the sequence by a random vector drawn from the search's
    /// seed (Cranley–Patterson), so replicates differ. False gives GSL's raw sequence, the same
    /// points for every seed.
    public var shift: Bool

    public init() { shift = true }

    public init(shift: Bool) { self.shift = shift }

    enum CodingKeys: String, CodingKey { case shift }
}

extension Algorithm {
    /// Sobol quasi-random search with a seeded shift; see ``Sobol``.
    public static var sobol: Algorithm { Algorithm(Sobol.self) }
    /// Halton quasi-random search with a seeded shift; see ``Halton``.
    public static var halton: Algorithm { Algorithm(Halton.self) }
}

/// The engine behind ``Sobol`` and ``Halton``.
///
/// **Coordinates.** One coordinate per parameter of the space, in declaration order (a choice
/// before the parameters of its options); a parameter inactive under the point's choices leaves
/// its coordinate unused. So a space with d parameters uses a d-dimensional sequence, and the
/// dimension limit is checked against d when the search is prepared.
///
/// **Shift.** Point k of the sequence (GSL's: Sobol skips the origin and starts at
/// (½, …, ½)) is rotated coordinate-wise, `u' = frac(u + shift_j)`, with `shift_j` drawn
/// uniformly from the search's generator at initialisation, in declaration order
/// (a Cranley–Patterson rotation: each point stays uniformly distributed, the set keeps its
/// low discrepancy, and different seeds give different sets).
///
/// **Mapping u ∈ [0, 1) to a stored value** (the prior's support, as hyperopt rounds):
/// - uniform: `low + u·(high − low)`; loguniform: `exp` of that (bounds are logs);
/// - quniform, uniformint, qloguniform: the same, then `round(x/q)·q` half to even (q = 1 for
///   uniformint): the lattice and the end cells of half width that hyperopt's prior has;
/// - normal, qnormal, lognormal, qlognormal: `mu + sigma·Φ⁻¹(u)` with u clamped to
///   [1e-12, 1 − 1e-12] (about ±7 sigma), then `exp` for the log kinds and rounding for the
///   quantized ones;
/// - choice, randint: the option `⌊u·K⌋` (each option owns an interval of length 1/K);
/// - pchoice: the option whose interval of the cumulative probabilities holds u.
///
/// **Point index.** The index is the number of points this search has proposed. The instance
/// keeps a cursor; on its first call the cursor starts at `history.count`, so a search resumed
/// on a history of n trials continues with point n (and points to evaluate given before the
/// first call take the first indexes). The GSL generator is re-created and fast-forwarded
/// whenever its position does not match the cursor (first call, resume, a copied instance), so
/// the proposal depends only on (space, shifts, index).
struct QuasiRandomSearch {
    let kind: QuasiRandomSequence.Kind
    let space: SearchSpace
    /// The space's numeric view: each coordinate maps u through its prior's quantile.
    let numeric: NumericSpace
    /// One per parameter of `space`, in [0, 1).
    let shifts: [Double]
    /// The index of the next point; nil until the first call.
    private(set) var cursor: Int?
    private let generator: Generator

    /// The GSL sequence and how many points it has produced; a reference type so that one
    /// instance's generator is reused call after call.
    final class Generator {
        var sequence: QuasiRandomSequence?
        var produced = 0
    }

    /// A search with one shift per parameter drawn from `rng` (zeros when `options.shift` is false).
    init(_ kind: QuasiRandomSequence.Kind, space: SearchSpace, options: QuasiRandomOptions, using rng: MersenneTwister) throws(SuggesterError) {
        try Self.checkDimension(kind, space: space)
        let shifts = options.shift ? space.parameters.map { _ in rng.uniform() } : Array(repeating: 0, count: space.parameters.count)
        try self.init(kind, space: space, shifts: shifts)
    }

    /// A search with explicit shifts.
    ///
    /// - Precondition: one shift per parameter, each in [0, 1).
    init(_ kind: QuasiRandomSequence.Kind, space: SearchSpace, shifts: [Double]) throws(SuggesterError) {
        try Self.checkDimension(kind, space: space)
        precondition(shifts.count == space.parameters.count && shifts.allSatisfy { (0..<1).contains($0) },
                     "need one shift in [0, 1) per parameter")
        self.kind = kind
        self.space = space
        self.numeric = NumericSpace(space)
        self.shifts = shifts
        self.generator = Generator()
    }

    static func checkDimension(_ kind: QuasiRandomSequence.Kind, space: SearchSpace) throws(SuggesterError) {
        let count = space.parameters.count
        guard count <= kind.maximumDimension else {
            throw .unsupportedSpace("\(kind.rawValue) supports at most \(kind.maximumDimension) parameters, this space has \(count)")
        }
    }

    var planDescription: String? {
        let shifted = shifts.contains { $0 != 0 } ? "with a seeded random shift" : "unshifted"
        return "\(kind.rawValue) sequence over \(space.parameters.count) coordinate\(space.parameters.count == 1 ? "" : "s"), \(shifted)"
    }

    /// The next point: point `cursor` of the shifted sequence, mapped through the space.
    ///
    /// - Complexity: O(d) per call for d parameters; O(k·d) when the generator must be
    ///   fast-forwarded to index k.
    mutating func next(history: Trials) -> Assignment {
        let index = cursor ?? history.count
        cursor = index + 1
        return assignment(for: point(index))
    }

    /// Point `index` of the unshifted sequence (GSL's order), one coordinate per parameter.
    func point(_ index: Int) -> [Double] {
        // A space of constants only has no coordinate; GSL needs dimension ≥ 1.
        let dimension = max(1, space.parameters.count)
        if generator.sequence == nil || generator.produced > index {
            // The dimension was checked at initialisation, so this cannot fail.
            generator.sequence = try? QuasiRandomSequence(kind, dimension: dimension)
            generator.produced = 0
        }
        guard let sequence = generator.sequence else { preconditionFailure("GSL rejected dimension \(dimension)") }
        while generator.produced < index {
            _ = sequence.next()
            generator.produced += 1
        }
        generator.produced += 1
        return sequence.next()
    }

    /// The assignment for a point of the unit cube: each active parameter's coordinate, shifted
    /// and mapped; inactive parameters are left out.
    func assignment(for point: [Double]) -> Assignment {
        var assignment = Assignment()
        for coordinate in numeric.coordinates where coordinate.isActive(in: assignment) {
            var u = point[coordinate.position] + shifts[coordinate.position]
            if u >= 1 { u -= 1 }
            assignment[coordinate.label] = coordinate.priorQuantile(u)
        }
        return assignment
    }

    /// The stored value for the unit coordinate `u` ∈ [0, 1) (see the type's documentation).
}

