import Foundation

/// How ``GP`` sees a point: a feature vector in [0, 1]^D built from the numeric view of an
/// unconditional space (docs/gp.md §1).
///
/// A continuous or lattice coordinate is one feature, its unit position with lattices padded by
/// half a step (`NumericCoordinate.unit(_:padded: true)`); a categorical coordinate with C options
/// is C one-hot features. Each modelled coordinate is one *group* with one length scale.
/// Coordinates whose range holds one value are fixed and have no feature.
struct GPEncoding: Sendable {
    /// One modelled coordinate.
    struct Group: Sendable {
        enum Kind: Sendable, Equatable { case continuous, lattice, categorical }
        let coordinate: NumericCoordinate
        let kind: Kind
        /// The first feature and the number of features (1, or the option count).
        let first: Int
        let width: Int
        /// For a lattice: the unit positions of its points, ascending.
        let latticeUnits: [Double]
    }

    let space: SearchSpace
    /// Every coordinate of the space, in declaration order.
    let coordinates: [NumericCoordinate]
    let groups: [Group]
    /// D, the number of features.
    let featureCount: Int
    /// The group of each feature.
    let featureGroup: [Int]
    /// The weight of each feature's squared difference in d²: 1, or ½ for one-hot features (so
    /// two different options are at distance 1, Optuna's Hamming term).
    let featureWeight: [Double]
    /// The features optimised by gradient steps (those of continuous coordinates).
    let continuousFeatures: [Int]

    /// - Precondition: `space` is unconditional.
    init(_ space: SearchSpace) {
        precondition(!space.isConditional, "the GP models unconditional spaces only")
        self.space = space
        let numeric = NumericSpace(space)
        coordinates = numeric.coordinates
        var groups: [Group] = []
        var featureGroup: [Int] = [], featureWeight: [Double] = [], continuous: [Int] = []
        for coordinate in coordinates where !coordinate.isSingle {
            let first = featureGroup.count
            let group: Group
            switch coordinate.domain {
            case .continuous:
                group = Group(coordinate: coordinate, kind: .continuous, first: first, width: 1, latticeUnits: [])
                continuous.append(first)
            case .lattice(let step):
                let count = Int(((coordinate.high - coordinate.low) / step).rounded()) + 1
                let units = (0..<count).map { coordinate.unit(coordinate.low + Double($0) * step, padded: true) }
                group = Group(coordinate: coordinate, kind: .lattice, first: first, width: 1, latticeUnits: units)
            case .categorical(let count):
                group = Group(coordinate: coordinate, kind: .categorical, first: first, width: count, latticeUnits: [])
            }
            for _ in 0..<group.width {
                featureGroup.append(groups.count)
                featureWeight.append(group.kind == .categorical ? 0.5 : 1)
            }
            groups.append(group)
        }
        self.groups = groups
        self.featureGroup = featureGroup
        self.featureWeight = featureWeight
        featureCount = featureGroup.count
        continuousFeatures = continuous
    }

    /// The features of a trial's assignment; nil when a modelled label is missing or not finite.
    ///
    /// - Complexity: O(D + labels).
    func encode(_ assignment: Assignment) -> [Double]? {
        var x = [Double](repeating: 0, count: featureCount)
        for group in groups {
            guard let value = assignment[group.coordinate.label], value.isFinite else { return nil }
            if group.kind == .categorical {
                let option = Int(value.rounded())
                guard option >= 0 && option < group.width else { return nil }
                x[group.first + option] = 1
            } else {
                x[group.first] = group.coordinate.unit(value, padded: true)
            }
        }
        return x
    }

    /// Puts a point of [0, 1]^D onto the space: each lattice feature on its nearest lattice
    /// point (through the stored value, Optuna's rounding), each categorical's features on the
    /// one-hot vector of their largest (the first on ties). Continuous features are clipped.
    func round(_ x: inout [Double]) {
        for group in groups {
            switch group.kind {
            case .continuous:
                x[group.first] = min(max(x[group.first], 0), 1)
            case .lattice:
                let stored = group.coordinate.stored(unit: x[group.first], padded: true)
                x[group.first] = group.coordinate.unit(stored, padded: true)
            case .categorical:
                var best = 0
                for option in 1..<max(group.width, 1) where x[group.first + option] > x[group.first + best] { best = option }
                for option in 0..<group.width { x[group.first + option] = option == best ? 1 : 0 }
            }
        }
    }

    /// The assignment of a rounded point: every parameter in declaration order, modelled ones
    /// from their features, fixed ones at their single value.
    func decode(_ x: [Double]) -> Assignment {
        var values = [Double?](repeating: nil, count: coordinates.count)
        for group in groups {
            switch group.kind {
            case .continuous, .lattice:
                values[group.coordinate.position] = group.coordinate.stored(unit: x[group.first], padded: true)
            case .categorical:
                var best = 0
                for option in 1..<max(group.width, 1) where x[group.first + option] > x[group.first + best] { best = option }
                values[group.coordinate.position] = group.coordinate.stored(external: Double(best))
            }
        }
        return Assignment(coordinates.map { coordinate in
            (coordinate.label, values[coordinate.position] ?? coordinate.stored(unit: 0.5, padded: true))
        })
    }
}
