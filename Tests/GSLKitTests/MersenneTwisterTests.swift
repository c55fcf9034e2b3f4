import Testing
@testable import GSLKit

@Suite struct MersenneTwisterTests {
    // Reference values of MT19937 with init_genrand(5489), the C++ std::mt19937 default:
    // the first three outputs, and the 10,000th (required by the C++ standard, [rand.predef]).
    @Test func knownAnswersForSeed5489() {
        let rng = MersenneTwister(seed: 5489)
        #expect(rng.next() == 3_499_211_612)
        #expect(rng.next() == 581_869_302)
        #expect(rng.next() == 3_890_346_734)
        for _ in 4..<10_000 { _ = rng.next() }
        #expect(rng.next() == 4_123_659_995)
    }

    @Test func seedZeroIsGSLDefault4357() {
        let zero = MersenneTwister(seed: 0), standard = MersenneTwister(seed: 4357)
        for _ in 0..<100 { #expect(zero.next() == standard.next()) }
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        let a = MersenneTwister(seed: 12345), b = MersenneTwister(seed: 12345), c = MersenneTwister(seed: 12346)
        let xa = (0..<1000).map { _ in a.gaussian() }
        let xb = (0..<1000).map { _ in b.gaussian() }
        let xc = (0..<1000).map { _ in c.gaussian() }
        #expect(xa == xb)
        #expect(xa != xc)
    }

    @Test func reseedingGivesTheStreamOfANewGenerator() {
        let kept = MersenneTwister(seed: 1)
        for seed: UInt32 in [5489, 0, 77, 5489] {
            // Part-way through a stream (mid-block and past a 624-word block), then reseeded.
            for _ in 0..<(Int(seed % 700) + 3) { _ = kept.gaussian() }
            kept.reseed(seed)
            #expect(kept.seed == seed)
            let fresh = MersenneTwister(seed: seed)
            #expect((0..<1500).map { _ in kept.next() } == (0..<1500).map { _ in fresh.next() })
        }
        kept.reseed(5489)
        #expect(kept.next() == 3_499_211_612)
    }

    @Test func cloneAndStateRestoreContinueTheStream() throws {
        let rng = MersenneTwister(seed: 7)
        for _ in 0..<123 { _ = rng.uniform() }
        let copy = rng.clone()
        let saved = rng.state
        #expect(saved.count == 5000)
        let expected = (0..<500).map { _ in rng.lognormal(zeta: 0, sigma: 1) }
        #expect((0..<500).map { _ in copy.lognormal(zeta: 0, sigma: 1) } == expected)
        let restored = MersenneTwister(seed: 99)
        try restored.restore(state: saved)
        #expect((0..<500).map { _ in restored.lognormal(zeta: 0, sigma: 1) } == expected)
        #expect(throws: GSLError.self) { try restored.restore(state: [1, 2, 3]) }
    }

    @Test func uniformIntCoversItsRangeAndNothingElse() {
        let rng = MersenneTwister(seed: 3)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<6000 { counts[rng.uniformInt(below: 6)] += 1 }
        #expect(counts.allSatisfy { $0 > 850 && $0 < 1150 })
        #expect(rng.uniformInt(below: 1) == 0)
        let shifted = (0..<1000).map { _ in rng.uniformInt(in: -3..<2) }
        #expect(Set(shifted) == Set(-3..<2))
        let huge = rng.uniformInt(below: 1 << 32)
        #expect(huge >= 0 && huge < 1 << 32)
    }

    @Test func uniformStaysInHalfOpenRange() {
        let rng = MersenneTwister(seed: 11)
        for _ in 0..<10_000 {
            let x = rng.uniform(-2, 5)
            #expect(x >= -2 && x < 5)
        }
    }

    @Test func gaussianAndLognormalMoments() {
        let rng = MersenneTwister(seed: 2024)
        let n = 100_000
        let g = (0..<n).map { _ in rng.gaussian(mean: 1, sd: 2) }
        #expect(abs(Statistics.mean(g) - 1) < 0.03)
        #expect(abs(Statistics.standardDeviation(g) - 2) < 0.03)
        let l = (0..<n).map { _ in rng.lognormal(zeta: 0, sigma: 0.5) }
        // E[exp(N(0, 0.25))] = exp(0.125)
        #expect(abs(Statistics.mean(l) - 1.133_148_453) < 0.01)
        #expect(l.allSatisfy { $0 > 0 })
    }

    @Test func shuffleIsAPermutationAndSeeded() {
        let a = MersenneTwister(seed: 5), b = MersenneTwister(seed: 5)
        let items = Array(0..<50)
        let x = a.shuffled(items), y = b.shuffled(items)
        #expect(x == y)
        #expect(x != items)
        #expect(x.sorted() == items)
        var empty: [Int] = []
        a.shuffle(&empty)
        #expect(empty.isEmpty)
        // Every position of a 3-element shuffle is uniform: each element lands first ~1/3 of the time.
        var first = [0, 0, 0]
        for _ in 0..<30_000 { first[a.shuffled([0, 1, 2])[0]] += 1 }
        #expect(first.allSatisfy { abs($0 - 10_000) < 400 })
    }
}
