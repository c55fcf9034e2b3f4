import Foundation
import Parzen
import PropertyBased
import Testing
@testable import ParzenBench

@Suite struct CellFileProperties {
    /// The one cell of a manifest with the conditional problem: rows have inactive (empty) columns.
    static let cell = try! Manifest(yaml: "name: c\nrepeats: 1\nbudget: 4\nproblems: [conditional]\nsuggesters: [random]\n", source: "c.yaml").cells[0]

    static let doubles: [Double] = [0, -0.0, 1, 0.1 + 0.2, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 2.5, 7, 1e20, .infinity]

    /// One trial from numbers: an ok trial (any loss, a noise-free loss at or above the optimum
    /// 0) or a failed one (no losses), a branch of the conditional space, a message or none.
    static func row(_ id: Int, _ n: [Int], _ message: String) -> TrialRow {
        func pick(_ i: Int) -> Double { doubles[n[i] % doubles.count] }
        let ok = n[0] % 3 != 0
        let sign: Double = n[1] % 2 == 0 ? 1 : -1
        let assignment: Assignment = n[2] % 2 == 0
            ? ["type": 0, "a": sign * min(5, pick(3))]
            : ["type": 1, "b": -min(5, pick(4)), "c": Double(n[5] % 11)]
        return TrialRow(id: id, status: ok ? .ok : .fail, loss: ok ? sign * pick(1) : nil, trueLoss: ok ? pick(2) : nil,
                        assignment: assignment, message: message.isEmpty || (ok && n[6] % 2 == 0) ? nil : message)
    }

    static let rows = zip(Gen.int(in: 0...1000).array(of: 7), TextPieces.strings).array(of: 0...12)

    /// Per-trial times from numbers (nil, as format 2 records have none, when `n[0]` is odd):
    /// zero, small and large nanosecond counts.
    static func times(_ count: Int, _ n: [Int]) -> [TrialTime]? {
        guard n[0] % 2 == 0 else { return nil }
        let values: [Int64] = [0, 1, 999, 1_000_000_007, Int64(n[1]) * 1_000_003, .max]
        return (0..<count).map { TrialTime(suggestNanoseconds: values[(n[2] + $0) % values.count], evaluateNanoseconds: values[(n[3] + 2 * $0) % values.count]) }
    }

    /// Any record of the cell written as a cell file reads back equal, with per-trial times
    /// (format 3) or without (format 2).
    @Test func writtenRecordReadsBackEqual() async {
        await propertyCheck(count: 300, input: Self.rows, Gen.double(in: 0...1000), Gen.int(in: 0...1000).array(of: 4)) { specs, seconds, n in
            let rows = specs.enumerated().map { Self.row($0.offset, $0.element.0, $0.element.1) }
            let record = CellRecord(fingerprint: Self.cell.fingerprint, rows: rows, suggestSeconds: seconds, evaluateSeconds: seconds / 3,
                                    trialTimes: Self.times(rows.count, n))
            let bytes = CellFile.bytes(for: record, cell: Self.cell)
            let back = CellFile.parse(Data(bytes), cell: Self.cell)
            #expect((try? back.get()) == record, "\(back)\n\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// Changing any one byte of a written file is never read as another record: the file is
    /// rejected or (an edit the format cannot see) reads as the same record.
    @Test func oneChangedByteIsRejected() async {
        await propertyCheck(count: 300, input: Self.rows, Gen.int(in: 0...100_000), Gen.uint8(in: 1...255), Gen.int(in: 0...1000).array(of: 4)) { specs, position, delta, n in
            let rows = specs.enumerated().map { Self.row($0.offset, $0.element.0, $0.element.1) }
            let record = CellRecord(fingerprint: Self.cell.fingerprint, rows: rows, suggestSeconds: 1, evaluateSeconds: 2,
                                    trialTimes: Self.times(rows.count, n))
            var bytes = CellFile.bytes(for: record, cell: Self.cell)
            bytes[position % bytes.count] &+= delta
            if case .success(let other) = CellFile.parse(Data(bytes), cell: Self.cell) {
                #expect(other == record, "an edited file read as another record:\n\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
}

@Suite struct CellFileRegressions {
    /// Found by the FuzzCellFile target: invalid UTF-8 in the closing line made the reader look
    /// for the checksum at an offset past the file's end (a crash, not a rejection).
    @Test func invalidUTF8InTheClosingLineIsRejected() throws {
        let cell = CellFileProperties.cell
        let record = CellRecord(fingerprint: cell.fingerprint, rows: [
            TrialRow(id: 0, status: .ok, loss: 1, trueLoss: 1, assignment: ["type": 0, "a": 1], message: nil),
        ], suggestSeconds: 0.5, evaluateSeconds: 0.25)
        var bytes = CellFile.bytes(for: record, cell: cell)
        let end = bytes.lastIndex(of: UInt8(ascii: "#"))!
        bytes.insert(contentsOf: [UInt8](repeating: 0xC4, count: 40), at: end + 20)
        #expect(CellFile.read(Data(bytes), cell: cell) == nil)
    }

    /// A later file whose first line was edited to say format 1 is rejected, not read with its
    /// escaped text left escaped (format 1 has no checksum that would catch the edit).
    @Test func aLaterFileEditedToSayFormatOneIsRejected() {
        let cell = CellFileProperties.cell
        let record = CellRecord(fingerprint: cell.fingerprint, rows: [
            TrialRow(id: 0, status: .fail, loss: nil, trueLoss: nil, assignment: ["type": 0, "a": 1], message: "a\r\nb"),
        ], suggestSeconds: 0.5, evaluateSeconds: 0.25)
        var bytes = CellFile.bytes(for: record, cell: cell)
        #expect(CellFile.read(Data(bytes), cell: cell) == record)
        bytes[14] = UInt8(ascii: "1")
        #expect(String(decoding: bytes.prefix(15), as: UTF8.self) == CellFile.legacyMagic)
        #expect(CellFile.read(Data(bytes), cell: cell) == nil)
    }

    /// A combining mark after a comma is still a field separator (byte-wise splitting).
    @Test func combiningMarkAfterAComma() {
        #expect(CSV.parse("a,\u{301}") == ["a", "\u{301}"])
        #expect(CSV.parse(CSV.row(["x", "\u{301}y", ""])) == ["x", "\u{301}y", ""])
    }
}
