import Foundation
import GSLKit
import ParzenTestSupport
import Testing
@testable import Parzen

@Suite struct AnnealTests {
    static let square: Space = .uniform("x", -5, 5)
    static func squareLoss(_ point: Value) -> Double { let x = point.double!; return x * x }
    static func median(_ values: [Double]) -> Double { Statistics.median(sorted: Statistics.sorted(values)) }

    // MARK: Search quality

    @Test func annealBeatsRandomSearchOnSquare() throws {
        var annealBest: [Double] = [], randomBest: [Double] = []
        for seed in UInt32(1)...20 {
            var a = Trials(), r = Trials()
            try fmin(Self.squareLoss, space: Self.square, algorithm: .anneal, maxEvals: 100, trials: &a, seed: seed)
            try fmin(Self.squareLoss, space: Self.square, algorithm: .random, maxEvals: 100, trials: &r, seed: seed)
            annealBest.append(a.best!.loss!)
            randomBest.append(r.best!.loss!)
        }
        let anneal = Self.median(annealBest), random = Self.median(randomBest)
        #expect(anneal * 3 <= random, "median best after 100: anneal \(anneal), random \(random)")
    }

    @Test func firstProposalIsAPriorDraw() throws {
        // No label has observations yet, so every value comes from the prior, with exactly
        // random search's draws.
        let space: Space = ["x": .uniform("x", -5, 5), "k": .choice("k", ["a", "b"]), "n": .normal("n", 0, 1)]
        var a = Trials(), r = Trials()
        try fmin({ _ in 0.0 }, space: space, algorithm: .anneal, maxEvals: 1, trials: &a, seed: 9)
        try fmin({ _ in 0.0 }, space: space, algorithm: .random, maxEvals: 1, trials: &r, seed: 9)
        #expect(a.trials.map(\.assignment) == r.trials.map(\.assignment))
    }

    // MARK: Pieces

    @Test func geometricHasTheRequestedMean() {
        let rng = MersenneTwister(seed: 3)
        let draws = (0..<40_000).map { _ in Anneal.geometric(mean: 2, using: rng) }
        let ones = draws.filter { $0 == 1 }.count
        #expect(TestSupport.plausible(ones, of: draws.count, probability: 0.5))
        #expect(abs(Statistics.mean(draws.map(Double.init)) - 2) < 0.05)
        #expect(draws.allSatisfy { $0 >= 1 })
        // avg_best_idx = 1 always picks the best, without drawing.
        let before = rng.clone().next()
        #expect(Anneal.geometric(mean: 1, using: rng) == 1)
        #expect(rng.next() == before)
    }

    @Test func uniformWindowShrinksAndStaysInside() {
        let rng = MersenneTwister(seed: 4)
        // s = 0.1: width 1 around 2.0 inside [-5, 5].
        let inner = (0..<2000).map { _ in Anneal.draw(.uniform(low: -5, high: 5), near: 2, shrink: 0.1, using: rng) }
        #expect(inner.allSatisfy { $0 >= 1.5 && $0 <= 2.5 })
        // Near the top the window is shifted down to [4, 5].
        let edge = (0..<2000).map { _ in Anneal.draw(.uniform(low: -5, high: 5), near: 4.9, shrink: 0.1, using: rng) }
        #expect(edge.allSatisfy { $0 >= 4 && $0 <= 5 })
        #expect(edge.min()! < 4.1)
        // Log kinds work in log space: loguniform(0, 10) around e^5 with s = 0.1 is e^[4.5, 5.5].
        let logs = (0..<2000).map { _ in Anneal.draw(.loguniform(low: 0, high: 10), near: exp(5), shrink: 0.1, using: rng) }
        #expect(logs.allSatisfy { log($0) >= 4.5 - 1e-12 && log($0) <= 5.5 + 1e-12 })
        // Quantized kinds land on the lattice.
        let q = (0..<500).map { _ in Anneal.draw(.quniform(low: 0, high: 100, q: 5), near: 50, shrink: 0.2, using: rng) }
        #expect(q.allSatisfy { $0.truncatingRemainder(dividingBy: 5) == 0 && $0 >= 40 && $0 <= 60 })
        // A qloguniform reference of 0 (log −∞) anchors the window at the low end.
        let zero = (0..<500).map { _ in Anneal.draw(.qloguniform(low: 0, high: 10, q: 1), near: 0, shrink: 0.1, using: rng) }
        #expect(zero.allSatisfy { $0 >= 1 && $0 <= 3 })
    }

    @Test func normalKindsCentreOnTheReference() {
        let rng = MersenneTwister(seed: 5)
        let draws = (0..<20_000).map { _ in Anneal.draw(.normal(mu: 0, sigma: 2), near: 3, shrink: 0.25, using: rng) }
        #expect(abs(Statistics.mean(draws) - 3) < 0.02)
        #expect(abs(Statistics.standardDeviation(draws) - 0.5) < 0.02)
        let logs = (0..<20_000).map { _ in log(Anneal.draw(.lognormal(mu: 0, sigma: 1), near: exp(1), shrink: 0.5, using: rng)) }
        #expect(abs(Statistics.mean(logs) - 1) < 0.02)
        #expect(abs(Statistics.standardDeviation(logs) - 0.5) < 0.02)
    }

