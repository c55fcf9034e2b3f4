import Foundation
import Testing
@testable import ParzenBench

@Suite struct SummaryTableTests {
    /// summary.csv's quartiles come from the report's quantile function: at a checkpoint where
    /// some runs have no successful trial yet (+∞), an exact order statistic is returned as is,
    /// where GSL's interpolation would give NaN (0·∞).
    @Test func summaryQuartilesAreTheReportsWithInfiniteValues() throws {
        let manifest = try Manifest(yaml: "name: q\nrepeats: 5\nbudget: 4\ncheckpoints: [4]\nproblems: [square]\nsuggesters: [random]\n", source: "q.yaml")
        var group = Collector.Group(problem: manifest.problems[0], suggester: manifest.suggesters[0], budget: 4, runs: [])
        group.outcomes = [1, 2, .infinity, .infinity, .infinity].map { [(best: $0, regret: $0)] }
        let collector = Collector(manifest: manifest, store: ResultStore(root: FileManager.default.temporaryDirectory))
        let row = try #require(collector.summaryRows(group).first)
        #expect(row.q25 == 2)
        #expect(row.q75 == .infinity)
        #expect(row.q25 == Quartiles.quantile(sorted: [1, 2, .infinity, .infinity, .infinity], 0.25))
    }
}
