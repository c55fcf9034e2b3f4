import Testing
@testable import ParzenBench

// Reference values: the Mann–Whitney p-values of StatisticsMannWhitneyUTests (scipy) combined by
// hand with Holm over the three pairs of this family.
@Suite struct StatisticsPairwiseComparisonsTests {
    @Test func familyOfThree() {
        let a: [Double] = [0.8, 1.2, 3.1, 0.4, 2.2]
        let b: [Double] = [1.9, 2.8, 3.5, 4.1, 5.0, 2.6, 3.3]
        let c: [Double] = [10, 11, 12, 13, 14]
        let rows = PairwiseComparisons.compare([a, b, c])
        #expect(rows.map { [$0.first, $0.second] } == [[0, 1], [0, 2], [1, 2]])
        // (a, b): scipy exact p = 0.030303030303030304 (mwu.exactSmall.p)
        #expect(abs(rows[0].test.pValue - 0.030303030303030304) < 1e-9)
        // (a, c): complete separation, exact two-sided p = 2/C(10, 5) = 2/252
        #expect(abs(rows[1].test.pValue - 2.0 / 252) < 1e-12)
        // (b, c): complete separation, 2/C(12, 5) = 2/792
        #expect(abs(rows[2].test.pValue - 2.0 / 792) < 1e-12)
        // Holm: 2/792·3, 2/252·2, 0.0303·1 → monotone max
        let bc: Double = 2.0 / 792 * 3, ac: Double = 2.0 / 252 * 2, ab: Double = 0.030303030303030304
        let expected: [Double] = [max(bc, ac, ab), ac, bc]
        for (row, reference) in zip(rows, expected) { #expect(abs(row.adjustedPValue - reference) < 1e-12) }
        #expect(abs(rows[0].a12 - 0.8857142857142857) < 1e-12)
        #expect(rows[1].a12 == 1 && rows[2].a12 == 1)
        #expect(PairwiseComparisons.compare([a]).isEmpty)
    }
}
