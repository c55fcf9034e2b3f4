import GSLKit

/// The operations of ``SearchSpace`` on a ``Space`` as written, so the space a user builds
/// works everywhere a compiled one does. Each compiles (and validates) the space first, which
/// costs O(size of the tree) per call: compile once with `SearchSpace(space)` where the space
/// is used many times.
extension Space {
    /// The compiled, validated space.
    ///
    /// - Throws: ``SpaceError`` naming the label and the rule broken.
    /// - Complexity: O(size of the tree).
    public func compiled() throws(SpaceError) -> SearchSpace { try SearchSpace(self) }

    /// A point drawn from the prior (``SearchSpace/sample(using:)``): stored values, active
    /// labels only.
    ///
    /// - Throws: ``SpaceError`` when the space breaks a rule.
    /// - Determinism: draws only from `rng`.
    public func sample(using rng: MersenneTwister) throws(SpaceError) -> Assignment {
        try SearchSpace(self).sample(using: rng)
    }

    /// The point an objective receives for `assignment` (hyperopt's `space_eval`; see
    /// ``SearchSpace/evaluate(_:)``).
    ///
    /// - Throws: ``SpaceError`` when the space breaks a rule; ``AssignmentError`` when the
    ///   assignment does not fit the space.
    public func evaluate(_ assignment: Assignment) throws -> Value {
        try SearchSpace(self).evaluate(assignment)
    }

    /// Checks a proposed point against the space (``SearchSpace/validate(_:)``).
    ///
    /// - Throws: ``SpaceError`` when the space breaks a rule; ``AssignmentError`` naming the
    ///   label when the assignment does not fit.
    public func validate(_ assignment: Assignment) throws {
        try SearchSpace(self).validate(assignment)
    }
}
