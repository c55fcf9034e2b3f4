import Foundation
import GSLKit
import Testing
@testable import Parzen

/// The pair terms a search keeps from call to call are the numbers computed anew.
@Suite struct GPPairTermsTests {
    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    static func theta(_ encoding: GPEncoding, seed: UInt32) -> GPHyperparameters {
        var theta = GPHyperparameters.defaults(groupCount: encoding.groups.count, learnsNoise: true)
        let rng = MersenneTwister(seed: seed)
        theta.vector = theta.vector.map { $0 + rng.uniform(-1, 1) }
        return theta
    }

    static func prefix(_ data: GPData, _ m: Int) -> GPData {
        GPData(rows: Array(data.rows.prefix(m * data.width)), count: m, width: data.width, targets: Array(data.targets.prefix(m)))
    }

    @Test func extendingByNewTrialsGivesTheNumbersOfAFreshComputation() {
        let (encoding, data) = GPModelTests.data(30)
        let theta = Self.theta(encoding, seed: 3)
        let fresh = GPPairTerms(groupCount: encoding.groups.count)
        fresh.cover(data, encoding: encoding)
        fresh.prepare(theta)
        // Terms at θ on 20 trials, then extended by 1 and by 9 more, as a search's calls do.
        let carried = GPPairTerms(groupCount: encoding.groups.count)
        for m in [20, 21, 30] {
            carried.cover(Self.prefix(data, m), encoding: encoding)
            if m == 20 { carried.prepare(theta) }
        }
        #expect(carried.count == 30 && carried.vector == theta.vector)
        #expect(Self.bits(carried.deltas) == Self.bits(fresh.deltas))
        #expect(Self.bits(carried.radii) == Self.bits(fresh.radii))
        #expect(Self.bits(carried.decays) == Self.bits(fresh.decays))
    }

    @Test func otherTrialsAreComputedAnew() {
        let (encoding, data) = GPModelTests.data(20, seed: 5)
        let (_, other) = GPModelTests.data(25, seed: 6)
        let theta = Self.theta(encoding, seed: 4)
        let terms = GPPairTerms(groupCount: encoding.groups.count)
        terms.cover(data, encoding: encoding)
        terms.prepare(theta)
        terms.cover(other, encoding: encoding)
        let fresh = GPPairTerms(groupCount: encoding.groups.count)
        fresh.cover(other, encoding: encoding)
        #expect(terms.count == 25 && terms.vector.isEmpty)
        #expect(Self.bits(terms.deltas) == Self.bits(fresh.deltas))
        // Fewer trials than covered: computed anew as well.
        terms.cover(Self.prefix(other, 10), encoding: encoding)
        fresh.cover(Self.prefix(other, 10), encoding: encoding)
        #expect(terms.count == 10 && Self.bits(terms.deltas) == Self.bits(fresh.deltas))
    }

    @Test func aFitOnCarriedTermsEqualsAFitOnFreshOnes() {
        let (encoding, data) = GPModelTests.data(40)
        let start = Self.theta(encoding, seed: 7)
        let pairs = GPPairTerms(groupCount: encoding.groups.count)
        var unused: [Double]?
        // The next fit starts where this one ended, where the carried pair terms are.
        let previous = GPHyperparameterFit.fit(Self.prefix(data, 39), encoding: encoding, start: start, cache: CovarianceCache(), pairs: pairs,
                                               curvature: &unused)
        var first: [Double]?, second: [Double]?
        let carried = GPHyperparameterFit.fit(data, encoding: encoding, start: previous, cache: CovarianceCache(), pairs: pairs, curvature: &first)
        let fresh = GPHyperparameterFit.fit(data, encoding: encoding, start: previous, cache: CovarianceCache(), curvature: &second)
        #expect(Self.bits(carried.vector) == Self.bits(fresh.vector))
        #expect(first.map(Self.bits) == second.map(Self.bits))
    }
}
