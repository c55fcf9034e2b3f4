import Foundation
import Testing
@testable import ParzenBench

@Suite struct FinalSummaryTests {
    /// Each cell's bootstrap draws from its own generator: the cells are the same on any number
    /// of threads, and each is the one computed for its problem and suggester alone.
    @Test func cellsDoNotDependOnTheThreads() {
        let results = ResultsSummary(ReportFixtures.small())
        let one = FinalSummary(results, threads: 1)
        #expect(one.cells.count == results.problems.count && one.cells.allSatisfy { $0.count == results.suggesters.count })
        for threads in [2, 3, 8] {
            let many = FinalSummary(results, threads: threads)
            #expect(many.cells == one.cells && many.winners == one.winners)
        }
    }
}
