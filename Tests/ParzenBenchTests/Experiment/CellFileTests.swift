import Foundation
import Parzen
import Testing
@testable import ParzenBench

@Suite struct CellFileTests {
    func cell() throws -> Cell {
        try Manifest(yaml: "name: c\nrepeats: 1\nbudget: 4\nproblems: [conditional]\nsuggesters: [random]\n", source: "c.yaml").cells[0]
    }

    @Test func roundTripKeepsEveryFieldIncludingAwkwardMessages() throws {
        let cell = try cell()
        let record = CellRecord(fingerprint: cell.fingerprint, rows: [
            TrialRow(id: 0, status: .ok, loss: 0.1 + 0.2, trueLoss: 1e-300, assignment: ["type": 0, "a": -4.999999999999999], message: nil),
            TrialRow(id: 1, status: .fail, loss: nil, trueLoss: nil, assignment: ["type": 1, "b": 2.5, "c": 3], message: "crashed, said \"no\""),
            TrialRow(id: 2, status: .ok, loss: .infinity, trueLoss: .infinity, assignment: ["type": 1, "b": 0, "c": 10], message: "a,b"),
            TrialRow(id: 3, status: .ok, loss: Double.leastNonzeroMagnitude, trueLoss: 1.7976931348623157e308, assignment: ["type": 0, "a": 0], message: nil),
        ], suggestSeconds: 0.25, evaluateSeconds: 1e-6)
        let text = String(decoding: CellFile.bytes(for: record, cell: cell), as: UTF8.self)
        let back = CellFile.read(Data(text.utf8), cell: cell)
        #expect(back == record)
    }

    @Test func truncatedCorruptAndStaleFilesAreRejected() throws {
        let cell = try cell()
        let record = CellRecord(fingerprint: cell.fingerprint, rows: [
            TrialRow(id: 0, status: .ok, loss: 1, trueLoss: 1, assignment: ["type": 0, "a": 1], message: nil),
            TrialRow(id: 1, status: .ok, loss: 2, trueLoss: 2, assignment: ["type": 0, "a": 2], message: nil),
        ], suggestSeconds: 0, evaluateSeconds: 0)
        let text = String(decoding: CellFile.bytes(for: record, cell: cell), as: UTF8.self)
        #expect(CellFile.read(Data(text.utf8), cell: cell) != nil)
        #expect(CellFile.read(Data(text.prefix(text.count - 20).utf8), cell: cell) == nil)
        #expect(CellFile.read(Data(text.replacingOccurrences(of: "0,ok,1.0", with: "0,ok,1.x").utf8), cell: cell) == nil)
        #expect(CellFile.read(Data(text.replacingOccurrences(of: "rows=2", with: "rows=3").utf8), cell: cell) == nil)
        #expect(CellFile.read(Data(text.replacingOccurrences(of: cell.fingerprint, with: "0000000000000000").utf8), cell: cell) == nil)
        #expect(CellFile.read(Data(), cell: cell) == nil)
    }

    @Test func failureMessagesWithLineBreaksKeepTheCellReadable() throws {
        let cell = try cell()
        let traceback = "Traceback (most recent call last):\n  File \"train.py\", line 3\r\nValueError: C:\\data\\x, bad\u{0}"
        let record = CellRecord(fingerprint: cell.fingerprint, rows: [
            TrialRow(id: 0, status: .fail, loss: nil, trueLoss: nil, assignment: ["type": 0, "a": 1], message: traceback),
            TrialRow(id: 1, status: .fail, loss: nil, trueLoss: nil, assignment: ["type": 0, "a": 2], message: "line one\nline two"),
            TrialRow(id: 2, status: .ok, loss: 2, trueLoss: 2, assignment: ["type": 0, "a": 2], message: nil),
        ], suggestSeconds: 0, evaluateSeconds: 0)
        let bytes = CellFile.bytes(for: record, cell: cell)
        #expect(bytes.filter { $0 == 0x0A }.count == 8, "one line per trial")
        #expect(CellFile.read(Data(bytes), cell: cell) == record)
    }

    @Test func anyMessageRoundTrips() throws {
        let cell = try cell()
        let messages = CSVTests.awkwardStrings(count: 400, seed: 3).filter { !$0.isEmpty }
        let record = CellRecord(fingerprint: cell.fingerprint, rows: messages.enumerated().map { index, message in
            TrialRow(id: index, status: .fail, loss: nil, trueLoss: nil, assignment: ["type": 1, "b": 1, "c": 2], message: message)
        }, suggestSeconds: 1, evaluateSeconds: 2)
        #expect(CellFile.read(Data(CellFile.bytes(for: record, cell: cell)), cell: cell) == record)
    }

