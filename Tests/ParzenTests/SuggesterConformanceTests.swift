import Foundation
import GSLKit
import Testing
@testable import Parzen

/// The contract every registered suggester must meet, run over every entry of
/// ``SuggesterRegistry/builtIns`` automatically (adding a suggester to the registry adds it here)
/// and over several spaces: flat continuous, all twelve kinds, and a nested conditional space.
@Suite struct SuggesterConformanceTests {
    /// The spaces every suggester is run on.
    enum SpaceCase: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case flat, allKinds, conditional

        var testDescription: String { rawValue }

        var space: SearchSpace {
            switch self {
            case .flat:
                return try! SearchSpace(["x": .uniform("x", -5, 5), "y": .uniform("y", -2, 3), "z": .uniform("z", 0, 1)])
            case .allKinds:
                return try! SearchSpace([
                    "choice": .choice("choice", ["a", "b", "c"]),
                    "pchoice": .pchoice("pchoice", [(0.2, "p"), (0.5, "q"), (0.3, "r")]),
                    "randint": .randint("randint", 2, 6),
                    "uniform": .uniform("uniform", -5, 5),
                    "quniform": .quniform("quniform", 1, 10, 4),
                    "uniformint": .uniformint("uniformint", 1, 10),
                    "loguniform": .loguniform("loguniform", -9, 0),
                    "qloguniform": .qloguniform("qloguniform", log(0.1), log(100), 1),
                    "normal": .normal("normal", 0, 2),
                    "qnormal": .qnormal("qnormal", 3, 2, 0.5),
                    "lognormal": .lognormal("lognormal", 0, 1),
                    "qlognormal": .qlognormal("qlognormal", 1, 1, 2),
                ])
            case .conditional:
                return try! SearchSpace([
                    "model": .choice("model", [
                        [
                            "kind": "svm",
                            "C": .loguniform("C", -3, 3),
                            "kernel": .choice("kernel", [
                                ["name": "rbf", "gamma": .uniform("gamma", 0, 1)],
                                ["name": "poly", "degree": .randint("degree", 2, 5), "coef": .qnormal("coef", 0, 1, 0.1)],
                                "linear",
                            ]),
                        ],
                        ["kind": "knn", "k": .uniformint("k", 1, 30), "w": .pchoice("w", [(0.3, "uniform"), (0.7, "distance")])],
                        "none",
                    ]),
                    "x": .normal("x", 0, 2),
                ])
            }
        }
    }

    static let evaluations = 60

    /// A smooth objective over any point: the sum of squashed squares of every number in it, plus
    /// a penalty per string that sorts after "m", so every branch and label matters.
    static func loss(_ point: Value) -> Double {
        switch point {
        case .null, .bool: return 0
        case .int(let i): return log1p(Double(i * i))
        case .double(let d): return log1p(d * d)
        case .string(let s): return s > "m" ? 1 : 0
        case .list(let items): return items.reduce(0) { $0 + loss($1) }
        case .record(let record): return record.values.reduce(0) { $0 + loss($1) }
        }
    }

    /// An objective that also fails every seventh evaluation (a thrown error, so a failed trial
    /// without a loss), which every suggester must tolerate.
    struct Objective {
        var calls = 0
        mutating func callAsFunction(_ point: Value) throws -> Double {
            calls += 1
            if calls % 7 == 3 { throw ObjectiveFailure() }
            return SuggesterConformanceTests.loss(point)
        }
    }

    struct ObjectiveFailure: Error, CustomStringConvertible {
        var description: String { "planned failure" }
    }

    /// Runs one search through `fmin`; nil when the suggester refuses the space.
    static func search(_ name: String, _ spaceCase: SpaceCase, seed: UInt32) throws -> [Assignment] {
        var trials = Trials()
        var objective = Objective()
        try fmin({ try objective($0) }, space: spaceCase.space, algorithm: Algorithm.named(name), maxEvals: evaluations,
                 trials: &trials, seed: seed)
        return trials.trials.map(\.assignment)
    }

    /// Whether the suggester takes the space; when it does not, `makeSuggester` must throw.
    static func accepts(_ name: String, _ spaceCase: SpaceCase) throws -> Bool {
        let algorithm = try Algorithm.named(name)
        let space = spaceCase.space
        guard space.isConditional && !algorithm.capabilities.contains(.conditionalSpaces) else { return true }
        #expect(throws: SuggesterError.self) {
            _ = try algorithm.makeSuggester(space: space, budget: evaluations, using: MersenneTwister(seed: 1))
        }
        return false
    }

    // MARK: - Proposals

    @Test(arguments: SuggesterRegistry.names, SpaceCase.allCases)
    func proposalsAreInsideTheSpaceWithOnlyActiveLabels(name: String, spaceCase: SpaceCase) throws {
        guard try Self.accepts(name, spaceCase) else { return }
        let space = spaceCase.space
        var trials = Trials()
        var objective = Objective()
        let result = try fmin({ try objective($0) }, space: space, algorithm: Algorithm.named(name),
                              maxEvals: Self.evaluations, trials: &trials, seed: 17)
        #expect(!trials.isEmpty)
        if result.stopReason != .exhausted {
            #expect(trials.count == Self.evaluations, "\(name) stopped after \(trials.count): \(result.stopReason)")
        }
        for trial in trials.trials {
            do { try space.validate(trial.assignment) } catch {
                Issue.record("\(name), trial \(trial.id): \(trial.assignment): \(error)")
            }
            // Labels in declaration order (deterministic printing and hashing).
            let order = trial.assignment.labels.map { space.position(of: $0) ?? -1 }
            #expect(order == order.sorted(), "\(name), trial \(trial.id): labels out of declaration order")
        }
        if space.isConditional {
            // Every branch of the top choice is explored by a search of 60 points.
            let branches = Set(trials.trials.compactMap { $0.assignment["model"] })
            #expect(branches.count >= 2, "\(name) explored only branches \(branches.sorted())")
        }
    }

    // MARK: - Reproducibility

    @Test(arguments: SuggesterRegistry.names, SpaceCase.allCases)
    func sameSeedSameSequenceOtherSeedOtherSequence(name: String, spaceCase: SpaceCase) throws {
        guard try Self.accepts(name, spaceCase) else { return }
        let first = try Self.search(name, spaceCase, seed: 23)
        let again = try Self.search(name, spaceCase, seed: 23)
        let other = try Self.search(name, spaceCase, seed: 24)
        #expect(first == again, "\(name): the same seed gave two sequences")
        if try Algorithm.named(name).capabilities.contains(.deterministic) {
            #expect(Set(first) == Set(other), "\(name) is declared deterministic but another seed gave other points")
        } else {
            #expect(first != other, "\(name): seeds 23 and 24 gave the same sequence")
        }
    }

    // MARK: - No shared state

    /// One search driven step by step through ``Search``'s ask and tell, as `fmin` drives it.
    struct Driver {
        var search: Search
        var objective = Objective()
        var trials: Trials { search.trials }

        init(_ name: String, space: SearchSpace, seed: UInt32) throws {
            let rng = MersenneTwister(seed: seed)
            let suggester = try Algorithm.named(name).makeSuggester(space: space, budget: SuggesterConformanceTests.evaluations, using: rng)
            search = Search(space: space, suggester: suggester, using: rng)
        }

        /// Proposes and evaluates one point; false when the suggester is exhausted.
        mutating func step() throws -> Bool {
            guard let assignment = try search.ask() else { return false }
            let result: ObjectiveResult
            do { result = .ok(try objective(try search.space.evaluate(assignment))) } catch { result = .fail("\(error)") }
            search.tell(assignment, result, proposalExtras: search.suggester.proposalExtras)
            return true
        }
    }

    @Test(arguments: SuggesterRegistry.names, SpaceCase.allCases)
    func interleavedSearchesMatchSeparateOnes(name: String, spaceCase: SpaceCase) throws {
        guard try Self.accepts(name, spaceCase) else { return }
        let separateA = try Self.search(name, spaceCase, seed: 31)
        let separateB = try Self.search(name, spaceCase, seed: 32)
        var a = try Driver(name, space: spaceCase.space, seed: 31)
        var b = try Driver(name, space: spaceCase.space, seed: 32)
        var aLive = true, bLive = true
        for _ in 0..<Self.evaluations {
            if aLive { aLive = try a.step() }
            if bLive { bLive = try b.step() }
        }
        #expect(a.trials.trials.map(\.assignment) == separateA, "\(name): search A changed when interleaved with B")
        #expect(b.trials.trials.map(\.assignment) == separateB, "\(name): search B changed when interleaved with A")
    }

    // MARK: - Options

    static func defaultsRoundTrip<S: Suggester>(_ type: S.Type) throws -> Bool {
        try S.Options.decode(from: S.Options().record) == S.Options()
    }

    @Test(arguments: SuggesterRegistry.names)
    func defaultOptionsRoundTrip(name: String) throws {
        let type = try #require(SuggesterRegistry.type(named: name))
        #expect(try Self.defaultsRoundTrip(type))
        // And through the manifest path: the defaults written out are accepted as given.
        let defaults = try Algorithm.named(name).options
        #expect(try Algorithm.named(name, options: defaults).options == defaults)
    }

    @Test(arguments: SuggesterRegistry.names)
    func unknownOptionIsRejected(name: String) throws {
        do {
            _ = try Algorithm.named(name, options: ["no_such_option": .int(1)])
            Issue.record("\(name) accepted an unknown option")
        } catch {
            guard case .invalidOption(let option, let message) = error else {
                Issue.record("\(name): expected invalidOption, got \(error)")
                return
            }
            #expect(option == "no_such_option")
            #expect(message.contains("unknown option"))
        }
    }

    @Test(arguments: SuggesterRegistry.names)
    func registryEntryIsWellFormed(name: String) throws {
        let type = try #require(SuggesterRegistry.type(named: name))
        #expect(SuggesterRegistry.names.filter { $0 == name }.count == 1, "\(name) is registered twice")
        #expect(!type.summary.isEmpty)
        #expect(name == name.lowercased() && !name.contains(" "))
    }
}
