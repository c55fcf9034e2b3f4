import Testing
@testable import GSLKit

@Suite struct StatisticsTests {
    @Test func descriptiveStatisticsOfAFixedSample() {
        let x: [Double] = [4, 1, 3, 2, 5, 10]
        let sorted = Statistics.sorted(x)
        #expect(sorted == [1, 2, 3, 4, 5, 10])
        #expect(Statistics.mean(x) == 25.0 / 6)
        // sample variance: sum((x - mean)^2) / 5
        let mean = 25.0 / 6
        let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 5
        #expect(abs(Statistics.variance(x) - variance) < 1e-12)
        #expect(abs(Statistics.standardDeviation(x) - variance.squareRoot()) < 1e-12)
        #expect(Statistics.median(sorted: sorted) == 3.5)
        // NumPy's default (linear) quantiles: np.quantile([1,2,3,4,5,10], [0.25, 0.9]) = [2.25, 7.5]
        #expect(abs(Statistics.quantile(sorted: sorted, 0.25) - 2.25) < 1e-12)
        #expect(abs(Statistics.quantile(sorted: sorted, 0.9) - 7.5) < 1e-12)
        #expect(Statistics.quantile(sorted: sorted, 0) == 1)
        #expect(Statistics.quantile(sorted: sorted, 1) == 10)
        #expect(Statistics.minMax(x)! == (1, 10))
    }

    @Test func emptyAndTinySamplesGiveNaNNotCrashes() {
        #expect(Statistics.mean([]).isNaN)
        #expect(Statistics.standardDeviation([1]).isNaN)
        #expect(Statistics.median(sorted: []).isNaN)
        #expect(Statistics.minMax([]) == nil)
    }

    @Test func normalDistributionFunctions() {
        #expect(abs(NormalDistribution.cdf(1.959_963_984_540_054) - 0.975) < 1e-12)
        #expect(abs(NormalDistribution.cdf(3, mean: 1, sd: 2) - 0.841_344_746_068_543) < 1e-12)
        #expect(abs(NormalDistribution.quantile(0.975, sd: 2) - 3.919_927_969_080_108) < 1e-9)
        #expect(abs(NormalDistribution.quantile(0.5, mean: 4, sd: 3) - 4) < 1e-12)
        #expect(abs(NormalDistribution.survival(8) - 6.220_960_574_271_785e-16) < 1e-25)
        #expect(abs(NormalDistribution.logDensity(0) + 0.918_938_533_204_672_7) < 1e-12)
        #expect(abs(NormalDistribution.erf(0.5) - 0.520_499_877_813_046_5) < 1e-15)
    }

    @Test func quasiRandomSequences() throws {
        let sobol = try QuasiRandomSequence(.sobol, dimension: 3)
        #expect(sobol.next() == [0.5, 0.5, 0.5])  // GSL skips the origin
        let halton = try QuasiRandomSequence(.halton, dimension: 2)
        let first = halton.next()
        #expect(first.count == 2 && first.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(throws: GSLError.self) { try QuasiRandomSequence(.sobol, dimension: 41) }
        #expect(throws: GSLError.self) { try QuasiRandomSequence(.halton, dimension: 0) }
    }
}

@Suite struct LinearFitTests {
    /// numpy.polyfit([1, 2, 3, 4], [1.1, 1.9, 3.2, 3.9], 1) = [0.97, 0.1]
    @Test func leastSquaresLineOfAFixedSample() throws {
        let fit = try #require(Statistics.linearFit(x: [1, 2, 3, 4], y: [1.1, 1.9, 3.2, 3.9]))
        #expect(abs(fit.slope - 0.97) < 1e-12)
        #expect(abs(fit.intercept - 0.1) < 1e-12)
    }

    @Test func noSlopeWithoutTwoDistinctX() {
        #expect(Statistics.linearFit(x: [1], y: [2]) == nil)
        #expect(Statistics.linearFit(x: [3, 3], y: [1, 2]) == nil)
    }
}
