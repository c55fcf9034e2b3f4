import Foundation
import Testing
@testable import ParzenBench

/// The golden files of the report-section and picture registries: what each entry renders for
/// each of ``GoldenResults``, committed under Tests/Fixtures/Golden/.
///
/// To write them again after a deliberate change of a section or picture, run the golden tests
/// with `PARZEN_UPDATE_GOLDEN=1`:
///
///     PARZEN_UPDATE_GOLDEN=1 swift test --filter Golden
///
/// then read the diff (`git diff Tests/Fixtures/Golden`) before committing it. Without the
/// variable the tests compare and never write.
enum GoldenFile {
    /// Tests/Fixtures/Golden/.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/Golden")

    /// True when the tests write the golden files instead of comparing with them.
    static var updating: Bool { ProcessInfo.processInfo.environment["PARZEN_UPDATE_GOLDEN"] == "1" }

    /// The golden files' names in `kind` (a folder under Golden/), sorted.
    static func names(in kind: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(kind).path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Compares `text` with the golden file `kind/name` (or writes it when updating); a
    /// mismatch names the first differing line.
    static func check(_ text: String, kind: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(kind).appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(kind)/\(name): run PARZEN_UPDATE_GOLDEN=1 swift test --filter Golden", sourceLocation: sourceLocation)
            return
        }
        let golden = String(decoding: data, as: UTF8.self)
        guard golden != text else { return }
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
        let common = min(expected.count, actual.count)
        let line = (0..<common).first { expected[$0] != actual[$0] } ?? common
        let message = "\(kind)/\(name) differs from line \(line + 1): expected \(line < expected.count ? "«\(expected[line])»" : "the end"), "
            + "got \(line < actual.count ? "«\(actual[line])»" : "the end")"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// A result set on which every section applies and every picture draws, its runs known at
    /// the checkpoints only (no trace.csv): ``ReportFixtures/small()`` with the tables of
    /// ``withTables(_:)``.
    static func results() -> ResultsSummary { ResultsSummary(withTables(ReportFixtures.small())) }

    /// A result set on which every section applies and every picture draws, its runs known at
    /// every improvement (trace.csv): ``ReportFixtures/traced()`` with the tables of
    /// ``withTables(_:)``.
    static func tracedResults() -> ResultsSummary { ResultsSummary(withTables(ReportFixtures.traced())) }

    /// `results` (square, branin and rosenbrock-3d; grid, random and tpe; six replicates) with a
    /// failed cell, grid's runs on square stopped after 16 evaluations (at their final regrets),
    /// proposal extras and times (cost.csv, cost-growth.csv).
    static func withTables(_ results: ResultSet) -> ResultSet {
        var results = results
        results.failures = [FailuresTable.Row(problem: "rosenbrock-3d", suggester: "broken", replicate: 2,
                                              message: "objective exited with status 1: ValueError|nan")]
        results.leftOutSuggesters = ["broken"]
        results.shortRuns = (0..<6).map { r in
            let final = results.regrets[0][0][r].last!
            return ShortRunsTable.Row(problem: "square", suggester: "grid", replicate: r, evaluations: 16, best: final, regret: final)
        }
        results.extras = (0..<6).flatMap { r in
            [ExtrasTable.Row(problem: "branin", suggester: "tpe", replicate: r, trial: 0, key: "run", value: "0"),
             ExtrasTable.Row(problem: "branin", suggester: "tpe", replicate: r, trial: 0, key: "popsize", value: "6")]
                + (r % 2 == 0 ? [ExtrasTable.Row(problem: "branin", suggester: "tpe", replicate: r, trial: 7 + r, key: "run", value: "1")] : [])
        }
        results.cost = results.problems.flatMap { problem in
            results.suggesters.enumerated().map { s, suggester in
                let suggest = 2e-6 * Double(s + 1) * Double(problem.dimension ?? 1)
                return CostTable.Row(problem: problem.label, suggester: suggester.label, runs: 6, trials: 20,
                                     suggest: suggest, suggestQ25: 0.8 * suggest, suggestQ75: 1.3 * suggest, evaluate: 1e-6)
            }
        }
        results.costGrowth = CostSectionTests.growthRows("grid", scale: 1e-6, exponent: 0, upTo: 200)
            + CostSectionTests.growthRows("random", scale: 2e-6, exponent: 0, upTo: 200)
            + CostSectionTests.growthRows("tpe", scale: 1e-6, exponent: 1, upTo: 200)
        return results
    }
}
