import Foundation
import GSLKit
import Testing
@testable import Parzen

/// Proposes a fixed list of points, then nothing (an invalid one when asked to).
private struct ListSuggester: Suggester {
    struct Options: SuggesterOptions {}
    static let name = "list"
    static let summary = "a fixed list of points"
    static let capabilities: SuggesterCapabilities = []
    var points: [Assignment]

    init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) { points = [] }
    init(points: [Assignment]) { self.points = points }

    mutating func suggest(history: Trials, using rng: MersenneTwister) throws(SuggesterError) -> Assignment? {
        points.isEmpty ? nil : points.removeFirst()
    }
    var proposalExtras: OrderedRecord<Value> { ["from": .string("list"), "shared": .int(1)] }
}

/// Hooks that evaluate x and count what they see.
private struct CountingHooks: SearchHooks {
    var results: [ObjectiveResult] = []
    var planned: [Assignment] = []
    var suggestCalls = 0, evaluateCalls = 0, recorded = 0
    var stopAfter: Int?

    mutating func stopReason(before trials: Trials) -> StopReason? {
        if let stopAfter, trials.count >= stopAfter { return .cancelled }
        return nil
    }
    mutating func plannedPoint() -> Assignment? { planned.isEmpty ? nil : planned.removeFirst() }
    mutating func willSuggest() { suggestCalls += 1 }
    mutating func willEvaluate() { evaluateCalls += 1 }
    mutating func evaluate(_ assignment: Assignment, point: Value) -> ObjectiveResult {
        results.isEmpty ? .ok(point.double!) : results.removeFirst()
    }
    mutating func didRecord(_ trial: Trial, in trials: Trials) -> StopReason? {
        recorded += 1
        return nil
    }
}

@Suite struct SearchTests {
    static let space = try! SearchSpace(.uniform("x", 0, 1))

    func search(_ points: [Double], direction: Direction = .minimize) -> Search {
        Search(space: Self.space, suggester: ListSuggester(points: points.map { ["x": $0] }), using: MersenneTwister(seed: 1),
               direction: direction)
    }

    @Test func tellTurnsEveryNonFiniteOrMissingValueIntoAFailedTrial() {
        var search = search([])
        let cases: [(ObjectiveResult, TrialStatus, Double?, String?)] = [
            (.ok(0.25), .ok, 0.25, nil),
            (.ok(.nan), .fail, nil, "objective returned nan"),
            (.ok(.infinity), .fail, nil, "objective returned inf"),
            (.fail("broke", value: -.infinity), .fail, nil, "objective returned -inf"),
            (.fail("broke", value: 2), .fail, 2, "broke"),
            (ObjectiveResult(status: .ok, value: nil), .fail, nil, "objective returned no value"),
            (ObjectiveResult(status: .ok, value: nil, message: "no number"), .fail, nil, "no number"),
            (ObjectiveResult(status: .pending, value: 3), .fail, 3, nil),
        ]
        for (index, (result, status, loss, message)) in cases.enumerated() {
            let trial = search.tell(["x": 0.5], result)
            #expect(trial.id == index)
            #expect(trial.status == status, "case \(index)")
            #expect(trial.loss == loss, "case \(index)")
            #expect(trial.message == message, "case \(index)")
        }
        #expect(search.trials.count == cases.count)
    }

    @Test func tellNegatesMaximisedValuesAndMergesExtrasWithTheObjectivesWinning() {
        var search = search([], direction: .maximize)
        let trial = search.tell(["x": 0.5], .ok(4, extras: ["shared": .int(2), "own": .int(3)]),
                                proposalExtras: ["from": .string("list"), "shared": .int(1)])
        #expect(trial.loss == -4)
        #expect(trial.extras.map(\.key) == ["from", "shared", "own"])
        #expect(trial.extras["shared"] == .int(2))
        #expect(search.trials.direction == .maximize)
    }

    @Test func askValidatesProposals() throws {
        var search = search([0.5, 7])
        #expect(try search.ask() == ["x": 0.5])
        search.tell(["x": 0.5], .ok(0.5))
        #expect(throws: SearchError.self) { try search.ask() }
        do { _ = try search.ask() } catch {
            guard case .invalidProposal(let trial, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(trial == 1)
        }
    }

    @Test func runEvaluatesPlannedPointsFirstThenProposalsUntilExhausted() throws {
        var search = search([0.1, 0.2])
        var hooks = CountingHooks(planned: [["x": 0.9]])
        let reason = try search.run(until: 10, hooks: &hooks)
        #expect(reason == .exhausted)
        #expect(search.trials.trials.map { $0.assignment["x"]! } == [0.9, 0.1, 0.2])
        #expect(search.trials[0].extras.isEmpty)
        #expect(search.trials[1].extras["from"] == .string("list"))
        #expect(hooks.suggestCalls == 3 && hooks.evaluateCalls == 3 && hooks.recorded == 3)
        #expect(search.trials.trials.allSatisfy { $0.startTime == nil })
    }

    @Test func runStopsAtTheTargetOrWhenAHookSaysSo() throws {
        var full = search([0.1, 0.2, 0.3])
        var hooks = CountingHooks()
        #expect(try full.run(until: 2, hooks: &hooks) == .maxEvals)
        #expect(full.trials.count == 2)

        var stopped = search([0.1, 0.2, 0.3])
        var stopping = CountingHooks(stopAfter: 1)
        #expect(try stopped.run(until: 3, hooks: &stopping) == .cancelled)
        #expect(stopped.trials.count == 1)
    }

    @Test func runRecordsNonFiniteResultsAsFailedTrials() throws {
        var search = search([0.1, 0.2])
        var hooks = CountingHooks(results: [.ok(.nan), .ok(0.2)])
        _ = try search.run(until: 2, hooks: &hooks)
        #expect(search.trials.statuses == [.fail, .ok])
        #expect(search.trials[0].message == "objective returned nan")
    }

    @Test func runRefusesAnInvalidProposal() {
        var search = search([0.1, -3])
        var hooks = CountingHooks()
        do {
            _ = try search.run(until: 5, hooks: &hooks)
            Issue.record("an invalid proposal was evaluated")
        } catch {
            guard case .invalidProposal(trial: 1, .outOfRange(label: "x", value: -3, accepted: _)) = error else {
                Issue.record("unexpected \(error)"); return
            }
        }
        #expect(search.trials.count == 1)
    }

    /// fmin is the search loop with its options as hooks: the same seed gives the same trials as
    /// asking and telling by hand.
    @Test func fminEqualsAnAskTellLoopByHand() throws {
        let space: Space = ["x": .uniform("x", -2, 2), "c": .choice("c", ["a", "b"])]
        let objective = { (point: Value) -> Double in
            let x = point["x"]!.double!
            return x * x + (point["c"]!.string! == "a" ? 0 : 0.5)
        }
        var viaFMin = Trials()
        try fmin(objective, space: space, algorithm: .tpe, maxEvals: 40, trials: &viaFMin, seed: 21)

        let compiled = try SearchSpace(space)
        let rng = MersenneTwister(seed: 21)
        var search = Search(space: compiled, suggester: try Algorithm.tpe.makeSuggester(space: compiled, budget: 40, using: rng), using: rng)
        while search.trials.count < 40, let proposal = try search.ask() {
            search.tell(proposal, .ok(objective(try compiled.evaluate(proposal))))
        }
        #expect(search.trials.trials.map(\.assignment) == viaFMin.trials.map(\.assignment))
        #expect(search.trials.losses == viaFMin.losses)
    }
}
