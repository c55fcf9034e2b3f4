import Foundation
import GSLKit
import Testing
@testable import Parzen

@Suite struct CMAESBehaviourTests {
    static let box: Space = ["x": .uniform("x", -5, 10), "y": .uniform("y", 0, 15)]
    static func branin(_ p: Value) -> Double {
        let x = p["x"]!.double!, y = p["y"]!.double!
        let t = y - 5.1 / (4 * .pi * .pi) * x * x + 5 / .pi * x - 6
        return t * t + 10 * (1 - 1 / (8 * .pi)) * cos(x) + 10
    }

    @Test func resumedSearchMakesTheSameProposals() throws {
        var whole = Trials()
        try fmin(Self.branin, space: Self.box, algorithm: .cmaes, maxEvals: 60, trials: &whole, seed: 3)
        var resumed = Trials(Array(whole.trials.prefix(25)))
        try fmin(Self.branin, space: Self.box, algorithm: .cmaes, maxEvals: 60, trials: &resumed, seed: 3)
        #expect(resumed.trials.map(\.assignment) == whole.trials.map(\.assignment))
    }

    @Test func aSuggesterFollowingAHistorySeesItsTrialsChange() throws {
        // A suggester that followed the history must propose what a new one proposes on the
        // history as it is now: after appends alone, and after an update changed a status or a
        // loss of a trial it had seen (then appends).
        var trials = Trials()
        try fmin(Self.branin, space: Self.box, algorithm: .cmaes, maxEvals: 40, trials: &trials, seed: 3)
        let space = try SearchSpace(Self.box)
        let make = { try CMAES(space: space, options: CMAES.Options(), budget: 60, using: MersenneTwister(seed: 5)) }
        let rng = MersenneTwister(seed: 1)
        var follower = try make()
        var history = Trials(Array(trials.trials.prefix(30)))
        _ = follower.suggest(history: history, using: rng)
        var edits: [(inout Trial) -> Void] = [{ $0.loss = 1e6 }, { $0.status = .fail }, { $0.loss = 0.5 }]
        for (step, trial) in trials.trials.dropFirst(30).enumerated() {
            history.append(trial)
            if step % 3 == 1, !edits.isEmpty {
                var changed = history[4 + step]
                edits.removeFirst()(&changed)
                history.update(changed)
            }
            var fresh = try make()
            #expect(follower.suggest(history: history, using: rng) == fresh.suggest(history: history, using: rng), "after trial \(trial.id)")
        }
    }

    @Test func convergesOnBranin() throws {
        var trials = Trials()
        try fmin(Self.branin, space: Self.box, algorithm: .cmaes, maxEvals: 200, trials: &trials, seed: 1)
        #expect(trials.bestValue! < 0.3981)  // the minimum is 0.397887
    }

    @Test func failedTrialsNeverCountTowardAGeneration() throws {
        // Every third evaluation fails: generations still need popsize (6) complete trials, so
        // the search goes on and converges.
        var trials = Trials()
        var calls = 0
        try fmin({ (p: Value) -> ObjectiveResult in
            calls += 1
            return calls % 3 == 0 ? .fail("every third") : .ok(Self.branin(p))
        }, space: Self.box, algorithm: .cmaes, maxEvals: 300, trials: &trials, seed: 2)
        #expect(trials.bestValue! < 0.4)
        #expect(trials.trials.allSatisfy { $0.extras["cmaes_run"] == .int(0) })
    }

