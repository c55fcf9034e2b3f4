import Foundation
import GSLKit
import Testing
@testable import ParzenBench

/// The per-trial time aggregation behind cost-growth.csv: index bins, histogram quantiles, and
/// what collect writes with and without per-trial times.
@Suite struct CostGrowthTests {
    @Test func trialsFallInQuarterOctaveBins() {
        // ⌊4·log₂ n⌋: 1 → 0, 2 → 4, 3 → 6 (3⁴ = 81 ≥ 2⁶), 8 → 12, 9 → 12, 10 → 13 (10⁴ ≥ 2¹³), 16 → 16.
        #expect([1, 2, 3, 4, 5, 8, 9, 10, 16, 19, 20, 1000].map(CostGrowth.indexBin(trial:)) == [0, 4, 6, 8, 9, 12, 12, 13, 16, 16, 17, 39])
        // Every n lands where 2^(b/4) ≤ n < 2^((b+1)/4).
        for n in 1...5000 {
            let b = Double(CostGrowth.indexBin(trial: n))
            #expect(pow(2, b / 4) <= Double(n) * (1 + 1e-12) && Double(n) < pow(2, (b + 1) / 4), "\(n)")
        }
    }

    @Test func histogramQuantilesAreWithinABinOfTheExactOnes() {
        let rng = MersenneTwister(seed: 11)
        var histogram = TimeHistogram()
        var seconds: [Double] = []
        for _ in 0..<5000 {
            let ns = Int64(pow(10, 2 + 5 * rng.uniform()))  // 100 ns to 10 ms, log-uniform
            histogram.add(nanoseconds: ns)
            seconds.append(Double(ns) * 1e-9)
        }
        let sorted = Statistics.sorted(seconds)
        for fraction in [0.25, 0.5, 0.75, 0.9] {
            let exact = Statistics.quantile(sorted: sorted, fraction)
            #expect(abs(histogram.quantile(fraction) / exact - 1) < 0.06, "\(fraction)")
        }
        #expect(TimeHistogram().quantile(0.5).isNaN)
        var zeros = TimeHistogram()
        zeros.add(nanoseconds: 0)
        #expect(zeros.quantile(0.5) == 0)
    }

    @Test func memoryDependsOnTheLongestRunNotOnTheCells() throws {
        var growth = CostGrowth(suggesters: ["a", "b"])
        let record = CellRecord(fingerprint: "f", rows: [], suggestSeconds: 0, evaluateSeconds: 0,
                                trialTimes: (0..<20).map { TrialTime(suggestNanoseconds: Int64(1000 * ($0 + 1)), evaluateNanoseconds: 50) })
        growth.add(record, suggester: "a")
        let binsAfterOne = growth.bins.map(\.count)
        for _ in 0..<999 { growth.add(record, suggester: "a") }
        #expect(growth.bins.map(\.count) == binsAfterOne)
        #expect(binsAfterOne == [CostGrowth.indexBin(trial: 20) + 1, 0])
        let rows = CostGrowthTable.rows(growth)
        #expect(rows.map(\.trials).reduce(0, +) == 20_000)
        #expect(rows.first!.firstTrial == 1)
        #expect(rows.last!.lastTrial == 20)
        #expect(rows.allSatisfy { $0.suggester == "a" })
        // Trial n took n µs: each bin's median sits between its first and last trial's time.
        for row in rows {
            #expect(row.suggest >= Double(row.firstTrial) * 1e-6 * 0.94 && row.suggest <= Double(row.lastTrial) * 1e-6 * 1.06, "\(row)")
            #expect(abs(row.evaluate / 50e-9 - 1) < 0.06)
        }
        #expect(try CostGrowthTable.rows(CostGrowthTable.text(rows), file: "cost-growth.csv") == rows)
        // A record without per-trial times adds nothing.
        var untimed = CostGrowth(suggesters: ["a"])
        untimed.add(CellRecord(fingerprint: "f", rows: [], suggestSeconds: 1, evaluateSeconds: 1), suggester: "a")
        #expect(untimed.isEmpty)
    }

    @Test func malformedRowsAreNamed() {
        let text = CSV.row(CostGrowthTable.header) + "\nrandom,3,2,5,1e-6,1e-6,1e-6,1e-6\n"
        #expect(throws: AnalysisError.self) { try CostGrowthTable.rows(text, file: "cost-growth.csv") }
    }

    @Test func collectWritesCostGrowthFromFormat3CellsAndNoneFromFormat2() throws {
        let (manifest, store, _, base) = try TraceTests.runAndCollect("""
            name: growth
            seed: 3
            repeats: 3
            budget: 30
            problems: [square, branin]
            suggesters: [random, tpe]
            """, tag: "growth")
        defer { try? FileManager.default.removeItem(at: base) }
        let url = store.root.appendingPathComponent(CostGrowthTable.fileName)
        let rows = try CostGrowthTable.rows(String(contentsOf: url, encoding: .utf8), file: url.path)
        for suggester in ["random", "tpe"] {
            let mine = rows.filter { $0.suggester == suggester }
            // Every trial of the 2 problems × 3 runs, in bins that cover 1…30 in order.
            let total: Int = mine.map(\.trials).reduce(0, +)
            #expect(total == 180)
            #expect(mine.first?.firstTrial == 1)
            #expect(mine.last?.lastTrial == 30)
            let contiguous = zip(mine, mine.dropFirst()).allSatisfy { (a: CostGrowthTable.Row, b: CostGrowthTable.Row) -> Bool in a.lastTrial + 1 == b.firstTrial }
            #expect(contiguous)
        }
        // The same cells rewritten without per-trial times (format 2): no cost-growth.csv.
        let archive = store.cells()
        var rewritten: [(cell: Cell, body: [UInt8], extras: [UInt8]?)] = []
        for cell in manifest.cells {
            var record = try #require(archive.load(cell))
            #expect(record.trialTimes?.count == record.rows.count)
            record.trialTimes = nil
            rewritten.append((cell, CellFile.bytes(for: record, cell: cell), ExtrasFile.bytes(for: record, cell: cell)))
        }
        try store.removeCells()
        let pack = PackWriter(folder: store.cellsFolder, tag: "format2")
        for entry in rewritten { try pack.append(cell: entry.cell, body: entry.body, extras: entry.extras) }
        let runs = try Data(contentsOf: store.root.appendingPathComponent("runs.csv"))
        try Collector(manifest: manifest, store: store).collect()
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try Data(contentsOf: store.root.appendingPathComponent("runs.csv")) == runs)
        let results = try Analysis.report(resultsFolder: store.root)
        #expect(results.costGrowth == nil)
        let report = try String(contentsOf: store.root.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("Per-trial times are absent"))
    }
}
