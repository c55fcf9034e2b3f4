import Foundation
import GSLKit
import Testing
@testable import Parzen

/// What the GP does as a search: start-up, options, refusal of conditional spaces, progress.
@Suite struct GPBehaviourTests {
    @Test func startUpDrawsFromThePrior() throws {
        let space = try SearchSpace(["x": .uniform("x", 0, 1)])
        let rng = MersenneTwister(seed: 4), reference = MersenneTwister(seed: 4)
        var gp = try GP(space: space, options: GP.Options(nStartupTrials: 3), budget: 10, using: rng)
        var trials = Trials()
        for id in 0..<3 {
            let suggested = gp.suggest(history: trials, using: rng)
            let proposal = try #require(suggested)
            #expect(proposal == space.sample(using: reference))
            // Failed trials do not count toward the start-up.
            trials.append(Trial(id: trials.nextID, assignment: proposal, status: .fail))
            trials.append(Trial(id: trials.nextID, assignment: proposal, status: .ok, loss: Double(id)))
        }
        let modelled = gp.suggest(history: trials, using: rng)
        #expect(try #require(modelled) != space.sample(using: reference))
    }

    @Test func findsTheMinimumOfASmoothBowl() throws {
        let space = try SearchSpace(["x": .uniform("x", -5, 5), "y": .uniform("y", -5, 5)])
        for acquisition in GP.Options.Acquisition.allCases {
            var trials = Trials()
            try fmin({ point in
                let x = point["x"]!.double!, y = point["y"]!.double!
                return (x - 1.2) * (x - 1.2) + 2 * (y + 0.7) * (y + 0.7)
            }, space: space, algorithm: Algorithm(GP.self, options: GP.Options(acquisition: acquisition)), maxEvals: 30, trials: &trials, seed: 8)
            let best = try #require(trials.best?.loss)
            #expect(best < 0.01, "\(acquisition): best loss \(best) after 30 evaluations")
        }
    }

    @Test func refitEveryKeepsTheHyperparametersBetweenFits() throws {
        let space = try SearchSpace(["x": .uniform("x", -5, 5)])
        var trials = Trials()
        try fmin({ point in sin(3 * point["x"]!.double!) }, space: space,
                 algorithm: Algorithm(GP.self, options: GP.Options(refitEvery: 4)), maxEvals: 25, trials: &trials, seed: 2)
        #expect(trials.count == 25)
        #expect(trials.best!.loss! < -0.99)
    }

    @Test func optionsAreCheckedWithTheirNames() throws {
        func message(_ options: OrderedRecord<Value>) -> String {
            do {
                _ = try Algorithm.named("gp", options: options)
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        #expect(message(["acquisition": "lgei"]).contains("did you mean 'logei'?"))
        #expect(message(["acquisition": "lgei"]).contains("option 'acquisition'"))
        #expect(message(["noise": "fix"]).contains("did you mean 'fixed'?"))
        #expect(message(["beta": .double(0)]).contains("option 'beta': must be a finite number with 0 < beta <= 1000000"))
        #expect(message(["n_candidates": .int(0)]).contains("option 'n_candidates'"))
        #expect(message(["n_local_search": .int(1)]).contains("option 'n_local_search'"))
        #expect(message(["refit_every": .int(0)]).contains("option 'refit_every'"))
        #expect(message(["n_startup_trials": .int(-1)]).contains("option 'n_startup_trials'"))
        #expect(message(["n_startup_trial": .int(3)]).contains("did you mean 'n_startup_trials'?"))
        #expect(message(["acquisition": "ucb", "beta": .double(0.5), "noise": "fixed", "refit_every": .int(3)]) == "accepted")
    }

    @Test func moreLocalSearchesNeverEndLower() throws {
        // The starts of k local searches (the best candidate, the first k − 2 roulette draws,
        // the incumbent) are among those of k + 1, so the best refined value cannot fall.
        let (encoding, data) = GPModelTests.data(40)
        let theta = GPHyperparameters.defaults(groupCount: encoding.groups.count, learnsNoise: true)
        let model = try #require(GPRegressor(data: data, hyperparameters: theta, encoding: encoding, cache: nil))
        let best = data.targets.indices.max { data.targets[$0] < data.targets[$1] }!
        var previous = -Double.infinity
        for count in [2, 3, 5, 10] {
            let optimizer = GPAcquisitionOptimizer(encoding: encoding, model: model, acquisition: .logEI(best: data.targets[best]), startCount: count)
            let point = optimizer.maximize(candidateCount: 64, incumbent: Array(data.row(best)), using: MersenneTwister(seed: 12))
            let value = optimizer.evaluate(point, count: 1)[0]
            #expect(value >= previous, "\(count) local searches: \(value) after \(previous)")
            previous = value
        }
    }

    @Test func conditionalSpacesAreRefused() throws {
        let space = try SearchSpace(.choice("m", [["a": .uniform("a", 0, 1)], ["b": .uniform("b", 0, 1)]]))
        #expect(throws: SuggesterError.unsupportedSpace("'gp' cannot search a conditional space (a choice between sub-spaces)")) {
            _ = try Algorithm.gp.makeSuggester(space: space, budget: 10, using: MersenneTwister(seed: 1))
        }
    }
}
