import Testing
@testable import ParzenBench

// Reference values: `python3 benchmarks/statistics_reference.py`, section "Vargha-Delaney A12":
// a12(a, b) = (#(a < b) + 0.5·#(a = b)) / (n1·n2) counted over all pairs with NumPy.
@Suite struct StatisticsVarghaDelaneyTests {
    @Test func matchesPairCounting() {
        let (a, b) = StatisticsMannWhitneyUTests.exactSmall
        #expect(abs(VarghaDelaney.a12(a, b) - 0.8857142857142857) < 1e-12)
        let (c, d) = StatisticsMannWhitneyUTests.asymptoticTiesLarge
        #expect(abs(VarghaDelaney.a12(c, d) - 0.745) < 1e-12)
    }

    @Test func directionAndComplement() {
        // The first sample has all the lower losses: it wins every pair.
        #expect(VarghaDelaney.a12([1, 2], [3, 4, 5]) == 1)
        #expect(VarghaDelaney.a12([3, 4, 5], [1, 2]) == 0)
        #expect(VarghaDelaney.a12([1, 1], [1, 1, 1]) == 0.5)
        let (c, d) = StatisticsMannWhitneyUTests.asymptoticTiesLarge
        #expect(abs(VarghaDelaney.a12(c, d) + VarghaDelaney.a12(d, c) - 1) < 1e-15)
        // A12 = 1 − U1/(n1 n2)
        let u = MannWhitneyU.test(c, d).u
        #expect(abs(VarghaDelaney.a12(c, d) - (1 - u / Double(c.count * d.count))) < 1e-15)
    }

    @Test func magnitudes() {
        #expect(VarghaDelaney.Magnitude(0.5) == .negligible)
        #expect(VarghaDelaney.Magnitude(0.55) == .negligible)
        #expect(VarghaDelaney.Magnitude(0.56) == .small)
        #expect(VarghaDelaney.Magnitude(0.44) == .small)
        #expect(VarghaDelaney.Magnitude(0.64) == .medium)
        #expect(VarghaDelaney.Magnitude(0.71) == .large)
        #expect(VarghaDelaney.Magnitude(0.1) == .large)
    }
}
