import Testing
@testable import GSLKit

// Reference values: `python3 benchmarks/statistics_reference.py` (scipy 1.17.1):
// stats.chi2.sf(7.5, 3), stats.f.sf(2.5, 3, 18), stats.studentized_range.cdf(3.0, 5, np.inf),
// stats.studentized_range.ppf(0.95, k, np.inf), and stats.rankdata(values) for the ranks.
@Suite struct StatisticsDistributionsTests {
    @Test func chiSquaredAndFSurvival() {
        #expect(abs(ChiSquaredDistribution.survival(7.5, degreesOfFreedom: 3) - 0.0575584519726364) < 1e-12)
        #expect(ChiSquaredDistribution.survival(0, degreesOfFreedom: 3) == 1)
        #expect(abs(FDistribution.survival(2.5, numeratorDegreesOfFreedom: 3, denominatorDegreesOfFreedom: 18)
                    - 0.09227303972489871) < 1e-12)
        #expect(FDistribution.survival(.infinity, numeratorDegreesOfFreedom: 3, denominatorDegreesOfFreedom: 18) == 0)
    }

    @Test func studentizedRangeWithInfiniteDegreesOfFreedom() {
        #expect(abs(StudentizedRange.cdf(3.0, groups: 5) - 0.789123495036462) < 1e-9)
        #expect(StudentizedRange.cdf(0, groups: 5) == 0)
        // For two groups the range is |X − Y| ~ √2·|N(0, 1)|: q_0.95 = √2 · 1.959963984540054.
        #expect(abs(StudentizedRange.quantile(0.95, groups: 2) - 2.0.squareRoot() * 1.959963984540054) < 1e-8)
        #expect(abs(StudentizedRange.quantile(0.95, groups: 12) - 3.268003924466142 * 2.0.squareRoot()) < 1e-6)
    }

    @Test func sortIndexAndAverageRanks() {
        let values: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
        let order = Statistics.sortIndex(values)
        #expect(order.map { values[$0] } == Statistics.sorted(values))
        let (ranks, ties) = Statistics.ranks(values)
        #expect(ranks == [4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8])
        #expect(ties == [2, 1, 2, 1, 3, 1, 1])
        #expect(Statistics.ranks([]).ranks.isEmpty)
    }
}
