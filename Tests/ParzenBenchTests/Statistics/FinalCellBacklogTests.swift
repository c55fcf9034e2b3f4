import Foundation
import Testing
@testable import ParzenBench

/// The backlog's cells are the ones ``FinalSummary`` computes, whichever threads take them and
/// however the taking is interrupted.
@Suite struct FinalCellBacklogTests {
    @Test(arguments: [1, 2, 3, 8])
    func cellsAreFinalSummarysCells(threads: Int) {
        let results = ResultsSummary(ReportFixtures.small())
        let expected = FinalSummary(results, threads: 1).cells
        let backlog = FinalCellBacklog()
        // Half the problems queued and partly taken (one cell per call), then the rest.
        let half = results.problems.count / 2
        func add(_ p: Int) {
            backlog.add(problem: results.problems[p].label, suggesters: results.suggesters.map(\.label), finals: results.perProblem[p].finals)
        }
        for p in 0..<half { add(p) }
        var allowed = 1
        backlog.work { defer { allowed -= 1 }; return allowed > 0 }
        for p in half..<results.problems.count { add(p) }
        DispatchQueue.concurrentPerform(iterations: threads) { _ in backlog.work() }
        #expect(results.problems.count > 1 && results.suggesters.count > 1)
        #expect(backlog.cells() == expected)
    }

    /// Read on any number of threads, a folder gives the same summary and the same report files,
    /// its final cells those ``FinalSummary`` computes from the summary without them.
    @Test(arguments: [1, 2, 3, 8])
    func summariseDoesNotDependOnTheThreads(threads: Int) throws {
        let base = ReportFixtures.temporaryFolder("summarise-\(threads)")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try ReportFixtures.writeFolder(ReportFixtures.small(), base: base)
        let serial = try ResultsReader.summarise(folder, threads: 1, finalCells: false)
        #expect(serial.finalCells == nil)
        let summary = try ResultsReader.summarise(folder, threads: threads)
        #expect(summary.perProblem.map(\.finals) == serial.perProblem.map(\.finals))
        #expect(summary.finalCells == FinalSummary(serial, threads: 1).cells)
        #expect(FinalSummary(summary).winners == FinalSummary(serial, threads: 1).winners)
        let files = Analysis.reportFiles(summary, plotsLink: "p", threads: threads)
        let expected = Analysis.reportFiles(serial, plotsLink: "p", threads: 1)
        #expect(files.map(\.name) == [PairwiseTable.fileName, RankTable.fileName, ECDFTable.fileName, ReportMarkdown.fileName])
        #expect(files.map(\.name) == expected.map(\.name) && files.map(\.text) == expected.map(\.text))
    }
}
