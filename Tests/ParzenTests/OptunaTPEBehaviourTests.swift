import Foundation
import GSLKit
import Testing
@testable import Parzen

/// How `tpe-optuna` treats its history (docs/optuna-tpe.md §2–§6) and its options.
@Suite struct OptunaTPEBehaviourTests {
    static let box = try! SearchSpace(["x": .uniform("x", -5, 10), "y": .uniform("y", 0, 15), "n": .uniformint("n", 1, 10)])
    /// `conditional`'s shape: type ∈ {0: a, 1: b, c}.
    static let branches = try! SearchSpace(.choice("type", [
        ["a": .uniform("a", -5, 5)],
        ["b": .uniform("b", -5, 5), "c": .quniform("c", 0, 10, 1)],
    ]))

    /// `count` ok trials of prior draws with a smooth loss, ids 0…count−1.
    static func history(_ space: SearchSpace, count: Int, seed: UInt32) -> Trials {
        let rng = MersenneTwister(seed: seed)
        var trials = Trials()
        for id in 0..<count {
            let assignment = space.sample(using: rng)
            let loss = assignment.values.reduce(0) { $0 + $1 * $1 }
            trials.append(Trial(id: id, assignment: assignment, status: .ok, loss: loss))
        }
        return trials
    }

    static func propose(_ space: SearchSpace, _ history: Trials, seed: UInt32 = 7, options: OptunaTPE.Options = .init()) throws -> Assignment {
        let rng = MersenneTwister(seed: seed)
        var suggester = try OptunaTPE(space: space, options: options, budget: 100, using: rng)
        let proposal = suggester.suggest(history: history, using: rng)
        return try #require(proposal)
    }

    /// The assignment Optuna's random sampler gives with `rng`'s next uniforms.
    static func randomDraws(_ space: SearchSpace, seed: UInt32) -> Assignment {
        let rng = MersenneTwister(seed: seed)
        let numeric = NumericSpace(space)
        return Assignment(uniqueLabels: space.labels, values: numeric.coordinates.map { OptunaTPE.randomValue($0, using: rng) })
    }

    @Test func startupIsRandomUntilTenTrialsAreCompleteAndFailedOrPendingOnesDoNotCount() throws {
        var trials = Self.history(Self.box, count: 9, seed: 3)
        for id in 9..<14 { trials.append(Trial(id: id, assignment: Self.box.sample(using: MersenneTwister(seed: UInt32(id))), status: .fail)) }
        trials.append(Trial(id: 14, assignment: Self.box.sample(using: MersenneTwister(seed: 99)), status: .pending))
        #expect(try Self.propose(Self.box, trials) == Self.randomDraws(Self.box, seed: 7))
        trials.append(Trial(id: 15, assignment: Self.box.sample(using: MersenneTwister(seed: 98)), status: .ok, loss: 1))
        #expect(try Self.propose(Self.box, trials) != Self.randomDraws(Self.box, seed: 7))
        // n_startup_trials is the threshold.
        #expect(try Self.propose(Self.box, trials, options: .init(nStartupTrials: 11)) == Self.randomDraws(Self.box, seed: 7))
    }

    @Test func failedTrialsAreInvisible() throws {
        let trials = Self.history(Self.box, count: 40, seed: 4)
        var withFailures = trials
        for id in 40..<55 {
            withFailures.append(Trial(id: id, assignment: Self.box.sample(using: MersenneTwister(seed: UInt32(id))), status: .fail, loss: -1000))
        }
        for multivariate in [true, false] {
            let options = OptunaTPE.Options(multivariate: multivariate)
            #expect(try Self.propose(Self.box, trials, options: options) == Self.propose(Self.box, withFailures, options: options))
        }
    }

    @Test func pendingTrialsJoinAboveOnlyWithTheConstantLiar() throws {
        let trials = Self.history(Self.box, count: 30, seed: 5)
        var withPending = trials
        // Pending at the point the liar-free sampler would propose.
        let proposal = try Self.propose(Self.box, trials, options: .init(constantLiar: false))
        for id in 30..<40 { withPending.append(Trial(id: id, assignment: proposal, status: .pending)) }
        #expect(try Self.propose(Self.box, withPending, options: .init(constantLiar: false)) == proposal)
        #expect(try Self.propose(Self.box, withPending, options: .init(constantLiar: true)) != proposal)
        // Pending trials do not count in n: the split of 30 complete trials keeps gamma(30) = 3.
        let states = OptunaTPE.States(withPending)
        let split = OptunaTPE.split(withPending, states: states, belowCount: OptunaTPE.defaultGamma(states.complete.count), constantLiar: true)
        #expect(split.below.count == 3)
        #expect(split.above.count == 27 + 10)
    }

