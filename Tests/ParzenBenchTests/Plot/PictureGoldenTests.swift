import Foundation
import Testing
@testable import ParzenBench

/// Each picture of ``PictureRegistry/pictures`` against its golden file for each of
/// ``GoldenResults`` (Tests/Fixtures/Golden/Plot/TYPE.txt without trace.csv,
/// Tests/Fixtures/Golden/Traced/Plot/TYPE.txt with it: every file of every script it draws for
/// the set, each after a `==> NAME <==` line, and the files collect wrote that it reads).
/// Writing them again: ``GoldenFile``.
@Suite struct PictureGoldenTests {
    static let names = PictureRegistry.pictures.map { String(describing: $0) }

    /// The golden text of `scripts`.
    static func text(_ scripts: [PlotScript]) -> String {
        scripts.map { script in
            script.files.map { "==> \($0.name) <==\n" + $0.contents }.joined()
                + script.collected.map { "==> \($0) <== (written by collect)\n" }.joined()
        }.joined()
    }

    @Test(arguments: GoldenResults.allCases, names) func pictureMatchesItsGoldenFile(_ set: GoldenResults, _ name: String) throws {
        let picture = try #require(PictureRegistry.pictures.first { String(describing: $0) == name })
        let scripts = picture.scripts(set.results, source: "results/golden")
        #expect(!scripts.isEmpty, "the golden result sets must draw every picture")
        try GoldenFile.check(Self.text(scripts), kind: set.folder("Plot"), name: name + ".txt")
    }

    /// Every entry has a golden file, and every golden file an entry, in each set's folder.
    @Test(arguments: GoldenResults.allCases) func goldenFilesAreTheRegistry(_ set: GoldenResults) {
        guard !GoldenFile.updating else { return }
        #expect(GoldenFile.names(in: set.folder("Plot")) == Self.names.map { $0 + ".txt" }.sorted())
    }

    /// No two of the registry's scripts share a stem (they would overwrite each other's files).
    @Test(arguments: GoldenResults.allCases) func everyScriptHasItsOwnStem(_ set: GoldenResults) {
        let all = Plotter.scripts(set.results, source: "r")
        #expect(Set(all.map(\.stem)).count == all.count)
    }
}
