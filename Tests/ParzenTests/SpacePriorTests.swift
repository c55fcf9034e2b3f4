import Foundation
import GSLKit
import ParzenTestSupport
import Testing
@testable import Parzen

/// Each kind's prior against its exact distribution, over 20,000 seeded draws.
@Suite struct SpacePriorTests {
    let n = 20_000

    func draws(_ distribution: Distribution, seed: UInt32 = 42) -> [Double] {
        let rng = MersenneTwister(seed: seed)
        return (0..<n).map { _ in distribution.sample(using: rng) }
    }

    @Test func uniformIsUniform() {
        let x = draws(.uniform(low: -2, high: 3))
        #expect(x.allSatisfy { $0 >= -2 && $0 < 3 })
        let d = TestSupport.kolmogorovSmirnov(x) { min(max(($0 + 2) / 5, 0), 1) }
        #expect(d < TestSupport.ksCritical(n))
    }

    @Test func loguniformIsUniformInLogSpaceWithLogBounds() {
        let low = log(1e-3), high = log(10.0)
        let x = draws(.loguniform(low: low, high: high))
        #expect(x.allSatisfy { $0 >= 1e-3 && $0 < 10 })
        let d = TestSupport.kolmogorovSmirnov(x.map(log)) { min(max(($0 - low) / (high - low), 0), 1) }
        #expect(d < TestSupport.ksCritical(n))
    }

    @Test func normalIsNormal() {
        let x = draws(.normal(mu: 1, sigma: 2))
        let d = TestSupport.kolmogorovSmirnov(x) { NormalDistribution.cdf($0, mean: 1, sd: 2) }
        #expect(d < TestSupport.ksCritical(n))
    }

    @Test func lognormalIsExpOfNormal() {
        let x = draws(.lognormal(mu: 0.5, sigma: 0.7))
        #expect(x.allSatisfy { $0 > 0 })
        let d = TestSupport.kolmogorovSmirnov(x.map(log)) { NormalDistribution.cdf($0, mean: 0.5, sd: 0.7) }
        #expect(d < TestSupport.ksCritical(n))
    }

    @Test func quniformRoundsHalfToEvenAndMayLeaveTheRange() {
        // hyperopt: quniform(1, 10, 4) gives {0, 4, 8}; U/4 in [0.25, 2.5): 0 on [0.25, 0.5]
        // (0.5 rounds to even 0), 1 on (0.5, 1.5), 2 on [1.5, 2.5) -> 1/9, 4/9, 4/9.
        let x = draws(.quniform(low: 1, high: 10, q: 4))
        let f = TestSupport.frequencies(x)
        #expect(f.map(\.value) == [0, 4, 8])
        for (entry, p) in zip(f, [1.0 / 9, 4.0 / 9, 4.0 / 9]) {
            #expect(TestSupport.plausible(entry.count, of: n, probability: p))
        }
        #expect(2.5.quantized(by: 1) == 2)
        #expect(3.5.quantized(by: 1) == 4)
        #expect((-0.5).quantized(by: 1) == 0)
    }

    @Test func uniformintEndpointsHaveHalfMass() {
        let x = draws(.uniformint(low: 1, high: 10))
        let f = TestSupport.frequencies(x)
        #expect(f.map(\.value) == (1...10).map(Double.init))
        for entry in f {
            let p = (entry.value == 1 || entry.value == 10) ? 0.5 / 9 : 1.0 / 9
            #expect(TestSupport.plausible(entry.count, of: n, probability: p))
        }
    }

    @Test func randintOneAndTwoArgumentForms() {
        let one = TestSupport.frequencies(draws(.randint(low: 0, high: 5)))
        #expect(one.map(\.value) == [0, 1, 2, 3, 4])
        #expect(one.allSatisfy { TestSupport.plausible($0.count, of: n, probability: 0.2) })
        let two = TestSupport.frequencies(draws(.randint(low: -2, high: 2)))
        #expect(two.map(\.value) == [-2, -1, 0, 1])
        #expect(two.allSatisfy { TestSupport.plausible($0.count, of: n, probability: 0.25) })
    }

