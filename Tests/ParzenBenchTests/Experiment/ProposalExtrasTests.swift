import Foundation
import Parzen
import Testing
@testable import ParzenBench

/// Proposal extras from a run to the report: the extras file beside a cell, extras.csv, and the
/// report's section; suggesters without extras leave no trace.
@Suite struct ProposalExtrasTests {
    static let manifestText = """
        name: x
        seed: 3
        repeats: 2
        budget: 1500
        problems: [branin]
        suggesters:
          - random
          - {label: ipop, algorithm: cmaes, options: {restart_strategy: ipop}}
        """

    func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-extras-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func recorderKeepsChangesOnly() {
        var recorder = ExtrasRecorder()
        recorder.record([:], trial: 0)
        recorder.record(["run": 0, "size": 6], trial: 1)
        recorder.record(["run": 0, "size": 6], trial: 2)
        recorder.record(["run": 1, "size": 12], trial: 3)
        recorder.record(["run": 1, "size": 12, "note": "a, \"b\""], trial: 4)
        #expect(recorder.changes == [
            ExtraChange(trial: 1, key: "run", value: "0"), ExtraChange(trial: 1, key: "size", value: "6"),
            ExtraChange(trial: 3, key: "run", value: "1"), ExtraChange(trial: 3, key: "size", value: "12"),
            ExtraChange(trial: 4, key: "note", value: Value.string("a, \"b\"").description),
        ])
    }

    @Test func extrasFileRoundTripsAndRejectsStaleOrTruncatedFiles() throws {
        let cell = try Manifest(yaml: Self.manifestText, source: "x.yaml").cells[2]
        var record = CellRecord(fingerprint: cell.fingerprint, rows: [], suggestSeconds: 0, evaluateSeconds: 0)
        #expect(ExtrasFile.bytes(for: record, cell: cell) == nil)
        record.extras = [ExtraChange(trial: 0, key: "cmaes_run", value: "0"), ExtraChange(trial: 7, key: "k,\"q\"", value: "x, y")]
        let bytes = try #require(ExtrasFile.bytes(for: record, cell: cell))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(ExtrasFile.read(Data(bytes), cell: cell) == record.extras)
        #expect(ExtrasFile.read(Data(text.replacingOccurrences(of: "rows=2", with: "rows=3").utf8), cell: cell) == nil)
        #expect(ExtrasFile.read(Data(text.prefix(text.count - 12).utf8), cell: cell) == nil)
        #expect(ExtrasFile.read(Data(text.replacingOccurrences(of: cell.fingerprint, with: "0000000000000000").utf8), cell: cell) == nil)
    }

    @Test func restartsReachExtrasCSVAndTheReport() throws {
        let manifest = try Manifest(yaml: Self.manifestText, source: "x.yaml")
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ResultStore(manifestName: manifest.name, base: folder)
        _ = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1)).run(cancellation: Cancellation())
        try Collector(manifest: manifest, store: store).collect()
        // random has no extras: its records hold none.
        let cells = store.cells()
        for cell in manifest.cells {
            #expect(cells.load(cell)?.extras.isEmpty == (cell.suggester.label != "ipop"))
        }
        let rows = try ExtrasTable.rows(String(contentsOf: store.root.appendingPathComponent(ExtrasTable.fileName), encoding: .utf8), file: "extras.csv")
        #expect(rows.allSatisfy { $0.suggester == "ipop" && $0.problem == "branin" })
        // Branin's 2-D IPOP runs restart within 1,500 evaluations, each at a larger population.
        let restarts = rows.filter { $0.replicate == 0 && $0.key == "cmaes_run" }
        #expect(restarts.first?.trial == 0 && restarts.first?.value == "0")
        #expect(restarts.count >= 2 && restarts.map(\.value) == restarts.indices.map(String.init))
        let results = try Analysis.report(resultsFolder: store.root, plotsFolder: folder)
        #expect(results.extras == rows)
        let report = try String(contentsOf: store.root.appendingPathComponent(ReportMarkdown.fileName), encoding: .utf8)
        let line = "| branin | ipop | cmaes\\_run | 2 of 2 |"
        #expect(report.contains(line))
        #expect(report.contains("\(restarts[1].trial) (1)"))
    }

    @Test func noExtrasNoFileAndNoSection() throws {
        let manifest = try Manifest(yaml: "name: y\nseed: 1\nrepeats: 2\nbudget: 20\nproblems: [branin]\nsuggesters: [random, tpe]\n", source: "y.yaml")
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ResultStore(manifestName: manifest.name, base: folder)
        _ = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1)).run(cancellation: Cancellation())
        try Collector(manifest: manifest, store: store).collect()
        #expect(!FileManager.default.fileExists(atPath: store.root.appendingPathComponent(ExtrasTable.fileName).path))
        try Analysis.report(resultsFolder: store.root, plotsFolder: folder)
        let report = try String(contentsOf: store.root.appendingPathComponent(ReportMarkdown.fileName), encoding: .utf8)
        #expect(!report.contains("extras.csv") && !report.contains("Where proposal extras changed"))
    }
}
