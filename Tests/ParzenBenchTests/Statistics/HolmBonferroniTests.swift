import Testing
@testable import ParzenBench

// Reference values: `python3 benchmarks/statistics_reference.py`, section "Holm adjustment":
//   holm([0.01, 0.04, 0.03, 0.005, 0.2]) and holm([0.3, 0.02, 0.5, 0.02, 0.001, 0.9])
// with the script's hand-written step-down (equal to statsmodels' multipletests(method='holm')).
// By hand for the first: sorted 0.005·5 = 0.025, 0.01·4 = 0.04, 0.03·3 = 0.09,
// 0.04·2 = 0.08 → 0.09 (monotone), 0.2·1 = 0.2.
@Suite struct StatisticsHolmBonferroniTests {
    @Test func handComputedFamily() {
        let adjusted = HolmBonferroni.adjust([0.01, 0.04, 0.03, 0.005, 0.2])
        let expected = [0.04, 0.09, 0.09, 0.025, 0.2]
        for (value, reference) in zip(adjusted, expected) { #expect(abs(value - reference) < 1e-12) }
    }

    @Test func cappedAtOneWithTiedPValues() {
        let adjusted = HolmBonferroni.adjust([0.3, 0.02, 0.5, 0.02, 0.001, 0.9])
        let expected = [0.8999999999999999, 0.1, 1.0, 0.1, 0.006, 1.0]
        #expect(adjusted.count == expected.count)
        for (value, reference) in zip(adjusted, expected) { #expect(abs(value - reference) < 1e-12) }
    }

    @Test func monotoneAndNeverBelowTheRawValue() {
        let raw = [0.04, 0.001, 0.2, 0.03, 0.03, 0.6, 0.0]
        let adjusted = HolmBonferroni.adjust(raw)
        for (value, p) in zip(adjusted, raw) { #expect(value >= p && value <= 1) }
        let byRaw = zip(raw, adjusted).sorted { $0.0 < $1.0 }.map(\.1)
        #expect(zip(byRaw, byRaw.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(HolmBonferroni.adjust([]) == [])
        #expect(HolmBonferroni.adjust([0.3]) == [0.3])
    }
}
