// libFuzzer target: the cell-file reader (`CellFile.read`), against the cell of a fixed
// manifest (a conditional problem, so rows have empty, inactive columns).
//
// Each input is read twice: as it is, and with the checksum of its closing line replaced by the
// right one (when it has ` checksum=`), so that mutations reach the rows behind the checksum.
// Oracle beyond "no crash": a file that reads is written back (`CellFile.bytes`), and that text
// reads again and writes the same bytes.
import Foundation
@testable import ParzenBench

/// The manifest whose one cell the corpus files belong to (their fingerprint is this cell's).
let manifest = """
    name: fuzz
    seed: 1
    repeats: 1
    budget: 4
    problems: [conditional]
    suggesters: [random]

    """
let cell = try! Manifest(yaml: manifest, source: "fuzz.yaml").cells[0]

/// `bytes` with the checksum after its last ` checksum=` set right; nil without one.
func withRightChecksum(_ bytes: [UInt8]) -> [UInt8]? {
    let marker = Array(" checksum=".utf8)
    guard bytes.count >= marker.count,
          let at = (0...(bytes.count - marker.count)).last(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }) else { return nil }
    return Array(bytes[..<at]) + Array(" checksum=\(CellFile.checksum(bytes[..<at]))\n".utf8)
}

/// Reads `bytes`; when they read, checks that writing is a fixed point after one round.
func check(_ bytes: [UInt8]) {
    guard case .success(let record) = CellFile.parse(Data(bytes), cell: cell) else { return }
    let written = CellFile.bytes(for: record, cell: cell)
    guard case .success(let again) = CellFile.parse(Data(written), cell: cell) else {
        fatalError("a written cell file does not read back: \(String(decoding: written, as: UTF8.self).debugDescription)")
    }
    let rewritten = CellFile.bytes(for: again, cell: cell)
    guard rewritten == written else {
        fatalError("a cell file changes on a second round: \(String(decoding: written, as: UTF8.self).debugDescription) then \(String(decoding: rewritten, as: UTF8.self).debugDescription)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCellFile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    check(bytes)
    if let fixed = withRightChecksum(bytes) { check(fixed) }
    return 0
}
