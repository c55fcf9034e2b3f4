import Foundation
import GSLKit
import Testing
@testable import ParzenBench

@Suite struct ReportWinnerTests {
    /// One problem, three suggesters with the given final regrets; checkpoints [10].
    func results(_ finals: [[Double]]) -> ResultSet {
        ResultSet(name: "w", checkpoints: [10], problems: [ReportFixtures.problem("p", "square", dimension: 1)],
                  suggesters: ["a", "b", "c"].map { ResultSet.Suggester(label: $0, algorithm: "random") },
                  regrets: [ReportFixtures.curves(finals, checkpoints: 1)])
    }

    /// The table row of problem `p` in report.md.
    func row(_ report: String) -> String {
        report.split(separator: "\n").first { $0.hasPrefix("| p |") }.map(String.init) ?? ""
    }

    @Test func marksAWinnerOnlyWhenTheAdjustedTestSaysSo() {
        // b is below a and c on every replicate: exact p = 2/C(12, 6) per pair, Holm ≤ 3× that.
        let clear = results([[5, 6, 7, 8, 9, 10], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [11, 12, 13, 14, 15, 16]])
        let pairs = PairwiseTable.comparisons(clear, problem: 0, checkpoint: 0)
        #expect(pairs.filter { $0.first == 1 || $0.second == 1 }.allSatisfy { $0.adjustedPValue < 0.05 })
        #expect(FinalSummary(ResultsSummary(clear)).winners == [1])
        let marked = row(ReportMarkdown.text(ResultsSummary(clear), plots: "../../plots/w"))
        #expect(marked.contains("**0.35 [0.225, 0.475]** ✓"))
        #expect(marked.components(separatedBy: "✓").count == 2)
    }

    @Test func noMarkWhenTheAdjustedPValueIsAtLeastFivePercent() {
        // b has the lowest median but overlaps a: the adjusted p of (a, b) is ≥ 0.05.
        let overlapping = results([[1, 2, 3, 4, 5, 6], [0.5, 1.5, 2.5, 3.5, 4.5, 5.5], [11, 12, 13, 14, 15, 16]])
        let pairs = PairwiseTable.comparisons(overlapping, problem: 0, checkpoint: 0)
        #expect(pairs.first { $0.first == 0 && $0.second == 1 }!.adjustedPValue >= 0.05)
        #expect(pairs.first { $0.first == 1 && $0.second == 2 }!.adjustedPValue < 0.05)
        #expect(FinalSummary(ResultsSummary(overlapping)).winners == [nil])
        let report = ReportMarkdown.text(ResultsSummary(overlapping), plots: "x")
        #expect(!report.contains("✓ |") && !row(report).contains("**"))
        #expect(report.contains("Significant winners: 0 of 1 problem."))
    }

    @Test func smallSamplesNeverWin() {
        // Three replicates: the smallest exact two-sided p is 0.1, so no winner even with separation.
        let three = results([[5, 6, 7], [0.1, 0.2, 0.3], [11, 12, 13]])
        #expect(FinalSummary(ResultsSummary(three)).winners == [nil])
    }

    @Test func winnerRule() {
        let comparisons = PairwiseComparisons.compare([[1, 2, 3, 4, 5, 6, 7, 8, 9], [20, 21, 22, 23, 24, 25, 26, 27, 28]])
        #expect(FinalSummary.winner(comparisons, medians: [5, 24]) == 0)
        // Tied best medians: no winner.
        #expect(FinalSummary.winner(comparisons, medians: [5, 5]) == nil)
        #expect(FinalSummary.winner([], medians: [1]) == nil)
    }
}

@Suite struct ReportTablesTests {
    func parse(_ text: String) -> (header: [String], rows: [[String]]) {
        let lines = text.split(separator: "\n").map(String.init)
        return (CSV.parse(lines[0])!, lines.dropFirst().map { CSV.parse($0)! })
    }