    @Test func theGoodSetIsTheTenthCappedAtTwentyFive() {
        for (n, below) in [(10, 1), (11, 2), (100, 10), (240, 24), (241, 25), (5000, 25)] {
            var trials = Trials()
            for id in 0..<n { trials.append(Trial(id: id, assignment: ["x": 0], status: .ok, loss: Double((id * 37) % n))) }
            let split = OptunaTPE.split(trials, states: OptunaTPE.States(trials), belowCount: OptunaTPE.defaultGamma(n), constantLiar: true)
            #expect(split.below.count == below, "n = \(n)")
            // The lowest losses, in trial order.
            #expect(split.below.map { trials[$0].loss! }.max()! < Double(below))
            #expect(split.below == split.below.sorted())
        }
    }

    @Test func groupDecompositionSplitsTheBranchesAndTheIntersectionKeepsTheChoice() throws {
        var trials = Trials()
        trials.append(Trial(id: 0, assignment: ["type": 0, "a": 1], status: .ok, loss: 1))
        trials.append(Trial(id: 1, assignment: ["type": 1, "b": 2, "c": 3], status: .ok, loss: 2))
        trials.append(Trial(id: 2, assignment: ["type": 0, "a": -1], status: .ok, loss: 0.5))
        let rng = MersenneTwister(seed: 1)
        let grouped = try OptunaTPE(space: Self.branches, options: .init(group: true), budget: 10, using: rng)
        let labels = { (models: [[Int]]) in models.map { $0.map { Self.branches.parameters[$0].label } } }
        #expect(labels(grouped.relativeModels(trials, complete: [0, 1, 2])) == [["type"], ["a"], ["b", "c"]])
        let intersection = try OptunaTPE(space: Self.branches, options: .init(), budget: 10, using: rng)
        #expect(labels(intersection.relativeModels(trials, complete: [0, 1, 2])) == [["type"]])
        // Before the other branch is seen, the intersection holds the branch too.
        #expect(labels(intersection.relativeModels(trials, complete: [0, 2])) == [["a", "type"]])
    }

