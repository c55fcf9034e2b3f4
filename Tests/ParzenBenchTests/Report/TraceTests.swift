import Foundation
import GSLKit
import Testing
@testable import ParzenBench

/// trace.csv, short runs, failed cells, ERT and the cost section, on real runs of small manifests.
@Suite struct TraceTests {
    /// Runs `yaml` into a fresh base folder and collects it; the store and what collect found.
    static func runAndCollect(_ yaml: String, tag: String) throws -> (manifest: Manifest, store: ResultStore, outcome: Collector.Outcome, base: URL) {
        let manifest = try Manifest(yaml: yaml, source: "\(tag).yaml")
        let base = ReportFixtures.temporaryFolder(tag)
        let store = ResultStore(manifestName: manifest.name, base: base)
        _ = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 2)).run(cancellation: Cancellation())
        let outcome = try Collector(manifest: manifest, store: store).collectAll()
        return (manifest, store, outcome, base)
    }

    static func csv(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { CSV.parse(String($0))! }
    }

    @Test func lastTraceRowOfEveryRunIsItsFinalRegretAndEveryImprovementIsThere() throws {
        let (manifest, store, _, base) = try Self.runAndCollect("""
            name: trace
            seed: 5
            repeats: 3
            budget: 25
            checkpoints: [5, 25]
            problems: [square, branin, {function: sphere, dims: 2, noise: 0.1, label: sphere-noisy}]
            suggesters: [random, tpe]
            """, tag: "trace")
        defer { try? FileManager.default.removeItem(at: base) }
        let trace = try Self.csv(store.root.appendingPathComponent(TraceTable.fileName))
        #expect(trace[0] == TraceTable.header)
        let runs = try Self.csv(store.root.appendingPathComponent("runs.csv")).dropFirst()
        for cell in manifest.cells {
            let mine = trace.dropFirst().filter { $0[0] == cell.problem.label && $0[1] == cell.suggester.label && $0[2] == String(cell.replicate) }
            let final = runs.last { $0[0] == cell.problem.label && $0[1] == cell.suggester.label && $0[2] == String(cell.replicate) }!
            #expect(mine.last![4] == final[4] && mine.last![5] == final[5], "\(cell.name)")
            // One row per strict improvement of the observed loss, at its 1-based evaluation.
            let record = store.load(cell)!
            var best = Double.infinity
            var expected: [Int] = []
            for (index, row) in record.rows.enumerated() where row.status == .ok && row.loss! < best {
                best = row.loss!
                expected.append(index + 1)
            }
            #expect(mine.map { Int($0[3])! } == expected, "\(cell.name)")
            // The noise-free value only on the noisy problem.
            #expect(mine.allSatisfy { $0[6].isEmpty == (cell.problem.label != "sphere-noisy") }, "\(cell.name)")
        }
        // Byte-determinism: collecting again gives the same bytes.
        let first = try Data(contentsOf: store.root.appendingPathComponent(TraceTable.fileName))
        try Collector(manifest: manifest, store: store).collect()
        #expect(try Data(contentsOf: store.root.appendingPathComponent(TraceTable.fileName)) == first)

        // The analysis reads it: convergence rows at every evaluation where a run improved.
        let results = try ResultsReader.read(store.root)
        #expect(results.traces != nil)
        let p = results.problems.firstIndex { $0.label == "branin" }!
        let rows = ConvergenceTable(results.problem(p)).evaluations
        let improvements = Set(trace.dropFirst().filter { $0[0] == "branin" }.map { Int($0[3])! })
        #expect(Set(rows) == improvements.union([1, 25]))
        // At each row the median is that of the replicates' best-so-far regrets there.
        let quantiles = ConvergenceTable(results.problem(p)).quantiles
        for (row, e) in rows.enumerated() {
            for s in results.suggesters.indices {
                let values = manifest.cells.filter { $0.problem.label == "branin" && $0.suggester.label == results.suggesters[s].label }.map { cell in
                    let rows = trace.dropFirst().filter { $0[0] == "branin" && $0[1] == cell.suggester.label && $0[2] == String(cell.replicate) && Int($0[3])! <= e }
                    return rows.last.map { Double($0[5])! } ?? .infinity
                }
                #expect(quantiles[row][s][0] == Quartiles.quantile(sorted: Statistics.sorted(values), 0.5))
            }
        }
        // The ECDF is given at every evaluation a fraction can change.
        #expect(ECDFTable.evaluations(ResultsSummary(results)) == Set(trace.dropFirst().map { Int($0[3])! }).union([1, 25]).sorted())
    }

    @Test func anExhaustedGridStopsShortAndSaysSo() throws {
        // A 3-D grid of 3³ = 27 points cannot fill 30 evaluations.
        let (manifest, store, outcome, base) = try Self.runAndCollect("""
            name: short
            seed: 5
            repeats: 2
            budget: 30
            checkpoints: [10, 27, 30]
            problems: [{function: rosenbrock, dims: 3}]
            suggesters: [grid, random]
            """, tag: "short")
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(outcome.shortRuns.map(\.evaluations) == [27, 27])
        #expect(outcome.shortRunLines == ["rosenbrock-3d/grid: 2 runs stopped after 27 evaluations (the suggester was exhausted before the budget)"])
        let runs = try Self.csv(store.root.appendingPathComponent("runs.csv")).dropFirst()
        #expect(runs.filter { $0[1] == "grid" }.map { $0[3] } == ["10", "27", "10", "27"])
        #expect(runs.filter { $0[1] == "random" }.count == 6)
        let short = try ShortRunsTable.rows(String(contentsOf: store.root.appendingPathComponent(ShortRunsTable.fileName), encoding: .utf8), file: "s")
        #expect(short.count == 2 && short.allSatisfy { $0.suggester == "grid" && $0.evaluations == 27 })
        let results = try ResultsReader.read(store.root)
        // The final value is carried to the checkpoint past the run's end.
        #expect(results.regrets[0][0].allSatisfy { $0[2] == $0[1] })
        #expect(results.runLengths(problem: 0, suggester: 0) == [27, 27])
        let report = ReportMarkdown.text(ResultsSummary(results), plots: "p")
        #expect(report.contains("## Runs shorter than the budget"))
        #expect(report.contains("rosenbrock-3d/grid: 2 runs stopped after 27 evaluations"))
        // Collecting a manifest without short runs removes the stale file.
        var withoutGrid = manifest
        withoutGrid.suggesters.removeFirst()
        try Collector(manifest: withoutGrid, store: store).collect()
        #expect(!FileManager.default.fileExists(atPath: store.root.appendingPathComponent(ShortRunsTable.fileName).path))
    }

    @Test func aFailingSuggesterNextToGoodOnesIsListedAndLeftOutOfTheStatistics() throws {
        let (manifest, store, outcome, base) = try Self.runAndCollect("""
            name: failing
            seed: 5
            repeats: 2
            budget: 8
            problems: [square, branin]
            suggesters: [random, {label: broken, command: [/nonexistent/parzen-suggester]}, grid]
            """, tag: "failing")
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(outcome.failures.count == 4)
        #expect(outcome.failures.allSatisfy { $0.suggester == "broken" && !$0.message.isEmpty })
        let failures = try FailuresTable.rows(String(contentsOf: store.root.appendingPathComponent(FailuresTable.fileName), encoding: .utf8), file: "f")
        #expect(failures == outcome.failures)
        // Every finished cell is collected.
        let runs = try Self.csv(store.root.appendingPathComponent("runs.csv")).dropFirst()
        #expect(Set(runs.map { $0[1] }) == ["random", "grid"])
        let results = try Analysis.report(resultsFolder: store.root)
        #expect(results.suggesters.map(\.label) == ["random", "grid"])
        #expect(results.leftOutSuggesters == ["broken"] && results.leftOutProblems.isEmpty)
        let report = try String(contentsOf: store.root.appendingPathComponent("report.md"), encoding: .utf8)
        let failed = report.range(of: "## Failed cells")!, final = report.range(of: "## Final regret")!
        #expect(failed.lowerBound < final.lowerBound)
        #expect(report.contains("left out suggester broken"))
        #expect(report.contains("| square | broken | 0 | \(ReportMarkdown.escape(outcome.failures[0].message)) |"))
        // A cell not run yet (no file, no failure note) still blocks collect.
        try store.removeRecords(of: manifest.cells[0])
        #expect(throws: CollectError.self) { try Collector(manifest: manifest, store: store).collect() }
    }

    @Test func leavingOutKeepsTheMostCompleteGroups() throws {
        // One failed replicate of grid on branin: branin (3 groups) or grid (2 groups) must go;
        // grid has fewer groups, so grid is left out.
        let base = ReportFixtures.temporaryFolder("left-out")
        defer { try? FileManager.default.removeItem(at: base) }
        var fixture = ReportFixtures.small()
        fixture.problems.removeLast()
        fixture.regrets.removeLast()
        let folder = try ReportFixtures.writeFolder(fixture, base: base)
        try FailuresTable.text([FailuresTable.Row(problem: "branin", suggester: "grid", replicate: 2, message: "boom")])
            .write(to: folder.appendingPathComponent(FailuresTable.fileName), atomically: true, encoding: .utf8)
        let results = try ResultsReader.read(folder)
        #expect(results.suggesters.map(\.label) == ["random", "tpe"])
        #expect(results.problems.map(\.label) == ["square", "branin"])
        #expect(results.leftOutSuggesters == ["grid"])
    }

    /// ``ReportFixtures/traced()`` with its short runs (those of the traced golden files), written
    /// as a results folder (trace.csv, short-runs.csv), reads back as itself: report.md and the
    /// pictures from the folder are those from the fixture in memory.
    @Test func theTracedFixtureReadsBackFromItsFolder() throws {
        let base = ReportFixtures.temporaryFolder("traced")
        defer { try? FileManager.default.removeItem(at: base) }
        var fixture = ReportFixtures.traced()
        fixture.shortRuns = GoldenFile.withTables(fixture).shortRuns
        let read = try ResultsReader.read(ReportFixtures.writeFolder(fixture, base: base))
        #expect(read.regrets == fixture.regrets)
        #expect(read.traces == fixture.traces)
        #expect(read.shortRuns == fixture.shortRuns)
        #expect(ReportMarkdown.text(ResultsSummary(read), plots: "p") == ReportMarkdown.text(ResultsSummary(fixture), plots: "p"))
        #expect(Plotter.scripts(ResultsSummary(read), source: "r") == Plotter.scripts(ResultsSummary(fixture), source: "r"))
    }

    @Test func expectedRunningTime() {
        // Two of four runs reach the target after 10 and 30 evaluations; the others spend 100 each.
        #expect(ExpectedRunningTime.ert(hits: [10, nil, 30, nil], lengths: [100, 100, 100, 100]) == 120)
        #expect(ExpectedRunningTime.ert(hits: [5, 7], lengths: [50, 50]) == 6)
        #expect(ExpectedRunningTime.ert(hits: [nil, nil], lengths: [50, 50]) == .infinity)
        // A short run that fails counts with its own length.
        #expect(ExpectedRunningTime.ert(hits: [10, nil], lengths: [100, 27]) == 37)
        // The mean of simulated restarts converges to it.
        let rng = MersenneTwister(seed: 9)
        let hits: [Int?] = [10, nil, 30, nil], lengths = [100, 100, 100, 100]
        var total = 0.0
        let draws = 200_000
        for _ in 0..<draws {
            var runtime = 0
            while true {
                let i = rng.uniformInt(below: hits.count)
                if let hit = hits[i] { runtime += hit; break }
                runtime += lengths[i]
            }
            total += Double(runtime)
        }
        #expect(abs(total / Double(draws) - 120) < 1.5)
    }

    @Test func reportWithoutTimingsSaysSoAndOneWithThemHasACostSection() throws {
        let base = ReportFixtures.temporaryFolder("no-timings")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try ReportFixtures.writeFolder(ReportFixtures.small(), base: base)
        let results = try Analysis.report(resultsFolder: folder)
        #expect(results.cost == nil)
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## Cost\n\nNo timings: this results folder has no cost.csv"))
        #expect(report.contains("so above 0.5 favours suggester_a and below 0.5 favours suggester_b"))
        #expect(report.contains("## Expected running time"))

        let rows = [CostTable.Row(problem: "square", suggester: "grid", runs: 6, trials: 20, suggest: 2e-6, suggestQ25: 1e-6, suggestQ75: 3e-6, evaluate: 1e-6),
                    CostTable.Row(problem: "square", suggester: "tpe", runs: 6, trials: 20, suggest: 0.003, suggestQ25: 0.002, suggestQ75: 0.004, evaluate: 1e-6)]
        try CostTable.text(rows).write(to: folder.appendingPathComponent(CostTable.fileName), atomically: true, encoding: .utf8)
        let timed = try Analysis.report(resultsFolder: folder)
        #expect(timed.cost == rows)
        let costly = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(costly.contains("**Depends on the machine.**"))
        #expect(costly.contains("| tpe | 3 ms | [3 ms, 3 ms] | 1 µs | 20 |"))
        // Everything before the Cost section is the same with and without timings.
        #expect(report.components(separatedBy: "## Cost")[0] == costly.components(separatedBy: "## Cost")[0])
        #expect(CostPlot.script(timed.info, source: "results/fixture") != nil && CostPlot.script(results.info, source: "results/fixture") == nil)
    }
}
