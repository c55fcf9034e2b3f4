import Foundation
import Parzen

/// One trial of a cell as stored: what the suggester proposed and what the objective returned.
public struct TrialRow: Sendable, Equatable {
    public var id: Int
    public var status: TrialStatus
    /// The loss the suggester saw (noisy when the problem is noisy); nil for a failed trial.
    public var loss: Double?
    /// The noise-free value at the same point; regret is computed on it.
    public var trueLoss: Double?
    /// The stored values of the active labels.
    public var assignment: Assignment
    public var message: String?
}

/// A finished cell: its trials plus the time spent suggesting and evaluating.
public struct CellRecord: Sendable, Equatable {
    public var fingerprint: String
    public var rows: [TrialRow]
    public var suggestSeconds: Double
    public var evaluateSeconds: Double

    /// Best-so-far after each checkpoint: the incumbent is the ok trial with the lowest loss
    /// (ties to the earliest); its loss and its noise-free value. nil before any ok trial.
    public func incumbents(at checkpoints: [Int]) -> [(loss: Double, trueLoss: Double)?] {
        var results: [(loss: Double, trueLoss: Double)?] = []
        var best: (loss: Double, trueLoss: Double)?
        var index = 0
        for checkpoint in checkpoints {
            while index < min(checkpoint, rows.count) {
                let row = rows[index]
                if row.status == .ok, let loss = row.loss, best == nil || loss < best!.loss {
                    best = (loss, row.trueLoss ?? loss)
                }
                index += 1
            }
            results.append(best)
        }
        return results
    }
}

/// The cell file: a commented header with the fingerprint, a CSV table of trials (one column per
/// label, empty where inactive), and a closing line with the row count and timings. A file whose
/// fingerprint differs, whose closing line is missing or whose row count disagrees is stale.
enum CellFile {
    static let magic = "# parzen-cell \(Cell.formatVersion)"

    static func text(for record: CellRecord, cell: Cell) -> String {
        let labels = cell.problem.space.labels
        var lines = [
            magic,
            "# fingerprint \(record.fingerprint)",
            "# cell \(cell.name); problem_seed \(cell.problemSeed); suggester_seed \(cell.suggesterSeed)",
            CSV.row(["trial", "status", "loss", "true_loss"] + labels + ["message"]),
        ]
        for row in record.rows {
            var fields = [String(row.id), row.status.rawValue, CSV.number(row.loss), CSV.number(row.trueLoss)]
            fields += labels.map { CSV.number(row.assignment[$0]) }
            fields.append(row.message ?? "")
            lines.append(CSV.row(fields))
        }
        lines.append("# end rows=\(record.rows.count) suggest_seconds=\(record.suggestSeconds) evaluate_seconds=\(record.evaluateSeconds)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a cell file; nil when it is stale (other fingerprint), truncated or corrupt.
    static func read(_ text: String, cell: Cell) -> CellRecord? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.count >= 5, lines[0] == magic, lines[1] == "# fingerprint \(cell.fingerprint)",
              let end = lines.last, end.hasPrefix("# end ") else { return nil }
        var endFields: [String: String] = [:]
        for part in end.dropFirst("# end ".count).split(separator: " ") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { endFields[String(pair[0])] = String(pair[1]) }
        }
        guard let expected = endFields["rows"].flatMap(Int.init),
              let suggest = endFields["suggest_seconds"].flatMap(Double.init),
              let evaluate = endFields["evaluate_seconds"].flatMap(Double.init) else { return nil }
        let labels = cell.problem.space.labels
        guard let header = CSV.parse(lines[3]), header == ["trial", "status", "loss", "true_loss"] + labels + ["message"] else { return nil }
        let body = lines[4..<(lines.count - 1)]
        guard body.count == expected else { return nil }
        var rows: [TrialRow] = []
        for line in body {
            guard let fields = CSV.parse(line), fields.count == header.count,
                  let id = Int(fields[0]), let status = TrialStatus(rawValue: fields[1]) else { return nil }
            var assignment = Assignment()
            for (offset, label) in labels.enumerated() where !fields[4 + offset].isEmpty {
                guard let value = Double(fields[4 + offset]) else { return nil }
                assignment[label] = value
            }
            let message = fields[fields.count - 1]
            rows.append(TrialRow(id: id, status: status, loss: Double(fields[2]), trueLoss: Double(fields[3]),
                                 assignment: assignment, message: message.isEmpty ? nil : message))
        }
        return CellRecord(fingerprint: cell.fingerprint, rows: rows, suggestSeconds: suggest, evaluateSeconds: evaluate)
    }
}
