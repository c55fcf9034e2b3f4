import Parzen
import Testing
@testable import ParzenBench

@Suite struct SuggestBenchmarkTests {
    static func benchmark(_ mode: SuggestBenchmark.Mode, history: Int = 60) throws -> SuggestBenchmark {
        let branin = try TestFunctionRegistry.function(named: "branin")
        return SuggestBenchmark(algorithm: .tpe, space: branin.space, objective: branin.evaluate,
                                history: history, repeats: 5, seed: 3, mode: mode)
    }

    @Test(arguments: SuggestBenchmark.Mode.allCases)
    func timesEveryRepeat(_ mode: SuggestBenchmark.Mode) throws {
        let result = try Self.benchmark(mode).run()
        #expect(result.samplesMicroseconds.count == 5)
        #expect(result.samplesMicroseconds.allSatisfy { $0 > 0 })
        #expect(result.medianMicroseconds <= result.p90Microseconds)
    }

    @Test func theHistoryIsEvaluatedPriorDraws() throws {
        let trials = try Self.benchmark(.search, history: 25).makeHistory()
        #expect(trials.count == 25)
        #expect(trials.trials.map(\.id) == Array(0..<25))
        #expect(trials.trials.allSatisfy { $0.status == .ok && $0.loss != nil })
    }

    @Test func anEmptyHistoryWorksInBothModes() throws {
        for mode in SuggestBenchmark.Mode.allCases {
            #expect(try Self.benchmark(mode, history: 0).run().samplesMicroseconds.count == 5)
        }
    }
}
