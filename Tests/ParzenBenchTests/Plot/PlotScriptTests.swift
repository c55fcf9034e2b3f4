import Foundation
import Testing
@testable import ParzenBench

@Suite struct PlotScriptTests {
    @Test func scriptsAreByteStable() throws {
        let first = Plotter.scripts(ResultsSummary(ReportFixtures.small()), source: "results/fixture")
        let second = Plotter.scripts(ResultsSummary(ReportFixtures.small()), source: "results/fixture")
        #expect(first == second)
        #expect(first.map(\.stem) == ["square-convergence", "branin-convergence", "rosenbrock-3d-convergence",
                                      "final", "ecdf", "ranks", "square-samples", "branin-samples"])
        // Read back from files (as `parzen plot` does): the same bytes.
        let base = ReportFixtures.temporaryFolder("plot-stable")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try ReportFixtures.writeFolder(ReportFixtures.small(), base: base)
        #expect(Plotter.scripts(try ResultsReader.summarise(folder), source: "results/fixture") == first)
        // Written twice: identical files.
        let plots = base.appendingPathComponent("plots/fixture")
        let written = try Plotter.write(try ResultsReader.summarise(folder), to: plots, source: "results/fixture", renderer: nil)
        let names = written.scripts.flatMap { $0.files.map(\.name) }
        let once = try names.map { try Data(contentsOf: plots.appendingPathComponent($0)) }
        _ = try Plotter.write(try ResultsReader.summarise(folder), to: plots, source: "results/fixture", renderer: nil)
        #expect(try names.map { try Data(contentsOf: plots.appendingPathComponent($0)) } == once)
    }

    @Test func everySuggesterKeepsItsColour() {
        let results = ReportFixtures.small()
        let scripts = Plotter.scripts(ResultsSummary(results), source: "results/fixture")
        for script in scripts where script.stem.hasSuffix("-convergence") || script.stem == "ecdf" {
            let text = script.files[0].contents
            for (s, suggester) in results.suggesters.enumerated() {
                let line = text.split(separator: "\n").first { $0.contains("title '\(suggester.label)'") }
                #expect(line?.contains("lc rgb '\(Palette.colour(s))'") == true, "\(script.stem): \(suggester.label)")
            }
        }
        for script in scripts where script.stem.hasSuffix("-samples") {
            for (s, suggester) in results.suggesters.enumerated() {
                #expect(script.files[0].contents.contains("set title '\(suggester.label)' noenhanced textcolor rgb '\(Palette.colour(s))'"))
            }
        }
        let ranks = scripts.first { $0.stem == "ranks" }!
        let final = scripts.first { $0.stem == "final" }!
        for s in results.suggesters.indices {
            #expect(ranks.files[1].contents.contains(" \(Palette.colourValue(s))\n"))
            #expect(final.files[1].contents.contains(" \(Palette.colourValue(s))\n"))
        }
        #expect(Palette.colourValue(0) == 0x1f77b4 && Palette.colour(10) == Palette.colour(0) && Palette.dashType(10) == 2)
    }

    @Test func logAxisFloorIsStated() {
        var results = ReportFixtures.small()
        results.regrets[0][1][0] = [1, 0.5, 0]  // a run of square reaches the optimum exactly
        let script = Plotter.scripts(ResultsSummary(results), source: "r").first { $0.stem == "square-convergence" }!
        #expect(script.files[0].contents.contains("regret <= 0 drawn at"))
        #expect(!Plotter.scripts(ResultsSummary(ReportFixtures.small()), source: "r")[0].files[0].contents.contains("drawn at"))
        #expect(Gnuplot.logFloor([0, 2e-3, 5]) == 2e-4 && Gnuplot.logFloor([0, -1]) == 1e-12)
    }

    @Test func finalPanelsNameTheSignificantWinner() {
        let results = ReportFixtures.small()
        let final = FinalDistributionPlot.script(ResultsSummary(results), source: "r").files[0].contents
        #expect(FinalSummary.winners(ResultsSummary(results)) == FinalSummary(ResultsSummary(results)).winners)
        #expect(final.contains("set title \"branin: tpe best (Holm p < 0.05)\" noenhanced"))
        #expect(final.contains("set title \"rosenbrock-3d: no significant winner\" noenhanced"))
        #expect(Gnuplot.doubleQuoted("a\"b\\c\nd") == #""a\"b\\c\nd""#)
    }

    @Test func cliques() {
        // Ranks 1.0, 1.5, 2.9, 3.0 with CD 1: {0, 1} and {2, 3}.
        #expect(CriticalDifferencePlot.cliques(sortedRanks: [1, 1.5, 2.9, 3], cd: 1) == [0...1, 2...3])
        // All within CD: one group; none within: no bars.
        #expect(CriticalDifferencePlot.cliques(sortedRanks: [1, 1.2, 1.4], cd: 1) == [0...2])
        #expect(CriticalDifferencePlot.cliques(sortedRanks: [1, 2.5, 4], cd: 1).isEmpty)
        // Overlapping groups: 1–2.8 and 2–3.5 (2.8 − 1 < 2, 3.5 − 2 < 2, 3.5 − 1 ≥ 2).
        #expect(CriticalDifferencePlot.cliques(sortedRanks: [1, 2, 2.8, 3.5], cd: 2) == [0...2, 1...3])
    }

    /// A tiny result set whose ECDF script is checked in full below.
    static func tiny() -> ResultSet {
        ResultSet(name: "tiny", checkpoints: [10, 100], problems: [ReportFixtures.problem("p", "square", dimension: 1)],
                  suggesters: [ResultSet.Suggester(label: "a", algorithm: "random"), ResultSet.Suggester(label: "b_2", algorithm: "tpe")],
                  regrets: [[[[1, 0.01]], [[1, 1]]]])
    }

    @Test func ecdfScriptGolden() {
        let script = ECDFPlot.script(ResultsSummary(Self.tiny()), source: "results/tiny")
        #expect(script.files.map(\.name) == ["ecdf.gp", "ecdf.dat"])
        #expect(script.files[0].contents == Self.goldenECDFScript)
        #expect(script.files[1].contents == Self.goldenECDFData)
    }

    static let goldenECDFScript = #"""
        # Runtime ECDF over all problems, one curve per suggester.
        # Written by `parzen plot` from results/tiny. Standalone: reads only files beside it and writes
        # ecdf.png beside it; run `gnuplot plots/NAME/ecdf.gp` from anywhere or `gnuplot ecdf.gp` in its folder.
        script_dir = strlen(ARG0) > strlen('ecdf.gp') ? ARG0[1:strlen(ARG0) - strlen('ecdf.gp')] : ''
        if (strlen(script_dir) > 0) { cd script_dir }
        set terminal pngcairo size 900,600 enhanced font "DejaVu Sans,11"
        set output 'ecdf.png'
        set encoding utf8

        set title "Runtime ECDF over 1 problem: fraction of (problem, target) pairs reached\n51 targets per problem, log-spaced in regret from the median first-checkpoint regret to the best final regret" noenhanced
        set xlabel "evaluations"
        set ylabel "fraction of (problem, target) pairs reached"
        set logscale x 10
        set xrange [10:100]
        set yrange [0:1]
        set ytics 0,0.2,1
        set grid xtics ytics lc rgb "#dddddd"
        set key outside right top box opaque noenhanced width 2
        data = 'ecdf.dat'
        plot data using 1:2 with steps lw 2.0 dt 1 lc rgb '#1f77b4' title 'a', \
             data using 1:2 with points lc rgb '#1f77b4' pt 7 ps 1 notitle, \
             data using 1:3 with steps lw 2.0 dt 1 lc rgb '#ff7f0e' title 'b_2', \
             data using 1:3 with points lc rgb '#ff7f0e' pt 5 ps 1 notitle

        """#

    static let goldenECDFData = #"""
        # fraction of (problem, target) pairs reached; 51 regret targets per problem, log-spaced
        # evaluations a b_2
        10 0.0196078431372549 0.0196078431372549
        100 1.0 0.0196078431372549

        """#
}
