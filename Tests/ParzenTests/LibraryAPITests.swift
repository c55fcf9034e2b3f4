import Foundation
import Testing
import Parzen

/// The library as a dependency sees it: `import Parzen` alone (GSLKit comes with it), spaces as
/// written, options from code, readable printing, and histories saved by Python's hyperopt.
@Suite struct LibraryAPITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The space of adapters/export_hyperopt_trials.py, written in Swift.
    static let hyperoptSpace: Space = [
        .choice("model", [
            ["kind": "linear", "alpha": .loguniform("alpha", -5, 0)],
            ["kind": "tree", "depth": .randint("depth", 1, 8), "width": .quniform("width", 2, 64, 2)],
        ]),
        .uniform("offset", -1, 1),
    ]

    @Test func keywordFactoriesSetExactlyTheOptionsGiven() {
        #expect(Algorithm.tpe(gamma: 0.15, n_startup_jobs: 10).options == TPE.Options(nStartupJobs: 10, gamma: 0.15).record)
        #expect(Algorithm.tpe().options == TPE.Options().record)
        #expect(Algorithm.anneal(shrink_coef: 0.3).options == Anneal.Options(shrinkCoef: 0.3).record)
        #expect(Algorithm.tpeOptuna(n_startup_trials: 5, multivariate: false).options
            == OptunaTPE.Options(multivariate: false, nStartupTrials: 5).record)
        #expect(Algorithm.cmaes(x0: ["x": 0.5], sigma0: 0.3, restart_strategy: .ipop).options
            == CMAES.Options(sigma0: 0.3, x0: ["x": 0.5], restartStrategy: .ipop).record)
        #expect(Algorithm.gp(acquisition: .ucb, beta: 3).options == GP.Options(acquisition: .ucb, beta: 3).record)
        #expect(Algorithm.grid(placement: .endpoints).options["placement"] == "endpoints")
        #expect(Algorithm.sobol(shift: false).options["shift"] == false)
        #expect(Algorithm.halton(shift: false).name == "halton")
    }

    @Test func keywordFactoryValuesAreCheckedWhenTheSearchStarts() {
        var trials = Trials()
        do {
            try fmin({ (_: Value) in 0.0 }, space: .uniform("x", 0, 1), algorithm: .tpe(gamma: 2), maxEvals: 1, trials: &trials, seed: 1)
            Issue.record("gamma 2 was accepted")
        } catch {
            #expect("\(error)" == "algorithm: option 'gamma': must be a number with 0 < gamma <= 1, got 2.0")
        }
    }

    @Test func finiteLossesAndBestLossSkipFailuresAndPending() {
        var trials = Trials()
        trials.append(Trial(id: 0, assignment: ["x": 1], status: .ok, loss: 0.5))
        trials.append(Trial(id: 1, assignment: ["x": 2], status: .fail, message: "boom"))
        trials.append(Trial(id: 2, assignment: ["x": 3], status: .fail, loss: 0.1, message: "late"))
        trials.append(Trial(id: 3, assignment: ["x": 4], status: .ok, loss: 0.25))
        trials.append(Trial(id: 4, assignment: ["x": 5]))
        #expect(trials.finiteLosses == [0.5, 0.25])
        #expect(trials.finiteLosses.min() == 0.25)
        #expect(trials.bestLoss == 0.25)
        #expect(trials.okTrials.map(\.id) == [0, 3])
        #expect(Trials().bestLoss == nil)
    }

    @Test func trialsStatusesAndAssignmentsPrintReadably() {
        let assignment: Assignment = ["classifier_type": 2, "n_neighbors": 7, "C": 0.5]
        #expect("\(assignment)" == "{classifier_type: 2, n_neighbors: 7, C: 0.5}")
        #expect("\([TrialStatus.ok, .fail, .pending])" == "[ok, fail, pending]")
        let ok = Trial(id: 3, assignment: ["x": 1.5, "k": 2], status: .ok, loss: 0.25)
        #expect("\(ok)" == "trial 3: ok, loss 0.25, {x: 1.5, k: 2}")
        let failed = Trial(id: 4, assignment: ["x": 0.5], status: .fail, message: "objective returned nan")
        #expect("\(failed)" == "trial 4: fail (objective returned nan), {x: 0.5}")
        let trials = Trials([ok, failed])
        #expect("\(trials)" == "Trials(2 trials: 1 ok, 1 fail; best trial 3: ok, loss 0.25, {x: 1.5, k: 2})")
    }

    @Test func spaceAsWrittenWorksWhereACompiledOneDoes() throws {
        let space: Space = ["x": .uniform("x", 0, 1), "k": .choice("k", ["a", "b"])]
        var trials = Trials()
        try fmin({ point in point["x"]!.double! }, space: space, algorithm: .random, maxEvals: 3, trials: &trials, seed: 2)
        let back = try Trials(hyperoptJSON: trials.hyperoptJSON(space: space), space: space)
        #expect(back.trials.map(\.assignment) == trials.trials.map(\.assignment) && back.losses == trials.losses)
        let point = try space.sample(using: MersenneTwister(seed: 5))
        try space.validate(point)
        #expect(try space.evaluate(["x": 0.5, "k": 1]) == ["x": 0.5, "k": "b"])
        #expect(throws: SpaceError.self) { try Space.uniform("x", 1, 0).compiled() }
    }

    @Test func importAcceptsWhatPythonWritesWithDefaultStr() throws {
        // NumPy integers as strings (and as their repr), NaN literals, str(datetime).
        let json = #"""
        [{"tid": "0", "state": "2", "result": {"loss": "0.5", "status": "ok", "n": "np.int64(4)", "bad": NaN},
          "misc": {"idxs": {"k": ["0"], "x": ["0"]}, "vals": {"k": ["1"], "x": ["np.float64(0.25)"]}},
          "book_time": "2026-11-29 10:00:00", "refresh_time": "2026-11-29T10:00:01.500000"},
         {"tid": 1, "state": 2, "result": {"loss": NaN, "status": "ok"},
          "misc": {"vals": {"k": [0], "x": [0.75]}}, "book_time": null, "refresh_time": null}]
        """#
        let space: Space = ["x": .uniform("x", 0, 1), "k": .choice("k", ["a", "b"])]
        let trials = try Trials(hyperoptJSON: Data(json.utf8), space: space)
        #expect(trials[0].id == 0 && trials[0].loss == 0.5 && trials[0].assignment == ["x": 0.25, "k": 1])
        #expect(trials[0].duration == 1.5)
        #expect(trials[1].loss?.isNaN == true)
        #expect(trials.bestLoss == 0.5)
    }

    /// A history written by real hyperopt 0.3.0 (adapters/export_hyperopt_trials.py): read, the
    /// same losses, statuses and argmin as hyperopt reported, written back and read again.
    @Test func historyWrittenByHyperoptRoundTrips() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("hyperopt-0.3.0-trials.json"))
        let expected = try JSONDecoder().decode(
            HyperoptReport.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("hyperopt-0.3.0-expected.json")))
        let space = try SearchSpace(Self.hyperoptSpace)
        let trials = try Trials(hyperoptJSON: data, space: space)

        #expect(trials.count == 40)
        #expect(trials.losses == expected.losses)
        #expect(trials.statuses.map(\.rawValue) == expected.statuses)
        #expect(trials.statuses.contains(.fail))
        #expect(trials.best?.id == expected.best_tid)
        #expect(trials.bestLoss == expected.best_loss)
        #expect(trials.argmin.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.label, $0.value) }) } == expected.argmin)
        #expect(trials.trials.allSatisfy { $0.startTime != nil && $0.endTime != nil })
        // Every assignment fits the space: active labels only, choices and randint as integers.
        for trial in trials.trials { try space.validate(trial.assignment) }

        let back = try Trials(hyperoptJSON: trials.hyperoptJSON(space: space), space: space)
        #expect(back.trials.map(\.id) == trials.trials.map(\.id))
        #expect(back.trials.map(\.assignment) == trials.trials.map(\.assignment))
        #expect(back.statuses == trials.statuses && back.losses == trials.losses)
        #expect(back.trials.map(\.message) == trials.trials.map(\.message))
        #expect(back.trials.map(\.startTime) == trials.trials.map(\.startTime))
    }

    /// What hyperopt reported for the fixture's history.
    struct HyperoptReport: Decodable {
        let losses: [Double?]
        let statuses: [String]
        let argmin: [String: Double]
        let best_loss: Double
        let best_tid: Int
    }
}
