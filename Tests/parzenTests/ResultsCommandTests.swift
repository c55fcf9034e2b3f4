import Foundation
import ParzenTestSupport
import Testing

/// What `parzen run`, `collect` and `report` write and say when runs fail, stop short or lack timings.
@Suite struct ResultsCommandTests {
    let parzen = TestSupport.productPath("parzen")

    /// A fresh folder with `yaml` as m.yaml.
    static func folder(_ tag: String, manifest yaml: String) throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try yaml.write(to: base.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        return base
    }

    @Test func failedCellsAreListedAndEveryFinishedCellIsReportedWithExitStatus1() throws {
        let base = try Self.folder("failing", manifest: """
            name: failing
            seed: 1
            repeats: 2
            budget: 6
            problems: [square]
            suggesters: [random, {label: broken, command: [/nonexistent/parzen-suggester]}]
            """)
        defer { try? FileManager.default.removeItem(at: base) }
        let run = try TestSupport.run(parzen, ["run", base.appendingPathComponent("m.yaml").path, "--base", base.path, "--quiet", "--no-plots"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("square/broken/r000"))
        let results = base.appendingPathComponent("results/failing")
        let report = try String(contentsOf: results.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## Failed cells") && report.contains("| square | broken | 1 |"))
        for file in ["runs.csv", "trace.csv", "tests.csv", "ranks.csv", "ecdf.csv", "failures.csv"] {
            #expect(FileManager.default.fileExists(atPath: results.appendingPathComponent(file).path), "\(file)")
        }
        // --no-plots: no pictures, but report.md and the CSVs (above), and the grid a later `parzen plot` draws over.
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("plots/failing").path) == ["square-grid.dat"])
        // collect on its own: the same, exit status 1.
        let collect = try TestSupport.run(parzen, ["collect", base.appendingPathComponent("m.yaml").path, "--base", base.path, "--quiet", "--no-plots"])
        #expect(collect.status == 1 && collect.stderr.contains("2 cell(s) failed"), "\(collect.stderr)")
    }

    @Test func noPlotsStillWritesTheReportAndRunSaysWhenAGridRanOut() throws {
        let base = try Self.folder("short", manifest: """
            name: short
            seed: 1
            repeats: 2
            budget: 30
            problems: [{function: rosenbrock, dims: 3}]
            suggesters: [grid, random]
            """)
        defer { try? FileManager.default.removeItem(at: base) }
        let run = try TestSupport.run(parzen, ["run", base.appendingPathComponent("m.yaml").path, "--base", base.path, "--no-plots"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("short runs: rosenbrock-3d/grid: 2 runs stopped after 27 evaluations"))
        #expect(run.stdout.contains("no pictures (--no-plots)"))
        let results = base.appendingPathComponent("results/short")
        let report = try String(contentsOf: results.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## Runs shorter than the budget"))
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("plots/short").path))
        let runs = try String(contentsOf: results.appendingPathComponent("runs.csv"), encoding: .utf8)
        #expect(!runs.contains("grid,0,30,") && runs.contains("random,0,30,"))
    }

    @Test func reportOnResultsWithoutTimingsSaysTheyAreAbsent() throws {
        let base = try Self.folder("untimed", manifest: """
            name: untimed
            seed: 1
            repeats: 2
            budget: 6
            problems: [square]
            suggesters: [random, grid]
            """)
        defer { try? FileManager.default.removeItem(at: base) }
        let run = try TestSupport.run(parzen, ["run", base.appendingPathComponent("m.yaml").path, "--base", base.path, "--quiet", "--no-plots"])
        #expect(run.status == 0, "\(run.stderr)")
        let results = base.appendingPathComponent("results/untimed")
        let timed = try String(contentsOf: results.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(timed.contains("**Depends on the machine.**") && timed.contains("Growth with the trial index"))
        // Cells without per-trial times (an older format): the section says so.
        try FileManager.default.removeItem(at: results.appendingPathComponent("cost-growth.csv"))
        #expect(try TestSupport.run(parzen, ["report", results.path]).status == 0)
        let totalsOnly = try String(contentsOf: results.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(totalsOnly.contains("Per-trial times are absent"))
        // As committed results are: cells, timings.csv and cost.csv gone.
        for name in ["cells", "timings.csv", "cost.csv"] { try FileManager.default.removeItem(at: results.appendingPathComponent(name)) }
        let report = try TestSupport.run(parzen, ["report", results.path])
        #expect(report.status == 0, "\(report.stderr)")
        let untimed = try String(contentsOf: results.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(untimed.contains("No timings: this results folder has no cost.csv"))
        #expect(untimed.components(separatedBy: "## Cost")[0] == timed.components(separatedBy: "## Cost")[0])
    }

    @Test func helpTextsSayWhatEachCommandWrites() throws {
        let collect = try TestSupport.run(parzen, ["collect", "--help"])
        for file in ["runs.csv", "trace.csv", "summary.csv", "samples.csv", "timings.csv", "cost.csv", "cost-growth.csv", "manifest.lock.yaml",
                     "extras.csv", "short-runs.csv", "failures.csv", "report.md", "--no-plots"] {
            #expect(collect.stdout.contains(file), "collect --help lacks \(file)")
        }
        // Help text is wrapped at the terminal's width: compare with single spaces.
        let report = try TestSupport.run(parzen, ["report", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(report.contains("tests.csv") && report.contains("Cost section of report.md") && report.contains("timings are absent"))
        let plot = try TestSupport.run(parzen, ["plot", "--help"])
        #expect(plot.stdout.contains("PROBLEM-convergence") && plot.stdout.contains("cost.gp") && plot.stdout.contains("cost-growth.gp"))
        let run = try TestSupport.run(parzen, ["run", "--help"])
        #expect(run.stdout.contains("report.md") && run.stdout.contains("exit status is 1"))
    }
}