    @Test func testsCSVAgreesWithTheStatisticsFunctions() {
        let results = ReportFixtures.small()
        let (header, rows) = parse(PairwiseTable.text(ResultsSummary(results)))
        #expect(header == ["problem", "evaluations", "suggester_a", "suggester_b", "n_a", "n_b", "u", "p", "p_holm", "a12", "magnitude", "method"])
        #expect(rows.count == 3 * 3 * 3)  // problems × checkpoints × pairs
        for (p, problem) in results.problems.enumerated() {
            for (c, evaluations) in results.checkpoints.enumerated() {
                let family = rows.filter { $0[0] == problem.label && $0[1] == String(evaluations) }
                #expect(family.map { [$0[2], $0[3]] } == [["grid", "random"], ["grid", "tpe"], ["random", "tpe"]])
                let pairs = [(0, 1), (0, 2), (1, 2)]
                let tests = pairs.map { MannWhitneyU.test(results.regrets(problem: p, suggester: $0.0, checkpoint: c),
                                                          results.regrets(problem: p, suggester: $0.1, checkpoint: c)) }
                let adjusted = HolmBonferroni.adjust(tests.map(\.pValue))
                for (i, (a, b)) in pairs.enumerated() {
                    let row = family[i]
                    let a12 = VarghaDelaney.a12(results.regrets(problem: p, suggester: a, checkpoint: c),
                                                results.regrets(problem: p, suggester: b, checkpoint: c))
                    #expect(row[4] == "6" && row[5] == "6")
                    #expect(Double(row[6]) == tests[i].u)
                    #expect(Double(row[7]) == tests[i].pValue)
                    #expect(Double(row[8]) == adjusted[i])
                    #expect(Double(row[9]) == a12)
                    #expect(row[10] == VarghaDelaney.Magnitude(a12).rawValue)
                    #expect(row[11] == tests[i].method.rawValue)
                }
            }
        }
    }

    @Test func ranksCSVAgreesWithFriedman() {
        let results = ReportFixtures.small()
        let (header, rows) = parse(RankTable.text(ResultsSummary(results)))
        #expect(header.first == "suggester" && header.count == 9)
        let medians = results.problems.indices.map { p in
            results.suggesters.indices.map { s in Statistics.median(sorted: Statistics.sorted(results.finalRegrets(problem: p, suggester: s))) }
        }
        let test = FriedmanTest(scores: medians)
        #expect(rows.map { $0[0] } == ["grid", "random", "tpe"])
        for (s, row) in rows.enumerated() {
            #expect(Double(row[1]) == test.averageRanks[s])
            #expect(row[2] == "20" && row[3] == "3")
            #expect(Double(row[4]) == test.chiSquared && Double(row[5]) == test.pValue)
            #expect(Double(row[8]) == NemenyiTest.criticalDifference(groups: 3, problems: 3))
        }
        // One suggester: header only.
        let single = ResultSet(name: "one", checkpoints: [5], problems: [ReportFixtures.problem("p", "square", dimension: 1)],
                               suggesters: [ResultSet.Suggester(label: "a", algorithm: "random")], regrets: [[[[1], [2]]]])
        #expect(RankTable.text(ResultsSummary(single)) == RankTable.header.joined(separator: ",") + "\n")
    }

    @Test func ecdfCSVAgreesWithRuntimeECDF() {
        let results = ReportFixtures.small()
        let (header, rows) = parse(ECDFTable.text(ResultsSummary(results)))
        #expect(header == ["suggester", "evaluations", "fraction"])
        #expect(rows.count == 3 * 3)
        for (s, suggester) in results.suggesters.enumerated() {
            let problems = results.problems.indices.map { p in
                let range = ECDFTable.targetRange(results, problem: p)
                return RuntimeECDF.Problem(targets: RuntimeECDF.logSpacedTargets(high: range.high, low: range.low, count: 51),
                                           runs: results.regrets[p][s].map { RuntimeECDF.Curve(evaluations: [5, 10, 20], regrets: $0) })
            }
            let expected = RuntimeECDF.fractionReached(problems: problems, at: [5, 10, 20])
            let mine = rows.filter { $0[0] == suggester.label }
            #expect(mine.map { $0[1] } == ["5", "10", "20"])
            #expect(mine.map { Double($0[2])! } == expected)
        }
        // The hardest target is the best final regret of any run.
        let best = results.suggesters.indices.flatMap { results.finalRegrets(problem: 1, suggester: $0) }.min()!
        #expect(ECDFTable.targetRange(results, problem: 1).low == best)
    }

    @Test func ecdfTargetsWhenEveryRunHitsTheOptimum() {
        let zero = ResultSet(name: "z", checkpoints: [5, 10], problems: [ReportFixtures.problem("p", "square", dimension: 1)],
                             suggesters: ["a", "b"].map { ResultSet.Suggester(label: $0, algorithm: "random") },
                             regrets: [[[[0, 0]], [[0, 0]]]])
        let range = ECDFTable.targetRange(zero, problem: 0)
        #expect(range.high == 1 && range.low == 1e-8)
        #expect(ECDFTable.fractions(ResultsSummary(zero)) == [[1, 1], [1, 1]])
    }
}

