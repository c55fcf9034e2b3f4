import Foundation
import Testing
@testable import ParzenBench

/// Rendering with the real gnuplot. Runs when gnuplot is installed; under CI (the environment
/// variable CI set) it also runs without gnuplot and then fails, as it does when the DejaVu font
/// is missing (gnuplot would silently draw no text).
@Suite struct GnuplotRenderTests {
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false
    static let renderer = GnuplotRenderer.locate()

    /// Runs a shell command; its exit status and standard output.
    static func shell(_ command: String, in folder: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), or nil if not a PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test(.enabled(if: renderer != nil || isCI, "gnuplot is not installed (set CI to make this a failure)"))
    func dejaVuFontIsInstalled() throws {
        let (status, output) = try Self.shell("fc-list | grep -i dejavu")
        #expect(status == 0 && !output.isEmpty, "no DejaVu font: gnuplot would draw pictures without any text; install fonts-dejavu-core")
    }

    @Test(.enabled(if: renderer != nil || isCI, "gnuplot is not installed (set CI to make this a failure)"))
    func everyScriptRendersAPNGOfItsStatedSize() throws {
        guard let renderer = Self.renderer else {
            Issue.record("gnuplot not found on PATH; CI must install gnuplot-nox and fonts-dejavu-core")
            return
        }
        let base = ReportFixtures.temporaryFolder("render")
        defer { try? FileManager.default.removeItem(at: base) }
        let plots = base.appendingPathComponent("plots/fixture")
        var results = ReportFixtures.small()
        // A 1-D log-scaled problem too, and a run that reaches the optimum (floored log axis).
        results.problems.append(ReportFixtures.problem("lr", "logscale", dimension: 1))
        results.regrets.append(ReportFixtures.curves([[0.1, 0.2, 0.3, 0, 0.05, 0.4], [1, 2, 3, 4, 5, 6], [0.01, 0.02, 0.03, 0.04, 0.05, 0.06]], checkpoints: 3))
        for suggester in results.suggesters {
            results.samples["lr", default: [:]][suggester.label] = [1e-5, 3e-3, 0.2, 0.9].enumerated().map {
                ResultSet.Sample(trial: $0.offset, x: $0.element, y: nil, loss: $0.element)
            }
        }
        results = ReportFixtures.withSampleAxes(results)
        try ReportFixtures.writeGrids(results, to: plots)
        let outcome = try Plotter.write(ResultsSummary(results), to: plots, source: "results/fixture", renderer: renderer)
        #expect(outcome.rendered)
        #expect(outcome.warnings.isEmpty, "gnuplot warnings: \(outcome.warnings)")
        #expect(outcome.scripts.map(\.stem).contains("lr-samples"))
        for script in outcome.scripts {
            let data = try Data(contentsOf: plots.appendingPathComponent(script.imageName))
            let size = Self.pngSize(data)
            #expect(data.count > 5_000, "\(script.imageName) is nearly empty")
            #expect(size?.width == script.width && size?.height == script.height, "\(script.imageName): \(String(describing: size))")
        }
        // The path convention: from another folder, by a relative path, the script finds its data.
        let convergence = plots.appendingPathComponent("branin-convergence.png")
        try FileManager.default.removeItem(at: convergence)
        let (status, output) = try Self.shell("'\(renderer.executable.path)' plots/fixture/branin-convergence.gp", in: base)
        #expect(status == 0, "\(output)")
        #expect(Self.pngSize(try Data(contentsOf: convergence))?.width == ConvergencePlot.width)
        // ... and from its own folder.
        try FileManager.default.removeItem(at: convergence)
        #expect(try Self.shell("'\(renderer.executable.path)' branin-convergence.gp", in: plots).status == 0)
        #expect(FileManager.default.fileExists(atPath: convergence.path))
    }

    @Test func missingGnuplotIsReportedNotFatal() throws {
        #expect(GnuplotRenderer.locate(environment: ["PATH": "/nonexistent"]) == nil)
        let base = ReportFixtures.temporaryFolder("noplot")
        defer { try? FileManager.default.removeItem(at: base) }
        try ReportFixtures.writeGrids(ReportFixtures.small(), to: base)
        let outcome = try Plotter.write(ResultsSummary(ReportFixtures.small()), to: base, source: "r", renderer: nil)
        #expect(!outcome.rendered)
        #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent("final.gp").path))
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("final.png").path))
    }
}
