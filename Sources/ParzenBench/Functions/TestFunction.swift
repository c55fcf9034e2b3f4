import Foundation
import Parzen

/// A benchmark problem: a search space, an objective over the points it evaluates to, and the
/// objective's known global minimum.
///
/// The objective receives what ``SearchSpace/evaluate(_:)`` returns for an assignment: a
/// ``Value`` whose records are keyed by the hyperparameters' labels (or by the keys of the
/// space's records). Build one through ``TestFunctionRegistry``.
///
/// ```swift
/// let branin = try TestFunctionRegistry.function(named: "branin")
/// let point = branin.space.sample(using: rng)
/// let loss = try branin.value(at: point)
/// let regret = loss - branin.optimum
/// ```
public struct TestFunction: Sendable {
    /// The registry key, stable across releases (`"branin"`, `"rosenbrock"`, …).
    public let key: String
    /// The number of hyperparameters (labels) in ``space``, conditional ones included;
    /// resolved: for a dimension-parameterised function, the dimension it was made with.
    public let dimension: Int
    /// The search space, in Parzen's expression kinds.
    public let space: SearchSpace
    /// The known global minimum value of ``evaluate`` over the space's support.
    public let optimum: Double
    /// Points where ``optimum`` is attained, as stored values (a choice's option index, a
    /// quantized value on its lattice); every point validates against ``space``.
    public let minimizers: [Assignment]
    /// Where the definition comes from (a citation, without URLs).
    public let source: String
    /// The objective: maps an evaluated point (``SearchSpace/evaluate(_:)``) to a loss.
    /// Returns NaN when the point lacks a field the function needs.
    public let evaluate: @Sendable (Value) -> Double

    /// Creates a test function; see the properties for the meaning of each argument.
    public init(
        key: String, dimension: Int, space: SearchSpace, optimum: Double, minimizers: [Assignment],
        source: String, evaluate: @escaping @Sendable (Value) -> Double
    ) {
        self.key = key
        self.dimension = dimension
        self.space = space
        self.optimum = optimum
        self.minimizers = minimizers
        self.source = source
        self.evaluate = evaluate
    }

    /// The loss at a flat assignment: ``SearchSpace/evaluate(_:)`` then ``evaluate``.
    ///
    /// - Throws: ``AssignmentError`` when `assignment` lacks an active label or holds a bad
    ///   choice index.
    public func value(at assignment: Assignment) throws(AssignmentError) -> Double {
        evaluate(try space.evaluate(assignment))
    }
}

/// How many dimensions a registered function accepts.
public enum DimensionRule: Sendable, Equatable {
    /// Exactly this many, not a parameter.
    case fixed(Int)
    /// Any dimension in the range.
    case range(ClosedRange<Int>)
    /// Only these dimensions (e.g. where the optimum is known).
    case allowed([Int])

    /// Whether `dimension` is accepted.
    public func accepts(_ dimension: Int) -> Bool {
        switch self {
        case .fixed(let d): return dimension == d
        case .range(let r): return r.contains(dimension)
        case .allowed(let list): return list.contains(dimension)
        }
    }

    /// The accepted dimensions in words: `"2"`, `"1...100"`, `"2, 5 or 10"`.
    public var text: String {
        switch self {
        case .fixed(let d): return "\(d) (fixed)"
        case .range(let r): return "\(r.lowerBound)...\(r.upperBound)"
        case .allowed(let list):
            let words = list.map(String.init)
            return words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
        }
    }
}

/// Why a test function could not be made.
public enum TestFunctionError: Error, Equatable, CustomStringConvertible {
    /// No function has this key; `suggestion` is the nearest key, if one is close.
    case unknownFunction(name: String, suggestion: String?, known: [String])
    /// The function does not accept this dimension.
    case badDimension(function: String, requested: Int, accepted: String)

    public var description: String {
        switch self {
        case .unknownFunction(let name, let suggestion, let known):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown test function '\(name)'\(hint) (known: \(known.joined(separator: ", ")))"
        case .badDimension(let function, let requested, let accepted):
            return "test function '\(function)' does not accept dimension \(requested); accepted: \(accepted)"
        }
    }
}

/// A registry entry: what a function is and how to make it at a dimension.
public struct TestFunctionDescriptor: Sendable {
    /// The registry key (`"rosenbrock"`).
    public let key: String
    /// One line describing the function.
    public let summary: String
    /// The dimension used when none is asked for; nil for a fixed-dimension function.
    public let defaultDimension: Int?
    /// The dimensions ``make(dimension:)`` accepts.
    public let dimensions: DimensionRule
    let builder: @Sendable (Int) -> TestFunction

