import Testing

@testable import ParzenBench

@Suite struct SuiteBenchmarkTests {
    @Test func timesEveryFunctionAndIsDeterministicApartFromTheClock() {
        let a = SuiteBenchmark.evaluateAll(times: 50, seed: 11)
        let b = SuiteBenchmark.evaluateAll(times: 50, seed: 11)
        #expect(a.timings.map(\.key) == TestFunctionRegistry.keys)
        #expect(a.timings.allSatisfy { $0.evaluations == 50 && $0.seconds >= 0 && $0.checksum.isFinite })
        #expect(a.timings.map(\.checksum) == b.timings.map(\.checksum))
        #expect(a.totalSeconds >= 0 && a.irisTableSeconds > 0)
    }
}
