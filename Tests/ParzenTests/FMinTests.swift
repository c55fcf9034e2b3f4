import Foundation
import GSLKit
import Testing
@testable import Parzen

struct ObjectiveFailure: Error, CustomStringConvertible {
    var description: String { "the model diverged" }
}

@Suite struct FMinTests {
    @Test func tutorialIdentityFindsSmallX() throws {
        var trials = Trials()
        let result = try fmin({ $0.double! }, space: .uniform("x", 0, 1), algorithm: .random, maxEvals: 100, trials: &trials, seed: 1)
        #expect(trials.count == 100)
        #expect(result.stopReason == .maxEvals)
        #expect(result.best!.loss! < 0.05)
        #expect(result.point == .double(result.best!.loss!))
        #expect(trials.argmin == result.argmin)
    }

    @Test func throwingNaNAndInfiniteObjectivesFailTheirTrialAndTheSearchGoesOn() throws {
        var trials = Trials()
        var calls = 0
        let result = try fmin({ (point: Value) throws -> Double in
            calls += 1
            switch calls % 4 {
            case 1: throw ObjectiveFailure()
            case 2: return .nan
            case 3: return -.infinity
            default: return point["x"]!.double!
            }
        }, space: ["x": .uniform("x", 0, 1)], algorithm: .random, maxEvals: 40, trials: &trials, seed: 3)
        #expect(trials.count == 40)
        #expect(trials.statuses.filter { $0 == .fail }.count == 30)
        #expect(trials[0].message == "the model diverged")
        #expect(trials[1].message == "objective returned nan")
        #expect(trials[2].message == "objective returned -inf")
        #expect(trials[0].loss == nil)
        #expect(result.best?.status == .ok)
        #expect(trials.trials.allSatisfy { $0.startTime != nil && $0.endTime! >= $0.startTime! })
    }

    @Test func allTrialsFailingGivesNoBest() throws {
        var trials = Trials()
        let result = try fmin({ (_: Value) throws -> Double in throw ObjectiveFailure() }, space: .uniform("x", 0, 1),
                              algorithm: .random, maxEvals: 5, trials: &trials, seed: 3)
        #expect(result.best == nil && result.point == nil && trials.best == nil)
    }

    @Test func objectiveResultsCarryStatusAndExtras() throws {
        var trials = Trials()
        try fmin({ point in
            let x = point.double!
            return x < 0.5 ? ObjectiveResult.ok(x, extras: ["twice": .double(2 * x)]) : .fail("too large", value: x)
        }, space: .uniform("x", 0, 1), algorithm: .random, maxEvals: 30, trials: &trials, seed: 8)
        for trial in trials.trials {
            let x = trial.assignment["x"]!
            if x < 0.5 {
                #expect(trial.status == .ok && trial.extras["twice"] == .double(2 * x))
            } else {
                #expect(trial.status == .fail && trial.message == "too large" && trial.loss == x)
            }
        }
    }

    @Test func lossThresholdStopsEarly() throws {
        var trials = Trials()
        let result = try fmin({ $0.double! }, space: .uniform("x", 0, 1), algorithm: .random, maxEvals: 1000,
                              trials: &trials, seed: 2, options: FMinOptions(lossThreshold: 0.1))
        #expect(result.stopReason == .lossThreshold)
        #expect(trials.trials.last!.loss! < 0.1)
        #expect(trials.trials.dropLast().allSatisfy { $0.loss! >= 0.1 })
    }

    @Test func earlyStopCallbackAndNoProgressLoss() throws {
        var trials = Trials()
        let result = try fmin({ $0.double! }, space: .uniform("x", 0, 1), algorithm: .random, maxEvals: 100,
                              trials: &trials, seed: 2, options: FMinOptions(earlyStop: { $0.count >= 7 }))
        #expect(result.stopReason == .earlyStop && trials.count == 7)

        var constant = Trials()
        try fmin({ _ in 1.0 }, space: .uniform("x", 0, 1), algorithm: .random, maxEvals: 100, trials: &constant, seed: 2,
                 options: FMinOptions(earlyStop: FMinOptions.noProgressLoss(iterations: 5)))
        // The first trial sets the best; five more without progress stop the run.
        #expect(constant.count == 6)
    }

    @Test func timeoutStopsBetweenEvaluations() throws {
        var trials = Trials()
        let result = try fmin({ (point: Value) -> Double in
            Thread.sleep(forTimeInterval: 0.02)
            return point.double!
        }, space: .uniform("x", 0, 1), algorithm: .random, maxEvals: 1000, trials: &trials, seed: 2,
            options: FMinOptions(timeout: .milliseconds(100)))
        #expect(result.stopReason == .timeout)
        #expect(trials.count >= 2 && trials.count < 50)
    }

    @Test func pointsToEvaluateComeFirstAndOnTopOfMaxEvals() throws {
        var trials = Trials()
        try fmin({ $0["x"]!.double! }, space: ["x": .uniform("x", 0, 1)], algorithm: .random, maxEvals: 5, trials: &trials,
                 seed: 2, options: FMinOptions(pointsToEvaluate: [["x": 0.25], ["x": 0.75]]))
        #expect(trials.count == 7)
        #expect(trials[0].assignment["x"] == 0.25 && trials[1].assignment["x"] == 0.75)
        #expect(throws: FMinError.self) {
            var t = Trials()
            try fmin({ $0["x"]!.double! }, space: ["x": .uniform("x", 0, 1)], algorithm: .random, maxEvals: 5, trials: &t,
                     seed: 2, options: FMinOptions(pointsToEvaluate: [["x": 2]]))
        }
    }

    @Test func maxEvalsCountsExistingTrialsAsHyperoptDoes() throws {
        var trials = Trials()
        try fmin({ $0.double! }, space: .uniform("x", 0, 1), algorithm: .random, maxEvals: 5, trials: &trials, seed: 2)
        try fmin({ $0.double! }, space: .uniform("x", 0, 1), algorithm: .random, maxEvals: 8, trials: &trials, seed: 3)
        #expect(trials.count == 8)
        #expect(trials.trials.map(\.id) == Array(0..<8))
    }

    @Test func maximisingIsADeclaredDirection() throws {
        var trials = Trials()
        let result = try fmin({ $0.double! }, space: .uniform("x", 0, 1), algorithm: .random, maxEvals: 100,
                              trials: &trials, seed: 5, direction: .maximize)
        #expect(result.point!.double! > 0.95)
        #expect(trials.bestValue == result.point!.double!)
        #expect(result.best!.loss == -result.point!.double!)
    }

    @Test func sameSeedSameTrialSequenceDifferentSeedDifferent() throws {
        func run(_ seed: UInt32) throws -> [Assignment] {
            var trials = Trials()
            try fmin({ $0["x"]!.double! + $0["y"]!.double! }, space: TutorialSpaces.record, algorithm: .random, maxEvals: 30,
                     trials: &trials, seed: seed)
            return trials.trials.map(\.assignment)
        }
        #expect(try run(11) == run(11))
        #expect(try run(11) != run(12))
    }

    @Test func conditionalSpaceNeedsACapableAlgorithm() throws {
        var trials = Trials()
        let result = try fmin({ _ in 0.0 }, space: TutorialSpaces.classifiers, algorithm: .random, maxEvals: 20, trials: &trials, seed: 1)
        #expect(result.best != nil)
    }

    @Test func unknownAlgorithmNameSuggestsTheNearest() {
        #expect(throws: SuggesterError.self) { try Algorithm.named("randm") }
        do { _ = try Algorithm.named("randm") } catch {
            #expect(error.description.contains("did you mean 'random'"))
        }
    }
}
