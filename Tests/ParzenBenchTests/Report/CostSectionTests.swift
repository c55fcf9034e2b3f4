import Foundation
import Testing
@testable import ParzenBench

/// report.md's `## Cost` with and without per-trial times, the growth exponent, and the
/// cost-growth picture.
@Suite struct CostSectionTests {
    /// Rows of one suggester whose median suggestion time is `scale`·n^`exponent` at each bin's middle.
    static func growthRows(_ suggester: String, scale: Double, exponent: Double, upTo last: Int) -> [CostGrowthTable.Row] {
        var bins: [Int: ClosedRange<Int>] = [:]
        for n in 1...last {
            let b = CostGrowth.indexBin(trial: n)
            bins[b] = min(bins[b]?.lowerBound ?? n, n)...max(bins[b]?.upperBound ?? n, n)
        }
        return bins.keys.sorted().map { b in
            let range = bins[b]!
            let row = CostGrowthTable.Row(suggester: suggester, firstTrial: range.lowerBound, lastTrial: range.upperBound, trials: 6,
                                          suggest: 0, suggestQ25: 0, suggestQ75: 0, evaluate: 1e-6)
            let t = scale * pow(row.trialIndex, exponent)
            return CostGrowthTable.Row(suggester: suggester, firstTrial: range.lowerBound, lastTrial: range.upperBound, trials: 6,
                                       suggest: t, suggestQ25: 0.9 * t, suggestQ75: 1.1 * t, evaluate: 1e-6)
        }
    }

    @Test func exponentIsTheSlopeOverTheLastTwoDoublings() throws {
        let linear = try #require(GrowthExponent.fit(Self.growthRows("tpe", scale: 1e-6, exponent: 1, upTo: 200)))
        #expect(abs(linear.exponent - 1) < 1e-9)
        #expect(linear.trials.upperBound == 200 && linear.trials.lowerBound == 46)
        let flat = try #require(GrowthExponent.fit(Self.growthRows("random", scale: 3e-6, exponent: 0, upTo: 200)))
        #expect(abs(flat.exponent) < 1e-9)
        // A start-up phase before the last two doublings does not count.
        var startUp = Self.growthRows("tpe", scale: 1e-5, exponent: 2, upTo: 200)
        for i in startUp.indices where startUp[i].lastTrial < 40 { startUp[i].suggest = 1e-7 }
        #expect(abs(try #require(GrowthExponent.fit(startUp)).exponent - 2) < 1e-9)
        #expect(GrowthExponent.fit(Array(Self.growthRows("x", scale: 1, exponent: 1, upTo: 2))) == nil)
    }

    @Test func reportShowsGrowthWhenPresentAndSaysWhenAbsent() throws {
        let base = ReportFixtures.temporaryFolder("cost-growth")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try ReportFixtures.writeFolder(ReportFixtures.small(), base: base)
        let cost = ["grid", "random", "tpe"].map {
            CostTable.Row(problem: "square", suggester: $0, runs: 6, trials: 20, suggest: 2e-6, suggestQ25: 1e-6, suggestQ75: 3e-6, evaluate: 1e-6)
        }
        try CostTable.text(cost).write(to: folder.appendingPathComponent(CostTable.fileName), atomically: true, encoding: .utf8)
        let totalsOnly = try Analysis.report(resultsFolder: folder)
        let untimed = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(untimed.contains("Per-trial times are absent"))
        #expect(CostGrowthPlot.script(totalsOnly.info, source: "results/fixture") == nil)

        let growth = Self.growthRows("random", scale: 2e-6, exponent: 0, upTo: 20) + Self.growthRows("tpe", scale: 1e-5, exponent: 1, upTo: 20)
        try CostGrowthTable.text(growth).write(to: folder.appendingPathComponent(CostGrowthTable.fileName), atomically: true, encoding: .utf8)
        let results = try Analysis.report(resultsFolder: folder)
        #expect(results.costGrowth == growth)
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("**Depends on the machine.**") && !report.contains("Per-trial times are absent"))
        #expect(report.contains("| random | 2 µs (n = 1) | 2 µs (n = 7) | 2 µs (n = 20) | -0.00 (5–20) |")
                || report.contains("| random | 2 µs (n = 1) | 2 µs (n = 7) | 2 µs (n = 20) | 0.00 (5–20) |"), "\(report)")
        #expect(report.contains("| tpe | 10 µs (n = 1) | 70 µs (n = 7) | 200 µs (n = 20) | 1.00 (5–20) |"), "\(report)")
        #expect(!report.contains("| grid | 2 µs (n ="), "a suggester without per-trial times has no growth row")
        #expect(report.contains("(plots/cost-growth.png)") || report.contains("cost-growth.png"))
        // Only the Cost section differs.
        #expect(report.components(separatedBy: "## Cost")[0] == untimed.components(separatedBy: "## Cost")[0])
        #expect(report.components(separatedBy: "## Files")[1] == untimed.components(separatedBy: "## Files")[1])

        let script = try #require(CostGrowthPlot.script(results.info, source: "results/fixture"))
        let data = try #require(script.files.first { $0.name == "cost-growth.dat" }).contents
        #expect(data.components(separatedBy: "# suggester ").count == 4, "one block per suggester")
        #expect(data.contains("# suggester 0: grid\nNaN NaN NaN NaN\n"))
        let gp = script.files[0].contents
        #expect(gp.contains("title 'tpe (b = 1.00)'") && gp.contains("set logscale xy 10"))
    }
}
