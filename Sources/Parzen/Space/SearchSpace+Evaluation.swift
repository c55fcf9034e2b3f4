import Foundation
extension SearchSpace {
    /// Rebuilds the nested, typed point that an objective receives from a flat assignment
    /// (hyperopt's `space_eval`).
    ///
    /// Only the labels the chosen branches need are read; others are ignored. Choice kinds read
    /// the option index and give the option's value; `randint` and `uniformint` give `Int`;
    /// the other kinds give `Double`.
    ///
    /// - Throws: ``AssignmentError`` when a needed label is missing or a choice index is not an
    ///   integer in range.
    /// - Complexity: O(size of the active tree).
    public func evaluate(_ assignment: Assignment) throws(AssignmentError) -> Value {
        try Self.evaluate(root, assignment)
    }

    private static func evaluate(_ node: Space, _ assignment: Assignment) throws(AssignmentError) -> Value {
        switch node {
        case .constant(let value):
            return value
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item, assignment)) }
            return .list(values)
        case .record(let record):
            // The space's keys are the point's keys: shared, not looked up field by field.
            return .record(try record.mapValues { (item) throws(AssignmentError) in try evaluate(item, assignment) })
        case .parameter(let label, let distribution):
            guard let stored = assignment[label] else { throw .missing(label: label) }
            switch distribution {
            case .choice(let options), .pchoice(let options, _):
                guard let index = Int(exactly: stored), options.indices.contains(index) else {
                    throw .outOfRange(label: label, value: stored, accepted: "an option index in 0...\(options.count - 1)")
                }
                return try evaluate(options[index], assignment)
            case .randint, .uniformint:
                guard let integer = Int(exactly: stored) else {
                    throw .wrongType(label: label, value: stored, accepted: "an integer")
                }
                return .int(integer)
            default:
                return .double(stored)
            }
        }
    }

    /// The labels active under `assignment`'s choices, in declaration order.
    public func activeLabels(in assignment: Assignment) -> [String] {
        parameters.filter { $0.isActive(in: assignment) }.map(\.label)
    }

    /// Checks that `assignment` is a point a suggester may propose: every active label present,
    /// no inactive or unknown label, every value of the right type and inside the support of its
    /// prior (integers for integer kinds, multiples of q for quantized kinds, positive for log kinds).
    ///
    /// - Throws: the first ``AssignmentError`` found, in declaration order.
    public func validate(_ assignment: Assignment) throws(AssignmentError) {
        // The common case, checked first since this runs for every proposal: an unconditional
        // space and exactly its labels in order (usually the very same array), so every label
        // is active and present and none is extra; only the values remain to check.
        if !isConditional && assignment.labels == labels {
            for index in parameters.indices {
                try parameters[index].distribution.checkSupport(assignment.values[index], label: labels[index])
            }
            return
        }
        var activeCount = 0
        var cursor = 0  // this runs for every proposal
        for parameter in parameters {
            let label = parameter.label
            let value = assignment.value(of: label, cursor: &cursor)
            if parameter.isActive(in: assignment) {
                guard let value else { throw .missing(label: label) }
                try parameter.distribution.checkSupport(value, label: label)
                activeCount += 1
            } else if let value {
                throw .inactive(label: label, value: value)
            }
        }
        // Every active label is present and no inactive one is, so any extra label is unknown.
        if assignment.count > activeCount, let label = assignment.labels.first(where: { parameter($0) == nil }) {
            throw .unknown(label: label)
        }
    }
}

extension Distribution {
    /// Whether `value` can be drawn from this prior (the support, not the bounds: hyperopt's
    /// quantized kinds may leave [low, high] by rounding).
    func checkSupport(_ value: Double, label: String) throws(AssignmentError) {
        guard value.isFinite else { throw .wrongType(label: label, value: value, accepted: "a finite number") }
        func integer() throws(AssignmentError) -> Int {
            guard let i = Int(exactly: value) else { throw .wrongType(label: label, value: value, accepted: "an integer") }
            return i
        }
        func onLattice(_ q: Double) throws(AssignmentError) {
            let steps = value / q
            guard abs(steps - steps.rounded(.toNearestOrEven)) <= 1e-9 * max(1, abs(steps)) else {
                throw .wrongType(label: label, value: value, accepted: "a multiple of q = \(NumberFormatting.shortest(q))")
            }
        }
        // The message is built only when the check fails (this runs for every proposal).
        func within(_ low: Double, _ high: Double, _ text: @autoclosure () -> String) throws(AssignmentError) {
            guard value >= low && value <= high else { throw .outOfRange(label: label, value: value, accepted: text()) }
        }
        let s = NumberFormatting.shortest
        switch self {
        case .choice(let options), .pchoice(let options, _):
            let i = try integer()
            guard options.indices.contains(i) else { throw .outOfRange(label: label, value: value, accepted: "an option index in 0...\(options.count - 1)") }
        case .randint(let low, let high):
            let i = try integer()
            guard (low..<high).contains(i) else { throw .outOfRange(label: label, value: value, accepted: "an integer in \(low)...\(high - 1)") }
        case .uniform(let low, let high):
            try within(low, high, "a number in [\(s(low)), \(s(high))]")
        case .quniform(let low, let high, let q):
            try onLattice(q)
            try within(low.quantized(by: q), high.quantized(by: q), "a multiple of \(s(q)) in [\(s(low.quantized(by: q))), \(s(high.quantized(by: q)))]")
        case .uniformint(let low, let high):
            let i = try integer()
            guard (low...high).contains(i) else { throw .outOfRange(label: label, value: value, accepted: "an integer in \(low)...\(high)") }
        case .loguniform(let low, let high):
            try within(exp(low), exp(high), "a number in [\(s(exp(low))), \(s(exp(high)))] (loguniform bounds are natural logs)")
        case .qloguniform(let low, let high, let q):
            try onLattice(q)
            try within(exp(low).quantized(by: q), exp(high).quantized(by: q), "a multiple of \(s(q)) in [\(s(exp(low).quantized(by: q))), \(s(exp(high).quantized(by: q)))]")
        case .normal:
            return
        case .qnormal(_, _, let q):
            try onLattice(q)
        case .lognormal:
            guard value > 0 else { throw .outOfRange(label: label, value: value, accepted: "a positive number") }
        case .qlognormal(_, _, let q):
            try onLattice(q)
            guard value >= 0 else { throw .outOfRange(label: label, value: value, accepted: "a non-negative multiple of \(s(q))") }
        }
    }
}

/// Why an assignment does not fit a search space.
public enum AssignmentError: Error, Equatable, CustomStringConvertible {
    case missing(label: String)
    case inactive(label: String, value: Double)
    case unknown(label: String)
    case wrongType(label: String, value: Double, accepted: String)
    case outOfRange(label: String, value: Double, accepted: String)

    public var description: String {
        let s = NumberFormatting.shortest
        switch self {
        case .missing(let label): return "'\(label)' is active but has no value"
        case .inactive(let label, let value): return "'\(label)' = \(s(value)) is given but inactive under the chosen branches; leave it out"
        case .unknown(let label): return "'\(label)' is not a label of this space"
        case .wrongType(let label, let value, let accepted): return "'\(label)' = \(s(value)): expected \(accepted)"
        case .outOfRange(let label, let value, let accepted): return "'\(label)' = \(s(value)) is out of range: expected \(accepted)"
        }
    }
}
