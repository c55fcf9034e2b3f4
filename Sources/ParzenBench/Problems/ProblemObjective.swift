import GSLKit
import Parzen

/// What a manifest problem evaluates: a registered test function, or (with external objectives)
/// a program. The runner talks to it only through this protocol.
public protocol ProblemObjective: Sendable {
    /// The space searched.
    var space: SearchSpace { get }
    /// Whether the objective's values are minimised or maximised (losses are the negated values
    /// when maximising; everything shown to the user is in the user's sign).
    var direction: Direction { get }
    /// The known best value in the user's sign, if any; without one, regret is measured against
    /// the best value any run of the manifest found for the problem.
    var knownOptimum: Double? { get }
    /// The known best value of one replicate's objective (a problem whose instance follows the
    /// replicate has one per replicate); by default ``knownOptimum``.
    func knownOptimum(replicate: Int) -> Double?
    /// Canonical text of everything that determines the objective, for cell fingerprints.
    var canonicalText: String { get }
    /// The fields after `label` in manifest.lock.yaml's problem entry, in order.
    var lockFields: [(String, Value)] { get }
    /// Starts an evaluation session for one cell, inside the cell's task.
    ///
    /// - Parameter problemRNG: the cell's problem stream (noise, instances).
    func makeSession(problemRNG: MersenneTwister) throws(ObjectiveError) -> any ObjectiveSession
    /// Starts an evaluation session for one cell with the cell's context (its work folder and
    /// the run's cancellation); by default the context is ignored.
    func makeSession(problemRNG: MersenneTwister, context: SessionContext) throws(ObjectiveError) -> any ObjectiveSession
}

extension ProblemObjective {
    public func knownOptimum(replicate: Int) -> Double? { knownOptimum }

    public func makeSession(problemRNG: MersenneTwister, context: SessionContext) throws(ObjectiveError) -> any ObjectiveSession {
        try makeSession(problemRNG: problemRNG)
    }
}

/// One cell's connection to its objective (a worker process stays alive across the trials).
public protocol ObjectiveSession {
    /// Evaluates one point; never throws: failures are outcomes.
    mutating func evaluate(_ assignment: Assignment, point: Value) -> ObjectiveOutcome
    /// Ends the session (stops any child process).
    mutating func close()
}

/// The result of one evaluation, in the user's sign. A non-finite value is reported as it is: the
/// search loop turns it into a failed trial (``Search/tell(_:_:proposalExtras:startTime:endTime:)``).
public struct ObjectiveOutcome: Sendable, Equatable {
    public var status: TrialStatus
    /// The value the suggester is told (noisy for a noisy problem).
    public var value: Double?
    /// The noise-free value, when known; regret is computed on it.
    public var trueValue: Double?
    public var message: String?

    public init(status: TrialStatus, value: Double?, trueValue: Double?, message: String? = nil) {
        self.status = status
        self.value = value
        self.trueValue = trueValue
        self.message = message
    }
}

/// An objective that cannot start.
public struct ObjectiveError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A registered test function, optionally observed through Gaussian noise.
public struct TestFunctionObjective: ProblemObjective {
    public let function: TestFunction
    /// Requested dimension as written in the manifest (nil: the function's default).
    public let requestedDimension: Int?
    public let noise: Double

    public init(function: TestFunction, requestedDimension: Int?, noise: Double) {
        self.function = function
        self.requestedDimension = requestedDimension
        self.noise = noise
    }

    public var space: SearchSpace { function.space }
    public var direction: Direction { .minimize }
    public var knownOptimum: Double? { function.optimum }
    public var canonicalText: String { "function=\(function.key);dimension=\(function.dimension);noise=\(noise)" }
    public var lockFields: [(String, Value)] {
        [("function", .string(function.key)), ("dims", .int(function.dimension)), ("noise", .double(noise)), ("optimum", .double(function.optimum))]
    }

    public func makeSession(problemRNG: MersenneTwister) throws(ObjectiveError) -> any ObjectiveSession {
        do { return Session(objective: try function.noisy(sigma: noise), rng: problemRNG) } catch {
            throw ObjectiveError("\(error)")
        }
    }

    struct Session: ObjectiveSession {
        let objective: NoisyObjective
        let rng: MersenneTwister

        mutating func evaluate(_ assignment: Assignment, point: Value) -> ObjectiveOutcome {
            // A non-finite value becomes a failed trial in the search loop (Search.tell).
            let result = objective.evaluate(point, using: rng)
            return ObjectiveOutcome(status: .ok, value: result.loss, trueValue: result.truth)
        }

        mutating func close() {}
    }
}
