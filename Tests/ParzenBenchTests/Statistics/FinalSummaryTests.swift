import Foundation
import Testing
import GSLKit
@testable import ParzenBench

@Suite struct FinalSummaryTests {
    /// Each cell's bootstrap draws from its own generator: the cells are the same on any number
    /// of threads, and each is the one computed for its problem and suggester alone.
    @Test func cellsDoNotDependOnTheThreads() {
        let results = ResultsSummary(ReportFixtures.small())
        // Each cell as computed for its problem and suggester alone, without the parallel map.
        let expected = results.problems.indices.map { p in
            results.suggesters.indices.map { s in
                let sample = results.finalRegrets(problem: p, suggester: s)
                let sorted = Statistics.sorted(sample)
                let rng = MersenneTwister(seed: FinalSummary.bootstrapSeed(problem: results.problems[p].label,
                                                                           suggester: results.suggesters[s].label))
                return FinalSummary.Cell(median: Statistics.median(sorted: sorted), q25: Quartiles.quantile(sorted: sorted, 0.25),
                                         q75: Quartiles.quantile(sorted: sorted, 0.75),
                                         interval: BootstrapMedian.confidenceInterval(sample, resamples: FinalSummary.resamples, using: rng))
            }
        }
        #expect(results.problems.count > 1 && results.suggesters.count > 1)
        for threads in [1, 2, 3, 8] {
            #expect(FinalSummary(results, threads: threads).cells == expected, "threads \(threads)")
        }
    }
}
