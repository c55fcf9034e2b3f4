/// The numeric view of a ``SearchSpace``: one ``NumericCoordinate`` per hyperparameter, in
/// declaration order, after Optuna's `_SearchSpaceTransform`.
///
/// Suggesters that work on numbers (Optuna's TPE, CMA-ES, Gaussian processes, quasi-random
/// sequences) read bounds, lattices, categories, unit-interval maps and activity conditions
/// from here instead of switching on hyperopt's kinds themselves.
public struct NumericSpace: Sendable, Equatable {
    public let space: SearchSpace
    /// One coordinate per parameter of ``space``, in the same order.
    public let coordinates: [NumericCoordinate]

    /// The numeric view of `space`.
    ///
    /// - Complexity: O(parameters + options).
    public init(_ space: SearchSpace) {
        self.space = space
        coordinates = space.parameters.enumerated().map { NumericCoordinate($0.element, position: $0.offset) }
    }

    /// The coordinate of `label`, or nil.
    public subscript(label: String) -> NumericCoordinate? {
        space.position(of: label).map { coordinates[$0] }
    }

    /// True when some coordinate is conditional.
    public var isConditional: Bool { space.isConditional }

    /// The coordinates active in every assignment (no conditions), in declaration order.
    public var unconditional: [NumericCoordinate] { coordinates.filter { $0.conditions.isEmpty } }

    /// Optuna's relative search space for CMA-ES and Gaussian processes: the unconditional,
    /// numeric (not categorical), not single-valued coordinates, sorted by label in code-point
    /// order (as Python sorts parameter names).
    ///
    /// - Complexity: O(n log n) in the number of coordinates.
    public var sortedNumeric: [NumericCoordinate] {
        unconditional
            .filter { !$0.isCategorical && !$0.isSingle }
            .sorted { $0.label.unicodeScalars.lexicographicallyPrecedes($1.label.unicodeScalars) }
    }
}
