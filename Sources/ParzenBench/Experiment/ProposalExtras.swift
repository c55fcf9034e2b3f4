import Foundation
import Parzen

/// A change of one of a suggester's proposal extras within a cell: the proposal of trial
/// `trial` gave `key` the value `value` (its text, `Value.description`), which differs from the
/// previous proposal's value of `key` or is its first one. For `cmaes`, a change of `cmaes_run`
/// is a restart of the evolution strategy. Changes are made inside ParzenBench (a cell's run,
/// its record), with the compiler's memberwise initialiser.
public struct ExtraChange: Sendable, Equatable {
    public var trial: Int
    public var key: String
    public var value: String
}

/// Follows the proposal extras of a cell's proposals (``Suggester/proposalExtras``) and keeps
/// their changes only: a run of thousands of trials with one restart keeps a handful of rows.
struct ExtrasRecorder {
    private var last: [String: String] = [:]
    private(set) var changes: [ExtraChange] = []

    /// Records the extras of trial `trial`'s proposal.
    ///
    /// - Complexity: O(1) when `extras` is empty (every suggester without extras), else O(keys).
    mutating func record(_ extras: OrderedRecord<Value>, trial: Int) {
        if extras.isEmpty { return }
        for (key, value) in extras {
            let text = value.description
            if last[key] != text {
                last[key] = text
                changes.append(ExtraChange(trial: trial, key: key, value: text))
            }
        }
    }
}

/// The extras of a cell: the part of its record after its cell file (``CellPackRecord``; in the
/// one-file-per-cell layout, the file rNNN.extras.csv beside it), present only for a cell whose
/// suggester reported proposal extras, so the cell files of every other suggester stay as they
/// are: a commented header with the cell's fingerprint, the CSV table
/// `trial,key,value` of the changes (``ExtraChange``) in trial order, and a closing line with the
/// row count. A file whose fingerprint differs or whose closing line disagrees is ignored.
enum ExtrasFile {
    static let magic = "# parzen-extras 1"
    static let header = ["trial", "key", "value"]

    /// The file's bytes; nil when the cell has no changes (no file).
    static func bytes(for record: CellRecord, cell: Cell) -> [UInt8]? {
        guard !record.extras.isEmpty else { return nil }
        var lines = [magic, "# fingerprint \(record.fingerprint)", CSV.row(header)]
        for change in record.extras { lines.append(CSV.row([String(change.trial), change.key, change.value])) }
        lines.append("# end rows=\(record.extras.count)")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The changes in a file; nil when it is stale, truncated or malformed.
    static func read(_ data: Data, cell: Cell) -> [ExtraChange]? {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 5, lines[0] == magic, lines[1] == "# fingerprint \(cell.fingerprint)",
              CSV.parse(lines[2]) == header, lines[lines.count - 1].isEmpty else { return nil }
        let end = lines[lines.count - 2]
        let rows = lines[3..<(lines.count - 2)]
        guard end == "# end rows=\(rows.count)" else { return nil }
        var changes: [ExtraChange] = []
        for line in rows {
            guard let fields = CSV.parse(line), fields.count == 3, let trial = Int(fields[0]) else { return nil }
            changes.append(ExtraChange(trial: trial, key: fields[1], value: fields[2]))
        }
        return changes
    }
}
