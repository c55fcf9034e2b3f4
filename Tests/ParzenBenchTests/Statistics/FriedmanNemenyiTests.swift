import Testing
import GSLKit
@testable import ParzenBench

// Reference values: `python3 benchmarks/statistics_reference.py` (scipy 1.17.1), section
// "Friedman test": stats.friedmanchisquare(*scores.T) (which applies the tie correction),
// stats.rankdata(scores, axis=1).mean(axis=0), F = (N−1)χ²/(N(k−1) − χ²) with
// stats.f.sf(F, k−1, (k−1)(N−1)), and stats.studentized_range.ppf(0.95, k, np.inf)/np.sqrt(2)
// for Nemenyi's q beyond Demšar's table.
@Suite struct StatisticsFriedmanNemenyiTests {
    static let scores: [[Double]] = [
        [0.12, 0.45, 0.33, 0.80],
        [1.50, 0.90, 0.90, 2.10],
        [0.05, 0.07, 0.30, 0.02],
        [3.20, 2.80, 4.10, 5.00],
        [0.60, 0.60, 0.60, 0.90],
        [0.11, 0.35, 0.22, 0.48],
        [7.00, 6.50, 9.10, 8.20],
    ]

    @Test func friedmanWithTiesMatchesScipy() {
        let test = FriedmanTest(scores: Self.scores)
        #expect(test.problems == 7 && test.suggesters == 4)
        #expect(abs(test.chiSquared - 6.6923076923077005) < 1e-6)
        #expect(abs(test.pValue - 0.08237920359884297) < 1e-6)
        let ranks = [1.8571428571428572, 2.0714285714285716, 2.642857142857143, 3.4285714285714284]
        for (value, reference) in zip(test.averageRanks, ranks) { #expect(abs(value - reference) < 1e-12) }
        #expect(abs(test.imanDavenportF - 2.806451612903231) < 1e-6)
        #expect(abs(test.imanDavenportPValue - 0.06913036116335246) < 1e-6)
        // CD = 2.569 · √(4·5/(6·7)) (Demšar's q for k = 4)
        #expect(abs(test.criticalDifference - 2.569 * (20.0 / 42).squareRoot()) < 1e-12)
    }

    @Test func friedmanWithoutTiesMatchesScipy() {
        let scores: [[Double]] = [[72, 96, 88], [120, 95, 110], [76, 86, 82], [90, 92, 99], [108, 97, 115],
                                  [83, 84, 87], [101, 89, 104], [94, 91, 100]]
        let test = FriedmanTest(scores: scores)
        #expect(abs(test.chiSquared - 4.75) < 1e-9)
        #expect(abs(test.pValue - 0.09301448921066348) < 1e-6)
        #expect(test.averageRanks == [1.625, 1.75, 2.625])
    }

    @Test func degenerateTables() {
        // Every problem a complete tie: no evidence.
        let tied = FriedmanTest(scores: [[1, 1, 1], [2, 2, 2]])
        #expect(tied.chiSquared == 0 && tied.pValue == 1)
        #expect(tied.averageRanks == [2, 2, 2])
        // Perfect agreement: Iman–Davenport F is infinite, p = 0.
        let agree = FriedmanTest(scores: [[1, 2, 3], [1, 2, 3], [1, 2, 3]])
        #expect(agree.chiSquared == 6 && agree.imanDavenportF == .infinity && agree.imanDavenportPValue == 0)
        // One problem: no Iman–Davenport.
        #expect(FriedmanTest(scores: [[3, 1, 2]]).imanDavenportF.isNaN)
    }

    @Test func nemenyiQTableAndComputedValues() {
        // Demšar (2006) Table 5(a) agrees with the studentized range within 1e-3 (its last digit is
        // not always correctly rounded: k = 3 gives 2.3437 against the table's 2.343).
        for k in 2...10 {
            let computed = StudentizedRange.quantile(0.95, groups: k) / 2.0.squareRoot()
            #expect(abs(NemenyiTest.q(groups: k) - computed) < 1e-3, "k = \(k)")
            #expect(abs(NemenyiTest.q(groups: k, alpha: 0.10) - StudentizedRange.quantile(0.90, groups: k) / 2.0.squareRoot()) < 1e-3)
        }
        // Beyond the table: scipy's studentized_range.ppf(0.95, k, inf)/sqrt(2).
        let beyond: [(Int, Double)] = [(11, 3.2186536073291525), (12, 3.268003924466142),
                                       (15, 3.391230283765257), (20, 3.5437991315177815)]
        for (k, reference) in beyond { #expect(abs(NemenyiTest.q(groups: k) - reference) < 1e-6, "k = \(k)") }
        // Inside the table, the computed quantile also matches scipy to 1e-6.
        #expect(abs(StudentizedRange.quantile(0.95, groups: 10) / 2.0.squareRoot() - 3.163683577053373) < 1e-6)
        #expect(abs(StudentizedRange.quantile(0.95, groups: 2) / 2.0.squareRoot() - 1.9599639845400534) < 1e-6)
        // CD = q √(k(k+1)/(6N)); Demšar's example: k = 4, N = 14 gives CD ≈ 1.25.
        #expect(abs(NemenyiTest.criticalDifference(groups: 4, problems: 14) - 1.2536) < 1e-4)
    }
}