    @Test func qnormalMassesAreNormalIntervals() {
        let q = 0.5
        let x = draws(.qnormal(mu: 0, sigma: 1, q: q))
        let f = TestSupport.frequencies(x)
        #expect(f.allSatisfy { ($0.value / q).rounded() == $0.value / q })
        for entry in f where abs(entry.value) <= 2 {
            let p = NormalDistribution.cdf(entry.value + q / 2) - NormalDistribution.cdf(entry.value - q / 2)
            #expect(TestSupport.plausible(entry.count, of: n, probability: p))
        }
    }

    @Test func qloguniformAndQlognormalStayOnTheirLattice() {
        let a = draws(.qloguniform(low: log(1), high: log(100), q: 5))
        #expect(a.allSatisfy { ($0 / 5).rounded() == $0 / 5 && $0 >= 0 && $0 <= 100 })
        // P(value = 0) = P(exp(U) < 2.5) = log(2.5)/log(100)
        #expect(TestSupport.plausible(a.filter { $0 == 0 }.count, of: n, probability: log(2.5) / log(100)))
        let b = draws(.qlognormal(mu: 1, sigma: 1, q: 2))
        #expect(b.allSatisfy { ($0 / 2).rounded() == $0 / 2 && $0 >= 0 })
        // P(value = 0) = P(exp(N(1,1)) < 1) = Φ(-1)
        #expect(TestSupport.plausible(b.filter { $0 == 0 }.count, of: n, probability: NormalDistribution.cdf(-1)))
    }

    @Test func choiceAndPchoiceFrequencies() {
        let c = TestSupport.frequencies(draws(.choice(["a", "b", "c"])))
        #expect(c.map(\.value) == [0, 1, 2])
        #expect(c.allSatisfy { TestSupport.plausible($0.count, of: n, probability: 1.0 / 3) })
        let p = TestSupport.frequencies(draws(.pchoice(["a", "b", "c"], probabilities: [0.1, 0.2, 0.7])))
        for (entry, probability) in zip(p, [0.1, 0.2, 0.7]) {
            #expect(TestSupport.plausible(entry.count, of: n, probability: probability))
        }
    }

    @Test func sampleHoldsExactlyTheActiveLabels() throws {
        let space = try SearchSpace(TutorialSpaces.classifiers)
        let rng = MersenneTwister(seed: 9)
        var branches = Set<Int>()
        for _ in 0..<500 {
            let point = space.sample(using: rng)
            #expect(point.labels == space.activeLabels(in: point))
            try space.validate(point)
            branches.insert(Int(point["classifier_type"]!))
        }
        #expect(branches == [0, 1, 2, 3])
    }

    @Test func sameSeedSameSamplesDifferentSeedDifferent() throws {
        let space = try SearchSpace(TutorialSpaces.classifiers)
        func run(_ seed: UInt32) -> [Assignment] {
            let rng = MersenneTwister(seed: seed)
            return (0..<50).map { _ in space.sample(using: rng) }
        }
        #expect(run(1) == run(1))
        #expect(run(1) != run(2))
    }
}

/// The tutorial's spaces, written as the hyperopt tutorial writes them.
enum TutorialSpaces {
    static let classifiers: Space = .choice("classifier_type", [
        ["type": "naive_bayes", "alpha": .uniform("alpha", 0, 2)],
        ["type": "svm", "C": .uniform("C", 0, 10), "kernel": .choice("kernel", ["linear", "rbf"]), "gamma": .uniform("gamma", 0, 20)],
        ["type": "randomforest", "max_depth": .choice("max_depth", Array(1...19).map { Space.constant(.int($0)) }),
         "max_features": .choice("max_features", [1, 2, 3, 4]), "n_estimators": .choice("n_estimators", Array(1...19).map { Space.constant(.int($0)) }),
         "criterion": .choice("criterion", ["gini", "entropy"]), "scale": .choice("scale", [0, 1]), "normalize": .choice("normalize", [0, 1])],
        ["type": "knn", "knn_n_neighbors": .choice("knn_n_neighbors", Array(1...49).map { Space.constant(.int($0)) })],
    ])

    static let record: Space = ["x": .uniform("x", 0, 1), "y": .normal("y", 0, 1), "name": .choice("name", ["alice", "bob"])]
}