    init(key: String, summary: String, dimensions: DimensionRule, defaultDimension: Int? = nil,
         builder: @escaping @Sendable (Int) -> TestFunction) {
        self.key = key
        self.summary = summary
        self.dimensions = dimensions
        self.defaultDimension = defaultDimension
        self.builder = builder
    }

    /// The dimensions accepted, as a list when finite and small (nil for a wide range).
    public var allowedDimensions: [Int]? {
        switch dimensions {
        case .fixed(let d): return [d]
        case .allowed(let list): return list
        case .range: return nil
        }
    }

    /// Makes the function at `dimension` (nil: the default, or the fixed dimension).
    ///
    /// A fixed-dimension function accepts nil or its own dimension.
    /// - Throws: ``TestFunctionError/badDimension(function:requested:accepted:)`` naming the
    ///   function and the accepted dimensions.
    public func make(dimension: Int? = nil) throws(TestFunctionError) -> TestFunction {
        let resolved: Int
        switch (dimension, dimensions) {
        case (nil, .fixed(let d)): resolved = d
        case (nil, _): resolved = defaultDimension!
        case (let d?, _): resolved = d
        }
        guard dimensions.accepts(resolved) else {
            throw .badDimension(function: key, requested: resolved, accepted: dimensions.text)
        }
        return builder(resolved)
    }
}

// MARK: - Helpers shared by the function families

extension TestFunctionDescriptor {
    /// A fixed-dimension function on a box: coordinates `x1 … xd` uniform over `bounds`, its
    /// value computed from the point's coordinates in order (NaN for a missing one).
    ///
    /// - Parameters:
    ///   - bounds: (low, high) per coordinate; their count is the dimension.
    ///   - minimizers: the global minimisers, as coordinate vectors.
    ///   - value: the function of the coordinate vector.
    static func box(
        key: String, summary: String, bounds: [(Double, Double)], optimum: Double, minimizers: [[Double]], source: String,
        value: @escaping @Sendable ([Double]) -> Double
    ) -> TestFunctionDescriptor {
        let d = bounds.count
        return TestFunctionDescriptor(key: key, summary: summary, dimensions: .fixed(d)) { _ in
            let labels = coordinateLabels(d)
            return TestFunction(
                key: key, dimension: d, space: boxSpace(bounds), optimum: optimum,
                minimizers: minimizers.map(coordinateAssignment), source: source,
                evaluate: { point in value(PointReader.vector(point, labels)) })
        }
    }
}

/// Reads numeric fields out of evaluated points.
enum PointReader {
    /// The number at `key` of a record, or NaN.
    @inline(__always)
    static func number(_ point: Value, _ key: String) -> Double {
        point[key]?.double ?? .nan
    }

    /// The numbers at `labels` of a record, in that order; NaN for a missing one. Fast when the
    /// record's keys are exactly `labels` (what ``SearchSpace/evaluate(_:)`` produces).
    static func vector(_ point: Value, _ labels: [String]) -> [Double] {
        guard case .record(let record) = point else { return Array(repeating: .nan, count: labels.count) }
        if record.keys == labels {
            return record.values.map { $0.double ?? .nan }
        }
        return labels.map { record[$0]?.double ?? .nan }
    }
}

/// Builds the labels `x1 … xd` used by the continuous functions (the Virtual Library's names).
func coordinateLabels(_ dimension: Int) -> [String] {
    (1...dimension).map { "x\($0)" }
}

/// A record space of uniform coordinates `x1 … xd`, each over its own bounds.
func boxSpace(_ bounds: [(Double, Double)]) -> SearchSpace {
    var record = OrderedRecord<Space>()
    for (i, (low, high)) in bounds.enumerated() {
        let label = "x\(i + 1)"
        record[label] = .uniform(label, low, high)
    }
    // The bounds are literals checked by the tests, so compiling cannot fail.
    return try! SearchSpace(.record(record))
}

/// An assignment `x1 … xd` = `point`.
func coordinateAssignment(_ point: [Double]) -> Assignment {
    Assignment(point.enumerated().map { ("x\($0.offset + 1)", $0.element) })
}

/// The citation for functions defined in the Virtual Library of Simulation Experiments.
func vlse(_ page: String) -> String {
    "Surjanovic, S. & Bingham, D., Virtual Library of Simulation Experiments: Test Functions and Datasets, Simon Fraser University (\(page))"
}
