import Testing
@testable import GSLKit

@Suite struct DiscreteDistributionTests {
    @Test func frequenciesFollowTheWeights() throws {
        let table = try DiscreteDistribution(weights: [1, 3, 6])
        #expect(table.probabilities == [0.1, 0.3, 0.6])
        let rng = MersenneTwister(seed: 8)
        var counts = [0, 0, 0]
        let n = 100_000
        for _ in 0..<n { counts[table.draw(using: rng)] += 1 }
        for (count, p) in zip(counts, table.probabilities) {
            let sd = (Double(n) * p * (1 - p)).squareRoot()
            #expect(abs(Double(count) - Double(n) * p) < 5 * sd)
        }
    }

    @Test func zeroWeightIsNeverDrawn() throws {
        let table = try DiscreteDistribution(weights: [0, 1])
        let rng = MersenneTwister(seed: 1)
        #expect((0..<1000).allSatisfy { _ in table.draw(using: rng) == 1 })
    }

    @Test func badWeightsAreRejectedBeforeReachingGSL() {
        #expect(throws: GSLError.self) { try DiscreteDistribution(weights: []) }
        #expect(throws: GSLError.self) { try DiscreteDistribution(weights: [0, 0]) }
        #expect(throws: GSLError.self) { try DiscreteDistribution(weights: [1, -1]) }
        #expect(throws: GSLError.self) { try DiscreteDistribution(weights: [1, .nan]) }
    }
}
