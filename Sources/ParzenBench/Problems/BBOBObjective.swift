import GSLKit
import Parzen

/// A COCO `bbob` function as a manifest problem: one instance for every replicate, or COCO's
/// protocol of instance (r mod 15) + 1 for replicate r (docs/coco-bbob.md).
public struct BBOBObjective: ProblemObjective {
    /// Which instance a replicate runs.
    public enum Instances: Sendable, Equatable {
        /// The same instance for every replicate.
        case fixed(Int)
        /// Replicate r runs instance (r mod 15) + 1.
        case byReplicate

        /// The instance replicate `r` runs.
        public func instance(replicate r: Int) -> Int {
            switch self {
            case .fixed(let i): return i
            case .byReplicate: return r % 15 + 1
            }
        }

        /// As written in a manifest and in manifest.lock.yaml: the number, or `replicate`.
        public var text: String {
            switch self {
            case .fixed(let i): return String(i)
            case .byReplicate: return "replicate"
            }
        }
    }

    public let number: Int
    public let dimension: Int
    public let instances: Instances
    /// Instance 1's function, or the fixed instance's (for the space and the lock file).
    public let function: BBOBFunction
    public let space: SearchSpace

    /// - Throws: ``BBOBError`` for a number, dimension or instance COCO does not define.
    public init(number: Int, dimension: Int, instances: Instances) throws(BBOBError) {
        self.number = number
        self.dimension = dimension
        self.instances = instances
        function = try BBOBFunction(number: number, dimension: dimension, instance: instances.instance(replicate: 0))
        space = TestFunctionRegistry.bbobTestFunction(function).space
    }

    public var direction: Direction { .minimize }

    /// The fixed instance's reported optimum; nil when the instance follows the replicate (see
    /// ``knownOptimum(replicate:)``).
    public var knownOptimum: Double? {
        if case .fixed = instances { return function.optimumValue }
        return nil
    }

    public func knownOptimum(replicate: Int) -> Double? {
        switch instances {
        case .fixed: return function.optimumValue
        // The function's data are rebuilt here (O(D³)); collect asks once per replicate.
        case .byReplicate: return try? BBOBFunction(number: number, dimension: dimension, instance: instances.instance(replicate: replicate)).optimumValue
        }
    }

    public var canonicalText: String { "function=bbob-f\(number);dimension=\(dimension);instance=\(instances.text)" }

    public var lockFields: [(String, Value)] {
        var fields: [(String, Value)] = [("function", .string("bbob-f\(number)")), ("dims", .int(dimension))]
        switch instances {
        case .fixed(let instance): fields += [("instance", .int(instance)), ("optimum", .double(function.optimumValue))]
        case .byReplicate: fields.append(("instance", .string(instances.text)))
        }
        return fields
    }

    public func makeSession(problemRNG: MersenneTwister) throws(ObjectiveError) -> any ObjectiveSession {
        try makeSession(problemRNG: problemRNG, context: SessionContext())
    }

    public func makeSession(problemRNG: MersenneTwister, context: SessionContext) throws(ObjectiveError) -> any ObjectiveSession {
        let instance = instances.instance(replicate: context.replicate)
        do {
            let f = instance == function.instance ? function : try BBOBFunction(number: number, dimension: dimension, instance: instance)
            return Session(function: f, labels: space.labels)
        } catch {
            throw ObjectiveError("\(error)")
        }
    }

    struct Session: ObjectiveSession {
        let function: BBOBFunction
        let labels: [String]

        mutating func evaluate(_ assignment: Assignment, point: Value) -> ObjectiveOutcome {
            // A non-finite value becomes a failed trial in the search loop (Search.tell).
            let value = function.value(at: PointReader.vector(point, labels))
            return ObjectiveOutcome(status: .ok, value: value, trueValue: value)
        }

        mutating func close() {}
    }
}