@Suite struct ReportFolderTests {
    @Test func readsAFolderAndWritesDeterministicFiles() throws {
        let results = ReportFixtures.small()
        let base = ReportFixtures.temporaryFolder("report")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try ReportFixtures.writeFolder(results, base: base)
        let read = try ResultsReader.read(folder)
        #expect(read.regrets == results.regrets && read.samples == results.samples)
        #expect(read.problems == results.problems && read.suggesters == results.suggesters && read.checkpoints == results.checkpoints)

        try Analysis.report(resultsFolder: folder)
        let names = ["tests.csv", "ranks.csv", "ecdf.csv", "report.md"]
        let first = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        try Analysis.report(resultsFolder: folder)
        let second = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(first == second)
        let report = String(decoding: first[3], as: UTF8.self)
        #expect(report.contains("](../../plots/fixture/branin-convergence.png)"))
        #expect(report.contains("](../../plots/fixture/ranks.png)"))
        #expect(report.contains("](../../plots/fixture/branin-samples.png)"))
        #expect(!report.contains("rosenbrock-3d-samples"))
        // branin: tpe is an order of magnitude below the others on every replicate.
        #expect(FinalSummary(ResultsSummary(read)).winners[1] == 2)
        #expect(report.split(separator: "\n").first { $0.hasPrefix("| branin |") }!.contains("✓"))
    }

    @Test func bootstrapIntervalsAreSeededByName() {
        let results = ReportFixtures.small()
        let a = FinalSummary(ResultsSummary(results)).cells, b = FinalSummary(ResultsSummary(results)).cells
        #expect(a == b)
        let seed = FinalSummary.bootstrapSeed(problem: "branin", suggester: "tpe")
        let expected = BootstrapMedian.confidenceInterval(results.finalRegrets(problem: 1, suggester: 2), resamples: 2000,
                                                          using: MersenneTwister(seed: seed))
        #expect(a[1][2].interval == expected)
        #expect(seed != FinalSummary.bootstrapSeed(problem: "branin", suggester: "grid"))
    }

    @Test func missingOrMalformedInputIsReported() throws {
        let base = ReportFixtures.temporaryFolder("report-bad")
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(throws: AnalysisError.self) { try ResultsReader.read(base.appendingPathComponent("results/none")) }
        let folder = try ReportFixtures.writeFolder(ReportFixtures.small(), base: base)
        try "problem,suggester,replicate,evaluations,best_loss,regret\nsquare,grid,0,7,1,1\n"
            .write(to: folder.appendingPathComponent("runs.csv"), atomically: true, encoding: .utf8)
        do {
            _ = try ResultsReader.read(folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2 && error.message.contains("not a checkpoint"))
        }
    }

    @Test func paths() {
        let results = URL(fileURLWithPath: "/base/results/smoke")
        #expect(Analysis.defaultPlotsFolder(for: results).path == "/base/plots/smoke")
        #expect(Analysis.relativePath(from: results, to: URL(fileURLWithPath: "/base/plots/smoke")) == "../../plots/smoke")
        #expect(Analysis.relativePath(from: results, to: URL(fileURLWithPath: "/base/results/smoke/pics")) == "pics")
        #expect(ReportMarkdown.link("../../plots/a b", "x.png") == "../../plots/a%20b/x.png")
        #expect(ReportMarkdown.escape("a|b_c") == "a\\|b\\_c")
    }
}

@Suite struct SamplesWriterTests {
    @Test func plottableSpaces() throws {
        #expect(SamplesWriter.isPlottable(try TestFunctionRegistry.function(named: "square").space))
        #expect(SamplesWriter.isPlottable(try TestFunctionRegistry.function(named: "branin").space))
        #expect(SamplesWriter.isPlottable(try TestFunctionRegistry.function(named: "logscale").space))
        #expect(!SamplesWriter.isPlottable(try TestFunctionRegistry.function(named: "rosenbrock", dimension: 3).space))
        #expect(!SamplesWriter.isPlottable(try TestFunctionRegistry.function(named: "conditional").space))
    }

