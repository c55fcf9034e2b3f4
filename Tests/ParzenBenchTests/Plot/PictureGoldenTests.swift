import Foundation
import Testing
@testable import ParzenBench

/// Each picture of ``PictureRegistry/pictures`` against its golden file
/// (Tests/Fixtures/Golden/Plot/TYPE.txt: every file of every script it draws for the golden
/// result set, each after a `==> NAME <==` line, and the files collect wrote that it reads).
/// Writing them again: ``GoldenFile``.
@Suite struct PictureGoldenTests {
    static let results = GoldenFile.results()
    static let names = PictureRegistry.pictures.map { String(describing: $0) }

    /// The golden text of `scripts`.
    static func text(_ scripts: [PlotScript]) -> String {
        scripts.map { script in
            script.files.map { "==> \($0.name) <==\n" + $0.contents }.joined()
                + script.collected.map { "==> \($0) <== (written by collect)\n" }.joined()
        }.joined()
    }

    @Test(arguments: names) func pictureMatchesItsGoldenFile(_ name: String) throws {
        let picture = try #require(PictureRegistry.pictures.first { String(describing: $0) == name })
        let scripts = picture.scripts(Self.results, source: "results/golden")
        #expect(!scripts.isEmpty, "the golden result set must draw every picture")
        try GoldenFile.check(Self.text(scripts), kind: "Plot", name: name + ".txt")
    }

    /// Every entry has a golden file, and every golden file an entry.
    @Test func goldenFilesAreTheRegistry() {
        guard !GoldenFile.updating else { return }
        #expect(GoldenFile.names(in: "Plot") == Self.names.map { $0 + ".txt" }.sorted())
    }

    /// The plotter draws the registry's pictures, in its order.
    @Test func plotterDrawsTheRegistry() {
        let all = PictureRegistry.pictures.flatMap { $0.scripts(Self.results, source: "r") }
        #expect(Plotter.scripts(Self.results, source: "r") == all)
        #expect(Set(all.map(\.stem)).count == all.count)
    }
}