    @Test func categoricalKindsMixTheReferenceWithThePrior() {
        let rng = MersenneTwister(seed: 6)
        let n = 20_000
        // choice of 4, reference option 2, s = 0.2: p = 0.8 + 0.05 for option 2, 0.05 otherwise.
        let choice = Distribution.choice(["a", "b", "c", "d"])
        let draws = (0..<n).map { _ in Anneal.draw(choice, near: 2, shrink: 0.2, using: rng) }
        #expect(TestSupport.plausible(draws.filter { $0 == 2 }.count, of: n, probability: 0.85))
        #expect(TestSupport.plausible(draws.filter { $0 == 0 }.count, of: n, probability: 0.05))
        // randint(10, 14) stores the integer itself: reference 13 is index 3.
        let randint = (0..<n).map { _ in Anneal.draw(.randint(low: 10, high: 14), near: 13, shrink: 0.2, using: rng) }
        #expect(Set(randint).isSubset(of: [10, 11, 12, 13]))
        #expect(TestSupport.plausible(randint.filter { $0 == 13 }.count, of: n, probability: 0.85))
        // pchoice mixes with its own weights: p = 0.5·onehot(0) + 0.5·(0.1, 0.9).
        let pchoice = Distribution.pchoice(["a", "b"], probabilities: [0.1, 0.9])
        let p = (0..<n).map { _ in Anneal.draw(pchoice, near: 0, shrink: 0.5, using: rng) }
        #expect(TestSupport.plausible(p.filter { $0 == 0 }.count, of: n, probability: 0.55))
    }

    // MARK: Conditional spaces

    @Test func neighbourhoodComesOnlyFromTrialsWhereTheLabelWasActive() throws {
        let space = try SearchSpace([
            "c": .choice("c", [["a": .uniform("a", 0, 1)], ["b": .uniform("b", 0, 1)]]),
            "x": .uniform("x", 0, 1),
        ])
        // The best trial (1) took branch b; 'a' was active only in trials 0 and 2, of which 2 is better.
        let history = Trials([
            Trial(id: 0, assignment: ["c": 0, "a": 0.9, "x": 0.5], status: .ok, loss: 5),
            Trial(id: 1, assignment: ["c": 1, "b": 0.1, "x": 0.3], status: .ok, loss: 1),
            Trial(id: 2, assignment: ["c": 0, "a": 0.2, "x": 0.7], status: .ok, loss: 3),
        ])
        // avg_best_idx = 1 always takes the best; shrink_coef = 3 gives s = 0.1 for c and x
        // (3 observations), 1/7 for a (2 observations).
        var anneal = try Anneal(space: space, options: .init(avgBestIdx: 1, shrinkCoef: 3), budget: 100, using: MersenneTwister(seed: 1))
        var branchA = 0
        for seed in UInt32(1)...3000 {
            let proposed = anneal.suggest(history: history, using: MersenneTwister(seed: seed))
            let point = try #require(proposed)
            try space.validate(point)
            // x reuses the reference chosen for c (trial 1) in every proposal: window [0.25, 0.35].
            let x = try #require(point["x"])
            #expect(x >= 0.25 && x <= 0.35)
            if point["c"] == 0 {
                branchA += 1
                // a is annealed around trial 2's value 0.2 (window of width 1/7), not trial 0's.
                let a = try #require(point["a"])
                #expect(abs(a - 0.2) <= 0.5 / 7 + 1e-12, "a = \(a)")
            } else {
                let b = try #require(point["b"])
                // b: one observation, s = 1/4, window [0, 0.25] (centre 0.1 clipped up to 0.125).
                #expect(b >= 0 && b <= 0.25, "b = \(b)")
            }
        }
        // P(branch a) = s/2 = 0.05.
        #expect(TestSupport.plausible(branchA, of: 3000, probability: 0.05))
    }

    @Test func pendingAndFailedTrialsCountAsInfiniteLoss() throws {
        let space = try SearchSpace(.uniform("x", 0, 10))
        let history = Trials([
            Trial(id: 0, assignment: ["x": 9], status: .pending),
            Trial(id: 1, assignment: ["x": 1], status: .fail, message: "boom"),
            Trial(id: 2, assignment: ["x": 5], status: .ok, loss: 100),
        ])
        var anneal = try Anneal(space: space, options: .init(avgBestIdx: 1, shrinkCoef: 10), budget: 10, using: MersenneTwister(seed: 1))
        for seed in UInt32(1)...200 {
            let proposed = anneal.suggest(history: history, using: MersenneTwister(seed: seed))
            let x = try #require(proposed?["x"])
            #expect(abs(x - 5) <= 0.5 * 10 / 31 + 1e-12)
        }
    }

    // MARK: Options

    @Test func optionsHaveHyperoptsNamesAndDefaults() throws {
        #expect(Anneal.Options() == Anneal.Options(avgBestIdx: 2.0, shrinkCoef: 0.1))
        #expect(Array(Anneal.Options().record.keys) == ["avg_best_idx", "shrink_coef"])
        let decoded = try Anneal.Options.decode(from: ["shrink_coef": .double(0.3)])
        #expect(decoded == Anneal.Options(avgBestIdx: 2.0, shrinkCoef: 0.3))
        let integer = try Anneal.Options.decode(from: ["avg_best_idx": .int(3)])
        #expect(integer.avgBestIdx == 3)
    }

    @Test func outOfRangeOptionsNameTheOptionAndTheRange() {
        #expect(throws: SuggesterError.invalidOption(name: "avg_best_idx", message: "must be a finite number with 1 <= avg_best_idx <= 1000000, got 0.5")) {
            _ = try Anneal.Options.decode(from: ["avg_best_idx": .double(0.5)])
        }
        #expect(throws: SuggesterError.invalidOption(name: "shrink_coef", message: "must be a finite number with 0 <= shrink_coef <= 1000000, got -0.5")) {
            _ = try Algorithm.named("anneal", options: ["shrink_coef": .double(-0.5)])
        }
        #expect(throws: SuggesterError.self) {
            _ = try Anneal.Options.decode(from: ["shrink_coef": .string("fast")])
        }
    }
}
