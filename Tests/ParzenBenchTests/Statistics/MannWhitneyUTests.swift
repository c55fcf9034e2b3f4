import Testing
import GSLKit
@testable import ParzenBench

// Reference values: `python3 benchmarks/statistics_reference.py` (scipy 1.17.1), section
// "Mann-Whitney U", i.e.
//   stats.mannwhitneyu(x, y, alternative="two-sided", method=..., use_continuity=...)
// for the fixed samples below (copied verbatim from the script).
@Suite struct StatisticsMannWhitneyUTests {
    static let exactSmall: ([Double], [Double]) = ([0.8, 1.2, 3.1, 0.4, 2.2], [1.9, 2.8, 3.5, 4.1, 5.0, 2.6, 3.3])
    static let exactUnbalanced: ([Double], [Double]) = ([2.5, 7.25, 11.5, 13.75], (0..<30).map { 0.5 * Double($0) + 0.125 })
    static let exactEight: ([Double], [Double]) = ([1.1, 2.3, 0.7, 4.4, 3.9, 2.8, 5.6, 0.2], [3.3, 6.1, 4.9, 7.2, 5.3, 2.9, 6.8, 4.05])
    static let asymptoticNoTies: ([Double], [Double]) = (
        [0.31, 1.72, 0.05, 2.44, 0.93, 1.18, 0.66, 3.02, 0.12, 1.49, 0.27, 2.11],
        [1.95, 2.63, 0.88, 3.41, 2.27, 1.36, 4.02, 2.85, 1.61, 3.77, 0.49, 2.99])
    static let asymptoticTiesSmall: ([Double], [Double]) = ([1, 2, 2, 3, 5, 5], [2, 4, 5, 6, 6, 7, 8])
    static let asymptoticTiesLarge: ([Double], [Double]) = (
        [0.1, 0.2, 0.2, 0.3, 0.3, 0.3, 0.5, 0.7, 0.7, 1.0, 1.2, 1.2, 1.5, 2.0, 2.0],
        [0.2, 0.3, 0.5, 0.5, 0.7, 0.9, 1.0, 1.0, 1.2, 1.5, 1.5, 1.8, 2.0, 2.2, 2.5, 3.0, 3.0, 3.5, 4.0, 4.0])

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let samples: ([Double], [Double])
        let u: Double
        let p: Double
        let method: MannWhitneyU.Method
        var testDescription: String { name }
    }

    static let autoCases: [Case] = [
        Case(name: "exactSmall", samples: exactSmall, u: 4.0, p: 0.030303030303030304, method: .exact),
        Case(name: "exactUnbalanced", samples: exactUnbalanced, u: 71.0, p: 0.5880627910988442, method: .exact),
        Case(name: "exactEight", samples: exactEight, u: 10.0, p: 0.020668220668220667, method: .exact),
        Case(name: "asymptoticNoTies", samples: asymptoticNoTies, u: 32.0, p: 0.02257606252313358, method: .asymptotic),
        Case(name: "asymptoticTiesSmall", samples: asymptoticTiesSmall, u: 7.0, p: 0.050835582280956304, method: .asymptotic),
        Case(name: "asymptoticTiesLarge", samples: asymptoticTiesLarge, u: 76.5, p: 0.014680019826816269, method: .asymptotic),
        Case(name: "allTied", samples: ([1, 1, 1], [1, 1, 1, 1]), u: 6.0, p: 1.0, method: .asymptotic),
    ]

    @Test(arguments: autoCases)
    func autoMethodMatchesScipy(_ reference: Case) {
        let result = MannWhitneyU.test(reference.samples.0, reference.samples.1)
        #expect(result.method == reference.method)
        #expect(abs(result.u - reference.u) < 1e-9)
        #expect(abs(result.pValue - reference.p) < 1e-6)
    }

    @Test func forcedMethodsMatchScipy() {
        // mwu.asymptoticNoTies.exact.continuity=True.p
        #expect(abs(MannWhitneyU.test(Self.asymptoticNoTies.0, Self.asymptoticNoTies.1, method: .exact).pValue
                    - 0.020489202546006963) < 1e-6)
        // mwu.exactSmall.asymptotic.continuity=True.p / continuity=False.p
        #expect(abs(MannWhitneyU.test(Self.exactSmall.0, Self.exactSmall.1, method: .asymptotic).pValue
                    - 0.03475558435961616) < 1e-6)
        #expect(abs(MannWhitneyU.test(Self.exactSmall.0, Self.exactSmall.1, method: .asymptotic,
                                      continuityCorrection: false).pValue - 0.028351037329227658) < 1e-6)
        // mwu.asymptoticTiesSmall.exact.continuity=True.p (exact ignores ties, as scipy does)
        #expect(abs(MannWhitneyU.test(Self.asymptoticTiesSmall.0, Self.asymptoticTiesSmall.1, method: .exact).pValue
                    - 0.05128205128205128) < 1e-6)
        // mwu.exactLarge.p: n1 = 8, n2 = 200, counts beyond 2^53
        let x = (0..<8).map { 3.0 * Double($0) + 0.5 }, y = (0..<200).map { 0.25 * Double($0) }
        #expect(abs(MannWhitneyU.test(x, y, method: .exact).pValue - 0.0061667300561039405) < 1e-9)
    }

    @Test func exactCountsAreTheGaussianBinomialCoefficients() {
        // [5 choose 2]_q = 1 + q + 2q² + 2q³ + 2q⁴ + q⁵ + q⁶ (U for n1 = 2, n2 = 3)
        #expect(MannWhitneyU.exactCounts(2, 3) == [1, 1, 2, 2, 2, 1, 1])
        #expect(MannWhitneyU.exactCounts(3, 2) == [1, 1, 2, 2, 2, 1, 1])
        #expect(zip(MannWhitneyU.exactProbabilities(2, 3), [1.0, 1, 2, 2, 2, 1, 1]).allSatisfy { abs($0 * 10 - $1) < 1e-14 })
        // they sum to C(n1 + n2, n1) and are symmetric
        let counts = MannWhitneyU.exactCounts(7, 9)
        #expect(counts.reduce(0, +) == 11440)
        #expect(counts == counts.reversed())
        #expect(MannWhitneyU.exactCounts(1, 1) == [1, 1])
    }

    @Test func integerCountsAndProbabilityRecurrenceAgree() {
        // Both exact routes give the same distribution where both apply; C(66, 33) ≈ 7.2e18 < 2⁶⁴.
        for (n1, n2) in [(3, 5), (8, 200), (33, 33), (12, 40)] {
            let total = Double(MannWhitneyU.binomial(n1, n2)!)
            let counts = MannWhitneyU.exactCounts(n1, n2).map { Double($0) / total }
            let probabilities = MannWhitneyU.exactProbabilities(n1, n2)
            #expect(counts.count == probabilities.count)
            #expect(zip(counts, probabilities).allSatisfy { abs($0 - $1) < 1e-12 }, "\(n1)×\(n2)")
        }
        #expect(MannWhitneyU.binomial(34, 34) == nil)
        #expect(MannWhitneyU.exactIsFeasible(100, 100) && !MannWhitneyU.exactIsFeasible(8, 3000))
        #expect(MannWhitneyU.exactIsFeasible(1, 10_000_000) && !MannWhitneyU.exactIsFeasible(1, 10_000_001))
        // Beyond 64-bit counts (C(100, 50) ≈ 1e29) the recurrence still gives scipy's exact p:
        // 50 vs 50 shifted by 10.5 (mwu.exactRecurrence.p).
        let x = (0..<50).map { Double($0) }, y = (0..<50).map { Double($0) + 10.5 }
        #expect(abs(MannWhitneyU.test(x, y, method: .exact).pValue - 0.001055016471113667) < 1e-9)
        // auto falls back to the normal approximation when the exact route is infeasible
        let long = (0..<3000).map { Double($0) + 0.5 }
        #expect(MannWhitneyU.test([1, 2, 3, 4, 5, 6, 7, 8], long).method == .asymptotic)
    }

    @Test func statisticIsTheFirstSamplesUAndThePValueIsSymmetric() {
        let (a, b) = Self.asymptoticTiesLarge
        let forward = MannWhitneyU.test(a, b), backward = MannWhitneyU.test(b, a)
        #expect(forward.u + backward.u == Double(a.count * b.count))
        #expect(abs(forward.pValue - backward.pValue) < 1e-15)
        // A sample of all-smaller losses has U = 0 (first sample better).
        #expect(MannWhitneyU.test([1, 2, 3], [4, 5, 6, 7]).u == 0)
    }
}