    @Test(arguments: [(false, false), (true, false), (true, true)])
    func conditionalSearchesProposeValidPointsInEveryMode(multivariate: Bool, group: Bool) throws {
        var trials = Trials()
        let algorithm = Algorithm.tpeOptuna(.init(multivariate: multivariate, group: group))
        try fmin({ p in (p["a"]?.double).map { ($0 - 1) * ($0 - 1) + 0.5 } ?? 0.1 }, space: Self.branches.root,
                 algorithm: algorithm, maxEvals: 60, trials: &trials, seed: 12)
        #expect(trials.count == 60)
        for trial in trials.trials { #expect((try? Self.branches.validate(trial.assignment)) != nil) }
        // Both branches are tried after startup.
        #expect(Set(trials.trials.dropFirst(10).map { $0.assignment["type"]! }).count == 2)
    }

    @Test func sameSeedSameSearchAndTheCacheChangesNothing() throws {
        var first = Trials(), second = Trials()
        let space = try SearchSpace(["x": .uniform("x", -5, 10), "lr": .loguniform("lr", -9, 0), "k": .choice("k", [1, 2, 3]),
                                     "n": .uniformint("n", 1, 20), "q": .quniform("q", 0, 5, 0.5)])
        let loss: (Value) -> Double = { p in
            let x = p["x"]!.double!, lr = p["lr"]!.double!, n = Double(p["n"]!.int!), q = p["q"]!.double!
            return x * x + abs(log(lr) + 4) + (n - 7) * (n - 7) / 10 + abs(q - 2) + Double(p["k"]!.int!)
        }
        try fmin(loss, space: space, algorithm: .tpeOptuna, maxEvals: 80, trials: &first, seed: 21)
        try fmin(loss, space: space, algorithm: .tpeOptuna, maxEvals: 80, trials: &second, seed: 21)
        #expect(first.trials.map(\.assignment) == second.trials.map(\.assignment))
        // A suggester that followed the search (its cache filled call by call) and a new one on
        // the whole history (cache filled at once, orders from the insertion) propose the same.
        let history = Trials(Array(first.trials.prefix(70)))
        let followed = try Self.followed(space, history)
        #expect(followed == (try Self.propose(space, history, seed: 31)))
    }

    static func followed(_ space: SearchSpace, _ history: Trials) throws -> Assignment {
        let rng = MersenneTwister(seed: 5)
        var suggester = try OptunaTPE(space: space, options: .init(), budget: 100, using: rng)
        for count in 10..<history.count { _ = suggester.suggest(history: Trials(Array(history.trials.prefix(count))), using: rng) }
        // A history that is not an extension of the one seen starts the cache afresh.
        _ = suggester.suggest(history: Self.history(space, count: 30, seed: 77), using: rng)
        let proposal = suggester.suggest(history: history, using: MersenneTwister(seed: 31))
        return try #require(proposal)
    }

    @Test func estimatorGivenOrdersEqualsEstimatorThatSorts() {
        let dimension = OptunaTPE.Dimension(kind: .discrete(step: 1), low: 1, high: 10, isLog: false)
        let column: [Double] = [3, 7, 3, 1, 10, 7, 7, 2]
        let order = column.indices.sorted { column[$0] < column[$1] || (column[$0] == column[$1] && $0 < $1) }
        let parameters = OptunaParzenEstimator.Parameters(priorWeight: 1, considerMagicClip: true, considerEndpoints: false)
        let sorting = OptunaParzenEstimator(dimensions: [dimension], observations: [column], parameters: parameters)
        let given = OptunaParzenEstimator(dimensions: [dimension], observations: [column], orders: [order], parameters: parameters)
        #expect(sorting.kernels[0].sigmas == given.kernels[0].sigmas)
        #expect(sorting.kernels[0].logNormalizers == given.kernels[0].logNormalizers)
    }

    // MARK: Options

    @Test func defaultsAreOptunas() throws {
        let options = OptunaTPE.Options()
        #expect(options == (try OptunaTPE.Options.decode(from: [:])))
        #expect(options.multivariate && !options.group && options.constantLiar && options.considerPrior)
        #expect(options.nStartupTrials == 10 && options.nEICandidates == 24 && options.priorWeight == 1)
        #expect(options.considerMagicClip && !options.considerEndpoints)
        #expect(Array(options.record.keys) == ["consider_endpoints", "consider_magic_clip", "consider_prior", "constant_liar", "group",
                                               "multivariate", "n_ei_candidates", "n_startup_trials", "prior_weight"])
        #expect(SuggesterRegistry.type(named: "tpe-optuna") == OptunaTPE.self)
    }

    @Test(arguments: [
        ("n_startup_trials", Value.int(-1)), ("n_ei_candidates", .int(0)), ("n_ei_candidates", .int(2_000_000)),
        ("prior_weight", .double(-0.5)), ("consider_prior", .bool(false)),
    ])
    func outOfRangeOptionsAreRejectedByName(name: String, value: Value) {
        do {
            _ = try OptunaTPE.Options.decode(from: [name: value])
            Issue.record("\(name) = \(value) was accepted")
        } catch {
            guard case .invalidOption(let reported, let message) = error else { Issue.record("\(error)"); return }
            #expect(reported == name)
            #expect(message.contains("must be"), "\(message)")
        }
    }

    @Test func groupNeedsMultivariateAndUnknownKeysGetADidYouMean() {
        do {
            _ = try OptunaTPE.Options.decode(from: ["group": .bool(true), "multivariate": .bool(false)])
            Issue.record("group without multivariate was accepted")
        } catch {
            #expect("\(error)".contains("group") && "\(error)".contains("multivariate"))
        }
        do {
            _ = try OptunaTPE.Options.decode(from: ["n_EI_candidates": .int(10)])
            Issue.record("accepted an unknown key")
        } catch {
            #expect("\(error)".contains("did you mean 'n_ei_candidates'"), "\(error)")
        }
        #expect(throws: SuggesterError.self) { try Algorithm.named("tpe-optuna", options: ["multivariat": .bool(false)]) }
    }
}
