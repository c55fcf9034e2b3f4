import Foundation

/// A validated search space: the ``Space`` tree plus its hyperparameters, flattened in
/// declaration order (depth first), each with the choices that must be taken for it to be active.
///
/// Building one checks every rule once, so suggesters and the runner never meet a bad space.
public struct SearchSpace: Sendable, Equatable {
    /// The tree as written.
    public let root: Space
    /// Every hyperparameter, depth first in declaration order; a choice comes before the
    /// parameters inside its options.
    public let parameters: [Parameter]
    private let positionByLabel: [String: Int]

    /// Compiles and validates `root`.
    ///
    /// - Throws: ``SpaceError`` naming the label and the rule broken: duplicate label, empty
    ///   label, low ≥ high, q ≤ 0, sigma ≤ 0, empty options, bad pchoice probabilities, or a
    ///   non-finite number.
    /// - Complexity: O(size of the tree).
    public init(_ root: Space) throws(SpaceError) {
        var parameters: [Parameter] = []
        var positions: [String: Int] = [:]
        try SearchSpace.collect(root, conditions: [], into: &parameters, positions: &positions)
        self.root = root
        self.parameters = parameters
        self.positionByLabel = positions
        self.labels = parameters.map(\.label)
        self.isConditional = parameters.contains { !$0.conditions.isEmpty }
    }

    /// The parameter with `label`, or nil.
    public func parameter(_ label: String) -> Parameter? {
        positionByLabel[label].map { parameters[$0] }
    }

    /// The position of `label` in ``parameters``, or nil.
    public func position(of label: String) -> Int? { positionByLabel[label] }

    /// Labels in declaration order (stored: assignments of unconditional spaces share it).
    public let labels: [String]

    /// True when some parameter is conditional (inside a choice option).
    public let isConditional: Bool

    private static func collect(
        _ node: Space, conditions: [Condition], into parameters: inout [Parameter], positions: inout [String: Int]
    ) throws(SpaceError) {
        switch node {
        case .constant:
            return
        case .list(let items):
            for item in items { try collect(item, conditions: conditions, into: &parameters, positions: &positions) }
        case .record(let record):
            for value in record.values { try collect(value, conditions: conditions, into: &parameters, positions: &positions) }
        case .parameter(let label, let distribution):
            guard !label.isEmpty else { throw SpaceError(label: label, rule: .emptyLabel) }
            guard positions[label] == nil else { throw SpaceError(label: label, rule: .duplicateLabel) }
            try distribution.validate(label: label)
            positions[label] = parameters.count
            parameters.append(Parameter(label: label, distribution: distribution, conditions: conditions))
            for (index, option) in distribution.options.enumerated() {
                try collect(option, conditions: conditions + [Condition(label: label, option: index)], into: &parameters, positions: &positions)
            }
        }
    }
}

/// One hyperparameter of a ``SearchSpace``.
public struct Parameter: Sendable, Equatable {
    public let label: String
    public let distribution: Distribution
    /// The choices, outermost first, that must all be taken for this parameter to be active;
    /// empty for a parameter that is always active.
    public let conditions: [Condition]

    /// True when every condition holds in `assignment`.
    public func isActive(in assignment: Assignment) -> Bool {
        conditions.allSatisfy { assignment[$0.label] == Double($0.option) }
    }
}

/// "The choice `label` took option `option`" — the condition under which a parameter is active.
public struct Condition: Sendable, Hashable {
    public let label: String
    public let option: Int
}

/// A broken rule in a search space, with the label it concerns.
public struct SpaceError: Error, Equatable, CustomStringConvertible {
    public enum Rule: Equatable, Sendable {
        case emptyLabel
        case duplicateLabel
        case boundsNotIncreasing(low: Double, high: Double)
        case nonPositiveQuantum(Double)
        case nonPositiveSigma(Double)
        case notFinite(String)
        case noOptions
        case probabilityCount(options: Int, probabilities: Int)
        case nonPositiveProbability(index: Int, value: Double)
        case probabilitiesDoNotSumToOne(Double)
        /// randint's range holds more integers than a draw can reach.
        case rangeTooWide(low: Int, high: Int)
        /// A log-scale bound whose exponential is not a finite positive number.
        case logBoundOutOfRange(low: Double, high: Double)
    }

    public let label: String
    public let rule: Rule

