import Foundation
import Testing
@testable import ParzenBench

/// Each section of ``ReportSectionRegistry/sections`` against its golden file
/// (Tests/Fixtures/Golden/Report/TYPE.md), and report.md as a whole (report.md there). Writing
/// them again: ``GoldenFile``.
@Suite struct ReportSectionGoldenTests {
    static let results = GoldenFile.results()
    static let plots = "../../plots/golden"
    static let names = ReportSectionRegistry.sections.map { String(describing: $0) }

    @Test(arguments: names) func sectionMatchesItsGoldenFile(_ name: String) throws {
        let section = try #require(ReportSectionRegistry.sections.first { String(describing: $0) == name })
        let applies = section.applies(to: Self.results)
        #expect(applies, "the golden result set must have every section")
        let text = section.markdown(Self.results, plots: Self.plots).joined(separator: "\n") + "\n"
        try GoldenFile.check(text, kind: "Report", name: name + ".md")
    }

    @Test func reportMatchesItsGoldenFile() throws {
        try GoldenFile.check(ReportMarkdown.text(Self.results, plots: Self.plots), kind: "Report", name: "report.md")
    }

    /// Every entry has a golden file, and every golden file an entry (or is report.md).
    @Test func goldenFilesAreTheRegistry() {
        guard !GoldenFile.updating else { return }
        #expect(GoldenFile.names(in: "Report") == (Self.names.map { $0 + ".md" } + ["report.md"]).sorted())
    }

    /// The registry's titles are report.md's `##` headings, in order.
    @Test func titlesAreTheHeadingsInOrder() {
        let headings = ReportMarkdown.text(Self.results, plots: Self.plots).split(separator: "\n")
            .filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let titles = ReportSectionRegistry.sections.map { $0.title }
        #expect(headings == titles)
    }
}
