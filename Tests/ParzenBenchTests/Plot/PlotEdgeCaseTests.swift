import Foundation
import Testing
@testable import ParzenBench

/// Pictures of awkward results: labels gnuplot could take for options, problems where every
/// trial failed, and pictures left over from an earlier manifest.
@Suite struct PlotEdgeCaseTests {
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false
    static let renderer = GnuplotRenderer.locate()

    /// The small fixture with its first problem relabelled and, optionally, every regret of its
    /// second problem infinite (no successful trial) with empty traces.
    static func fixture(firstLabel: String, secondFails: Bool) -> ResultSet {
        var results = ReportFixtures.small()
        let old = results.problems[0].label
        results.problems[0].label = firstLabel
        results.samples[firstLabel] = results.samples.removeValue(forKey: old)
        results.info.sampleAxes[firstLabel] = results.info.sampleAxes.removeValue(forKey: old)
        if secondFails {
            results.regrets[1] = results.regrets[1].map { $0.map { $0.map { _ in .infinity } } }
            results.samples[results.problems[1].label] = results.samples[results.problems[1].label]!.mapValues { $0.map {
                ResultSet.Sample(trial: $0.trial, x: $0.x, y: $0.y, loss: nil)
            } }
        }
        results.traces = results.regrets.enumerated().map { p, bySuggester in
            bySuggester.map { replicates in
                replicates.map { curve in
                    secondFails && p == 1 ? TraceTable.Run() : TraceTable.Run(evaluations: results.checkpoints, regrets: curve)
                }
            }
        }
        return results
    }

    @Test(.enabled(if: renderer != nil || isCI, "gnuplot is not installed (set CI to make this a failure)"))
    func labelsStartingWithADashAndProblemsWithoutASuccessRender() throws {
        guard let renderer = Self.renderer else {
            Issue.record("gnuplot not found on PATH; CI must install gnuplot-nox and fonts-dejavu-core")
            return
        }
        let base = ReportFixtures.temporaryFolder("edge-render")
        defer { try? FileManager.default.removeItem(at: base) }
        let results = Self.fixture(firstLabel: "-sq", secondFails: true)
        try ReportFixtures.writeGrids(results, to: base)
        let outcome = try Plotter.write(ResultsSummary(results), to: base, source: "results/fixture", renderer: renderer)
        for script in outcome.scripts {
            let png = try Data(contentsOf: base.appendingPathComponent(script.imageName))
            #expect(GnuplotRenderTests.pngSize(png) != nil, "\(script.imageName): \(png.count) bytes")
        }
        #expect(outcome.scripts.contains { $0.stem == "-sq-convergence" })
        #expect(outcome.scripts.contains { $0.stem == "-sq-samples" })
        let convergence = try String(contentsOf: base.appendingPathComponent("branin-convergence.gp"), encoding: .utf8)
        #expect(convergence.contains("no successful trial"))
    }

    @Test func stalePicturesOfARemovedProblemAreRemovedAndOtherFilesKept() throws {
        let base = ReportFixtures.temporaryFolder("edge-stale")
        defer { try? FileManager.default.removeItem(at: base) }
        let full = ReportFixtures.small()
        try ReportFixtures.writeGrids(full, to: base)
        _ = try Plotter.write(ResultsSummary(full), to: base, source: "results/fixture", renderer: nil)
        for name in ["square-convergence.png", "square-samples.png", "notes.gp", "mine.png"] {
            try Data("x\n# Written by someone else\n".utf8).write(to: base.appendingPathComponent(name))
        }
        #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent("square-grid.dat").path))
        var smaller = full
        smaller.problems.removeFirst()
        smaller.regrets.removeFirst()
        let outcome = try Plotter.write(ResultsSummary(smaller), to: base, source: "results/fixture", renderer: nil)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: base.path))
        for gone in ["square-convergence.gp", "square-convergence.dat", "square-convergence.png", "square-samples.gp", "square-samples.dat",
                     "square-samples.png", "square-grid.dat"] {
            #expect(!left.contains(gone), "\(gone) is stale")
        }
        #expect(left.contains("notes.gp") && left.contains("mine.png"))
        for script in outcome.scripts { for file in script.files { #expect(left.contains(file.name)) } }
    }
}
