import Foundation
@testable import ParzenBench

/// What tests do to a results folder's cells: read a cell's record body, remove its records (a
/// cell not run yet), overwrite bytes of its record (a damaged one).
extension ResultStore {
    /// The cell's record body (its cell file) as text; nil when it has no intact record.
    func cellText(_ cell: Cell) -> String? {
        cells().body(of: cell).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Removes every record of the cell (finished and failed) from the pack files.
    func removeRecords(of cell: Cell) throws {
        while let position = cells().recordPositions(of: cell).first {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: position.path))
            bytes.removeSubrange(position.offset..<(position.offset + position.length))
            try bytes.write(to: URL(fileURLWithPath: position.path))
        }
    }

    /// Replaces the cell's finished record with `transform` of its bytes, in place of the old ones.
    func editRecord(of cell: Cell, _ transform: ([UInt8]) -> [UInt8]) throws {
        guard let position = cells().recordPositions(of: cell).first else { return }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: position.path))
        let range = position.offset..<(position.offset + position.length)
        bytes.replaceSubrange(range, with: transform([UInt8](bytes[range])))
        try bytes.write(to: URL(fileURLWithPath: position.path))
    }

    /// Flips one byte in the middle of the cell's finished record: its checksum no longer agrees.
    func damageRecord(of cell: Cell) throws {
        try editRecord(of: cell) { record in
            var record = record
            record[record.count / 2] ^= 0x20
            return record
        }
    }
}

/// A record's text with its closing line replaced by one that matches its content: an edit that
/// the pack's checksum does not catch (the cell file's own checks still apply).
func resealed(_ record: String) -> [UInt8] {
    let content = Array(record.utf8).dropLast(CellPackRecord.closingLength)
    return Array(content) + CellPackRecord.closingPrefix + Array(CellFile.checksum(content).utf8) + [UInt8(ascii: "\n")]
}