    @Test func ipopRestartsAFinishedRunWithTwiceThePopulation() throws {
        // A flat objective stops each run after its value-history length (tolfun).
        var trials = Trials()
        let options = CMAES.Options(restartStrategy: .ipop)
        try fmin({ (_: Value) in 1.0 }, space: Self.box, algorithm: Algorithm(CMAES.self, options: options), maxEvals: 400, trials: &trials, seed: 4)
        let runs = trials.trials.map { $0.extras["cmaes_run"]!.int! }
        let populations = trials.trials.map { $0.extras["cmaes_popsize"]!.int! }
        #expect(runs.last! >= 2)
        #expect(zip(runs, runs.dropFirst()).allSatisfy { $0 <= $1 })
        for (run, popsize) in zip(runs, populations) { #expect(popsize == 6 << run) }
        var plain = Trials()
        try fmin({ (_: Value) in 1.0 }, space: Self.box, algorithm: .cmaes, maxEvals: 400, trials: &plain, seed: 4)
        #expect(plain.trials.allSatisfy { $0.extras["cmaes_run"] == .int(0) })
    }

    @Test func categoricalAndConditionalParametersAreDrawnIndependently() throws {
        let space = try SearchSpace([
            "kind": .choice("kind", [["a": .uniform("a", 0, 1)], ["b": .uniformint("b", 1, 5)]]),
            "x": .uniform("x", -1, 1),
        ])
        let suggesterRNG = MersenneTwister(seed: 5)
        var suggester = try CMAES(space: space, options: .init(), budget: 100, using: suggesterRNG)
        var trials = Trials()
        var kinds = Set<Double>()
        for id in 0..<100 {
            let point = suggester.suggest(history: trials, using: suggesterRNG)!
            try space.validate(point)
            kinds.insert(point["kind"]!)
            trials.append(Trial(id: id, assignment: point, status: .ok, loss: point["x"]! * point["x"]!))
        }
        #expect(kinds.count == 2)
        #expect(abs(trials.best!.assignment["x"]!) < 0.05)
    }

    @Test func spacesWithoutANumericCoordinateAreRefusedUpFront() throws {
        let space = try SearchSpace(["c": .choice("c", ["p", "q"]), "k": .quniform("k", 0.1, 0.2, 1)])
        #expect(throws: SuggesterError.unsupportedSpace(CMAESConfiguration.emptyMessage)) { try Algorithm.cmaes.check(space: space) }
        let fine = try SearchSpace(Self.box)
        try Algorithm.cmaes.check(space: fine)
    }

    @Test func badOptionsNameTheOptionAndTheRange() throws {
        func message(_ options: OrderedRecord<Value>) -> String {
            do { _ = try Algorithm.named("cmaes", options: options); return "" } catch { return "\(error)" }
        }
        #expect(message(["restart_strategy": .string("ipopp")]).contains("option 'restart_strategy': must be one of none, ipop, bipop, got 'ipopp'; did you mean 'ipop'?"))
        #expect(message(["sigma0": .double(0)]).contains("option 'sigma0': must be a number with 0 < sigma0"))
        #expect(message(["popsize": .int(1)]).contains("option 'popsize'"))
        #expect(message(["inc_popsize": .int(1)]).contains("option 'inc_popsize': must be an integer in 2...100, got 1"))
        #expect(message(["with_margin": .bool(true), "use_separable_cma": .bool(true)]).contains("use_separable_cma"))
        #expect(message(["lr_adapt": .bool(true), "with_margin": .bool(true)]).contains("option 'lr_adapt'"))
        #expect(message(["sigma": .double(1)]).contains("did you mean 'sigma0'?"))
        let space = try SearchSpace(Self.box)
        let algorithm = try Algorithm.named("cmaes", options: ["x0": .record(["x": .double(1), "z": .double(2)])])
        #expect(throws: SuggesterError.self) { try algorithm.makeSuggester(space: space, budget: 10, using: MersenneTwister(seed: 1)) }
    }

    @Test func x0AndSigma0SetTheFirstGeneration() throws {
        let options = CMAES.Options(sigma0: 1e-3, x0: ["x": 1, "y": 2], nStartupTrials: 1)
        let space = try SearchSpace(Self.box)
        let rng = MersenneTwister(seed: 9)
        var suggester = try CMAES(space: space, options: options, budget: 20, using: rng)
        var trials = Trials()
        for id in 0..<8 {
            let point = suggester.suggest(history: trials, using: rng)!
            if id > 0 {
                // σ = 1e-3 of the cube: 0.015 external units on both ranges of 15.
                #expect(abs(point["x"]! - 1) < 0.1 && abs(point["y"]! - 2) < 0.1)
            }
            trials.append(Trial(id: id, assignment: point, status: .ok, loss: 1))
        }
    }
}
