import Foundation
import Testing
@testable import ParzenBench

/// Each section of ``ReportSectionRegistry/sections`` against its golden file for each of
/// ``GoldenResults`` (Tests/Fixtures/Golden/Report/TYPE.md without trace.csv,
/// Tests/Fixtures/Golden/Traced/Report/TYPE.md with it), and report.md as a whole (report.md
/// there). Writing them again: ``GoldenFile``.
@Suite struct ReportSectionGoldenTests {
    static let plots = "../../plots/golden"
    static let names = ReportSectionRegistry.sections.map { String(describing: $0) }

    @Test(arguments: GoldenResults.allCases, names) func sectionMatchesItsGoldenFile(_ set: GoldenResults, _ name: String) throws {
        let section = try #require(ReportSectionRegistry.sections.first { String(describing: $0) == name })
        let applies = section.applies(to: set.results)
        #expect(applies, "the golden result sets must have every section")
        let text = section.markdown(set.results, plots: Self.plots).joined(separator: "\n") + "\n"
        try GoldenFile.check(text, kind: set.folder("Report"), name: name + ".md")
    }

    @Test(arguments: GoldenResults.allCases) func reportMatchesItsGoldenFile(_ set: GoldenResults) throws {
        try GoldenFile.check(ReportMarkdown.text(set.results, plots: Self.plots), kind: set.folder("Report"), name: "report.md")
    }

    /// Every entry has a golden file, and every golden file an entry (or is report.md), in each
    /// set's folder.
    @Test(arguments: GoldenResults.allCases) func goldenFilesAreTheRegistry(_ set: GoldenResults) {
        guard !GoldenFile.updating else { return }
        #expect(GoldenFile.names(in: set.folder("Report")) == (Self.names.map { $0 + ".md" } + ["report.md"]).sorted())
    }

    /// No section's body writes a `##` heading of its own: report.md's headings are the
    /// registry's titles alone.
    @Test(arguments: GoldenResults.allCases) func noBodyWritesAHeading(_ set: GoldenResults) {
        for section in ReportSectionRegistry.sections {
            let lines = section.body(set.results, plots: Self.plots).joined(separator: "\n").split(separator: "\n")
            #expect(!lines.contains { $0.hasPrefix("## ") }, "\(section)")
        }
    }

    /// Only the traced set has trace.csv, and its runs are known between the checkpoints.
    @Test func onlyTheTracedSetHasTraces() {
        #expect(!GoldenResults.checkpoints.results.hasTraces)
        let traced = GoldenResults.traced.results
        #expect(traced.hasTraces)
        #expect(traced.perProblem.allSatisfy { !Set($0.evaluations).subtracting(traced.checkpoints).isEmpty })
    }
}