    public var description: String {
        let name = "'\(label)'"
        switch rule {
        case .emptyLabel: return "a hyperparameter has an empty label; every label must be a non-empty string"
        case .duplicateLabel: return "label \(name) is used twice; labels must be unique across the whole space"
        case .boundsNotIncreasing(let low, let high):
            return "\(name): low (\(NumberFormatting.shortest(low))) must be less than high (\(NumberFormatting.shortest(high)))"
        case .nonPositiveQuantum(let q): return "\(name): q must be > 0, got \(NumberFormatting.shortest(q))"
        case .nonPositiveSigma(let s): return "\(name): sigma must be > 0, got \(NumberFormatting.shortest(s))"
        case .notFinite(let what): return "\(name): \(what) must be a finite number"
        case .noOptions: return "\(name): a choice needs at least one option"
        case .probabilityCount(let options, let probabilities):
            return "\(name): pchoice has \(options) options but \(probabilities) probabilities"
        case .nonPositiveProbability(let index, let value):
            return "\(name): pchoice probability \(index) is \(NumberFormatting.shortest(value)); probabilities must be > 0"
        case .probabilitiesDoNotSumToOne(let sum):
            return "\(name): pchoice probabilities sum to \(NumberFormatting.shortest(sum)); they must sum to 1 within 1e-9"
        case .rangeTooWide(let low, let high):
            return "\(name): randint(\(low), \(high)) spans more than 2^32 = 4294967296 integers (the limit: draws are 32-bit); narrow the range"
        case .logBoundOutOfRange(let low, let high):
            return "\(name): the bounds (\(NumberFormatting.shortest(low)), \(NumberFormatting.shortest(high))) are natural logarithms (hyperopt's convention) and must lie in [-744, 709], where their exponentials are finite and positive; for values between 1 and 1000 write loguniform(0, 6.907755)"
        }
    }
}

extension Distribution {
    /// Checks the rules of the kind; stricter than hyperopt (low < high is checked when a bound
    /// is 0 too, and randint, normal and the other unchecked kinds are checked).
    func validate(label: String) throws(SpaceError) {
        func finite(_ value: Double, _ what: String) throws(SpaceError) {
            guard value.isFinite else { throw SpaceError(label: label, rule: .notFinite(what)) }
        }
        func increasing(_ low: Double, _ high: Double) throws(SpaceError) {
            try finite(low, "low"); try finite(high, "high")
            guard low < high else { throw SpaceError(label: label, rule: .boundsNotIncreasing(low: low, high: high)) }
        }
        func positiveQuantum(_ q: Double) throws(SpaceError) {
            try finite(q, "q")
            guard q > 0 else { throw SpaceError(label: label, rule: .nonPositiveQuantum(q)) }
        }
        func logBounds(_ low: Double, _ high: Double) throws(SpaceError) {
            guard exp(low) > 0, exp(high).isFinite else { throw SpaceError(label: label, rule: .logBoundOutOfRange(low: low, high: high)) }
        }
        func gaussian(_ mu: Double, _ sigma: Double) throws(SpaceError) {
            try finite(mu, "mu"); try finite(sigma, "sigma")
            guard sigma > 0 else { throw SpaceError(label: label, rule: .nonPositiveSigma(sigma)) }
        }
        switch self {
        case .choice(let options):
            guard !options.isEmpty else { throw SpaceError(label: label, rule: .noOptions) }
        case .pchoice(let options, let probabilities):
            guard !options.isEmpty else { throw SpaceError(label: label, rule: .noOptions) }
            guard options.count == probabilities.count else {
                throw SpaceError(label: label, rule: .probabilityCount(options: options.count, probabilities: probabilities.count))
            }
            for (index, p) in probabilities.enumerated() where !(p > 0 && p.isFinite) {
                throw SpaceError(label: label, rule: .nonPositiveProbability(index: index, value: p))
            }
            let sum = probabilities.reduce(0, +)
            guard abs(sum - 1) <= 1e-9 else { throw SpaceError(label: label, rule: .probabilitiesDoNotSumToOne(sum)) }
        case .randint(let low, let high):
            guard low < high else { throw SpaceError(label: label, rule: .boundsNotIncreasing(low: Double(low), high: Double(high))) }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, span <= 1 << 32 else { throw SpaceError(label: label, rule: .rangeTooWide(low: low, high: high)) }
        case .uniformint(let low, let high):
            guard low < high else { throw SpaceError(label: label, rule: .boundsNotIncreasing(low: Double(low), high: Double(high))) }
        case .uniform(let low, let high):
            try increasing(low, high)
        case .loguniform(let low, let high):
            try increasing(low, high); try logBounds(low, high)
        case .quniform(let low, let high, let q):
            try increasing(low, high); try positiveQuantum(q)
        case .qloguniform(let low, let high, let q):
            try increasing(low, high); try logBounds(low, high); try positiveQuantum(q)
        case .normal(let mu, let sigma), .lognormal(let mu, let sigma):
            try gaussian(mu, sigma)
        case .qnormal(let mu, let sigma, let q), .qlognormal(let mu, let sigma, let q):
            try gaussian(mu, sigma); try positiveQuantum(q)
        }
    }
}