    @Test func collectWritesReplicateZeroOfLowDimensionalProblems() throws {
        let manifest = try Manifest(yaml: """
            name: s
            seed: 3
            repeats: 2
            budget: 6
            problems: [square, branin, {function: rosenbrock, dims: 3}]
            suggesters: [random, grid]
            """, source: "s.yaml")
        let base = ReportFixtures.temporaryFolder("samples")
        defer { try? FileManager.default.removeItem(at: base) }
        let store = ResultStore(manifestName: manifest.name, base: base)
        _ = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 2)).run(cancellation: Cancellation())
        try Collector(manifest: manifest, store: store).collect()
        let text = try String(contentsOf: store.root.appendingPathComponent("samples.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").map { CSV.parse(String($0))! }
        #expect(rows[0] == ["problem", "suggester", "trial", "x", "y", "loss"])
        #expect(rows.count == 1 + 2 * 2 * 6)  // (square, branin) × (random, grid) × 6 trials
        #expect(rows.dropFirst().allSatisfy { $0[0] != "rosenbrock-3d" })
        #expect(rows.dropFirst().filter { $0[0] == "square" }.allSatisfy { $0[4].isEmpty && !$0[3].isEmpty })
        #expect(rows.dropFirst().filter { $0[0] == "branin" }.allSatisfy { !$0[4].isEmpty })
        // Replicate 0: the same points as the cell file of r000.
        let cell = manifest.cells.first { $0.name == "square/random/r000" }!
        let record = store.load(cell)!
        let xs = rows.dropFirst().filter { $0[0] == "square" && $0[1] == "random" }.map { Double($0[3])! }
        #expect(xs == record.rows.map { $0.assignment["x"]! })
        // The sample pictures' axes and grids: square and branin, from every suggester's replicate 0.
        let axesText = try String(contentsOf: store.root.appendingPathComponent(SampleAxesTable.fileName), encoding: .utf8)
        let axes = try SampleAxesTable.axes(axesText, file: "sample-axes.csv")
        #expect(Set(axes.keys) == ["square", "branin"] && axes["branin"]?.map(\.label) == ["x1", "x2"])
        for row in rows.dropFirst() {
            let problemAxes = axes[row[0]]!
            #expect(problemAxes[0].low <= Double(row[3])! && Double(row[3])! <= problemAxes[0].high)
        }
        let branin = try TestFunctionRegistry.function(named: "branin")
        let grid = try String(contentsOf: base.appendingPathComponent("plots/s/branin-grid.dat"), encoding: .utf8)
        #expect(grid == SampleGrid.text(branin, axes: axes["branin"]!))
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("plots/s/rosenbrock-3d-grid.dat").path))
    }
}

@Suite struct ReportQuartilesTests {
    @Test func infiniteRegretsGiveNoNaN() {
        // GSL would give 0·∞ = NaN for the exact order statistic next to +∞.
        #expect(Quartiles.quantile(sorted: [1, 2, .infinity, .infinity, .infinity], 0.25) == 2)
        #expect(Quartiles.quantile(sorted: [1, 2, 3, .infinity, .infinity], 0.5) == 3)
        #expect(Quartiles.quantile(sorted: [1, .infinity], 0.5) == .infinity)
        #expect(Quartiles.quantile(sorted: [.infinity, .infinity], 0.3) == .infinity)
        for fraction in [0, 0.1, 0.25, 0.5, 0.75, 1.0] {
            #expect(Quartiles.quantile(sorted: [0.5, 1, 4, 9, 10], fraction) == Statistics.quantile(sorted: [0.5, 1, 4, 9, 10], fraction))
        }
    }
}

@Suite struct ReportLockTests {
    @Test func problemsThatAreNotTestFunctionsAreRead() throws {
        let base = ReportFixtures.temporaryFolder("report-lock")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try ReportFixtures.writeFolder(ReportFixtures.small(), base: base)
        let lockURL = folder.appendingPathComponent("manifest.lock.yaml")
        let lock = try String(contentsOf: lockURL, encoding: .utf8)
            .replacingOccurrences(of: "{label: square, function: square, dims: 1, noise: 0.0, optimum: 0.0, direction: minimize}",
                                  with: "{label: square, command: \"./train.sh\", direction: maximize}")
        try lock.write(to: lockURL, atomically: true, encoding: .utf8)
        // Collect gives such a problem no axes (no function to draw its samples over).
        let axesURL = folder.appendingPathComponent(SampleAxesTable.fileName)
        let axes = try String(contentsOf: axesURL, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("square,") }
        try (axes.joined(separator: "\n") + "\n").write(to: axesURL, atomically: true, encoding: .utf8)
        let results = try ResultsReader.read(folder)
        #expect(results.problems[0] == ResultSet.Problem(label: "square", functionKey: nil, dimension: nil, noise: 0, optimum: nil))
        // No axes: no sample picture for it, the rest unchanged.
        #expect(PlotCatalog.sampleProblems(results.info) == [1])
        #expect(Plotter.scripts(ResultsSummary(results), source: "r").count == Plotter.scripts(ResultsSummary(ReportFixtures.small()), source: "r").count - 1)
    }
}
