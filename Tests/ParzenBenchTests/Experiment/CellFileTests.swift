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
            TrialRow(id: 2, status: .ok, loss: .infinity, trueLoss: -.infinity, assignment: ["type": 1, "b": 0, "c": 10], message: "a,b"),
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
}