    @Test func anEditedCellFileIsDetectedByItsChecksum() throws {
        let cell = try cell()
        let record = CellRecord(fingerprint: cell.fingerprint, rows: [
            TrialRow(id: 0, status: .ok, loss: 1, trueLoss: 1, assignment: ["type": 0, "a": 1], message: nil),
            TrialRow(id: 1, status: .ok, loss: 2, trueLoss: 2, assignment: ["type": 0, "a": 2], message: nil),
        ], suggestSeconds: 0.5, evaluateSeconds: 0.25)
        let text = String(decoding: CellFile.bytes(for: record, cell: cell), as: UTF8.self)
        #expect(text.hasPrefix("# parzen-cell 2\n"))
        #expect(CellFile.parse(Data(text.utf8), cell: cell) == .success(record))
        // A well-formed edit: another loss, another timing, a torn last line.
        #expect(CellFile.parse(Data(text.replacingOccurrences(of: "1,ok,2.0,2.0", with: "1,ok,-1000000000.0,-1000000000.0").utf8), cell: cell) == .failure(.checksum))
        #expect(CellFile.parse(Data(text.replacingOccurrences(of: "suggest_seconds=0.5", with: "suggest_seconds=0.6").utf8), cell: cell) == .failure(.checksum))
        #expect(CellFile.parse(Data(text.dropLast(1).utf8), cell: cell) == .failure(.truncated))
        #expect(CellFile.parse(Data(text.dropLast(5).utf8), cell: cell) == .failure(.truncated))
        #expect(CellFile.parse(Data(text.dropLast(30).utf8), cell: cell) == .failure(.truncated))
    }

    @Test func format3KeepsEachTrialsTimesAndFormat2IsStillRead() throws {
        let cell = try cell()
        var record = CellRecord(fingerprint: cell.fingerprint, rows: [
            TrialRow(id: 0, status: .ok, loss: 1, trueLoss: 1, assignment: ["type": 0, "a": 1], message: nil),
            TrialRow(id: 1, status: .fail, loss: nil, trueLoss: nil, assignment: ["type": 1, "b": -2, "c": 3], message: "a,\"b\""),
        ], suggestSeconds: 0.5, evaluateSeconds: 0.25,
            trialTimes: [TrialTime(suggestNanoseconds: 0, evaluateNanoseconds: 1_234), TrialTime(suggestNanoseconds: 9_000_000_001, evaluateNanoseconds: 7)])
        let text = String(decoding: CellFile.bytes(for: record, cell: cell), as: UTF8.self)
        #expect(text.hasPrefix("# parzen-cell 3\n"))
        #expect(text.contains("\ntrial,status,loss,true_loss,suggest_ns,evaluate_ns,type,a,b,c,message\n0,ok,1.0,1.0,0,1234,0.0,1.0,,,\n"))
        #expect(CellFile.parse(Data(text.utf8), cell: cell) == .success(record))
        #expect(CellFile.parse(Data(text.replacingOccurrences(of: ",9000000001,", with: ",9000000002,").utf8), cell: cell) == .failure(.checksum))
        // A negative time is impossible even under a right checksum.
        record.trialTimes![1].evaluateNanoseconds = -1
        guard case .failure(.impossible) = CellFile.parse(Data(CellFile.bytes(for: record, cell: cell)), cell: cell) else {
            Issue.record("a negative trial time was accepted"); return
        }
        // Without per-trial times a record is written, and read back, as format 2.
        record.trialTimes = nil
        let totals = CellFile.bytes(for: record, cell: cell)
        #expect(String(decoding: totals, as: UTF8.self).hasPrefix("# parzen-cell 2\n"))
        #expect(CellFile.parse(Data(totals), cell: cell) == .success(record))
    }

    /// Collect reads the replicates whose points it does not need without them: the same rows,
    /// times and verdicts, the assignments alone left empty.
    @Test func readingWithoutPointsKeepsTheRestAndTheVerdicts() throws {
        let cell = try Manifest(yaml: "name: c\nrepeats: 1\nbudget: 2\nproblems: [branin]\nsuggesters: [random]\n", source: "c.yaml").cells[0]
        let record = CellRecord(fingerprint: cell.fingerprint, rows: [
            TrialRow(id: 0, status: .ok, loss: 1.5, trueLoss: 1.5, assignment: ["x1": 0.25, "x2": 3], message: nil),
            TrialRow(id: 1, status: .fail, loss: nil, trueLoss: nil, assignment: ["x1": -1, "x2": 2], message: "no"),
        ], suggestSeconds: 0.5, evaluateSeconds: 0.25, trialTimes: [TrialTime(suggestNanoseconds: 3, evaluateNanoseconds: 4), TrialTime(suggestNanoseconds: 5, evaluateNanoseconds: 6)])
        var pointless = record
        for i in pointless.rows.indices { pointless.rows[i].assignment = Assignment() }
        let bytes = CellFile.bytes(for: record, cell: cell)
        #expect(CellFile.parse(Data(bytes), cell: cell, points: false) == .success(pointless))
        // A point that is not a number is refused alike (format 1 has no checksum to catch it first).
        let header = "# parzen-cell 1\n# fingerprint \(cell.fingerprint)\n# cell \(cell.name)\n" + CSV.row(["trial", "status", "loss", "true_loss"] + cell.problem.space.labels + ["message"]) + "\n"
        let bad = header + "0,ok,1.5,1.5,0.x,0,\n1,fail,,,1,1,a\n# end rows=2 suggest_seconds=0 evaluate_seconds=0\n"
        #expect(CellFile.parse(Data(bad.utf8), cell: cell) == .failure(.malformed("trial 0")))
        #expect(CellFile.parse(Data(bad.utf8), cell: cell, points: false) == .failure(.malformed("trial 0")))
        // Numbers in other spellings than the writer's are read alike too.
        let spelled = bad.replacingOccurrences(of: "0.x,0", with: "inf,1.").replacingOccurrences(of: "1,1,a", with: "-0x1p3,1e+2,a")
        let withPoints = try CellFile.parse(Data(spelled.utf8), cell: cell).get()
        #expect(withPoints.rows.map(\.assignment) == [["x1": .infinity, "x2": 1], ["x1": -8, "x2": 100]])
        var withoutPoints = withPoints
        for i in withoutPoints.rows.indices { withoutPoints.rows[i].assignment = Assignment() }
        #expect(CellFile.parse(Data(spelled.utf8), cell: cell, points: false) == .success(withoutPoints))
    }

    @Test func impossibleValuesAreRejectedEvenWithoutAChecksum() throws {
        // Format 1 files (no checksum) are still read, but a negative regret is refused.
        let cell = try Manifest(yaml: "name: c\nrepeats: 1\nbudget: 2\nproblems: [branin]\nsuggesters: [random]\n", source: "c.yaml").cells[0]
        let header = "# parzen-cell 1\n# fingerprint \(cell.fingerprint)\n# cell \(cell.name)\n" + CSV.row(["trial", "status", "loss", "true_loss"] + cell.problem.space.labels + ["message"]) + "\n"
        let good = header + "0,ok,1.5,1.5,0,0,\n1,fail,,,1,1,a\\nb\n# end rows=2 suggest_seconds=0 evaluate_seconds=0\n"
        let record = try CellFile.parse(Data(good.utf8), cell: cell).get()
        #expect(record.rows[1].message == "a\\nb", "format 1 text is read as written")
        let negative = good.replacingOccurrences(of: "0,ok,1.5,1.5", with: "0,ok,-1000000000,-1000000000")
        guard case .failure(.impossible) = CellFile.parse(Data(negative.utf8), cell: cell) else {
            Issue.record("a noise-free loss below branin's optimum was accepted"); return
        }
        let reordered = good.replacingOccurrences(of: "1,fail", with: "7,fail")
        guard case .failure(.impossible) = CellFile.parse(Data(reordered.utf8), cell: cell) else {
            Issue.record("trial numbers out of order were accepted"); return
        }
        let okWithoutLoss = good.replacingOccurrences(of: "0,ok,1.5,1.5", with: "0,ok,,")
        guard case .failure(.impossible) = CellFile.parse(Data(okWithoutLoss.utf8), cell: cell) else {
            Issue.record("an ok trial without a loss was accepted"); return
        }
    }

    @Test func collectSaysWhyACellFileIsUnusable() throws {
        let cell = try cell()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-cellfile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ResultStore(root: folder)
        let record = CellRecord(fingerprint: cell.fingerprint, rows: [
            TrialRow(id: 0, status: .ok, loss: 1, trueLoss: 1, assignment: ["type": 0, "a": 1], message: nil),
        ], suggestSeconds: 0, evaluateSeconds: 0)
        let pack = PackWriter(folder: store.cellsFolder, tag: "test")
        try pack.append(cell: cell, body: CellFile.bytes(for: record, cell: cell), extras: nil)
        #expect(store.load(cell) != nil)
        try store.editRecord(of: cell) { Array(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "0,ok,1.0", with: "0,ok,0.5").utf8) }
        #expect(store.load(cell) == nil)
        let why = try #require(store.failure(of: cell))
        #expect(why.contains(pack.path!) && why.contains("checksum") && why.contains("run the manifest again"))
    }
}
