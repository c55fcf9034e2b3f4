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
    /// The changes of the suggester's proposal extras over the trials (empty for suggesters
    /// without extras); stored beside the cell file (``ExtrasFile``), not in it.
    public var extras: [ExtraChange] = []

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

    /// The file's bytes.
    ///
    /// - Complexity: O(rows × labels), dominated by printing the numbers' shortest round-trip
    ///   digits; every cell of a run is written this way.
    static func bytes(for record: CellRecord, cell: Cell) -> [UInt8] {
        let labels = cell.problem.space.labels
        // Numbers repeat (true_loss is loss on noiseless problems, a grid's coordinates recur,
        // choices are small integers): a remembered one is copied, not printed again.
        var out = ByteWriter(capacity: 256 + record.rows.count * (8 + 24 * (2 + labels.count)), rememberingNumbers: true)
        out.write(magic + "\n")
        out.write("# fingerprint \(record.fingerprint)\n")
        out.write("# cell \(cell.name); problem_seed \(cell.problemSeed); suggester_seed \(cell.suggesterSeed)\n")
        out.write(CSV.row(["trial", "status", "loss", "true_loss"] + labels + ["message"]) + "\n")
        let comma = UInt8(ascii: ",")
        for row in record.rows {
            out.write(row.id)
            out.write(byte: comma)
            out.write(row.status.rawValue)
            out.write(byte: comma)
            out.write(number: row.loss)
            out.write(byte: comma)
            out.write(number: row.trueLoss)
            var cursor = 0
            for label in labels {
                out.write(byte: comma)
                out.write(number: row.assignment.value(of: label, cursor: &cursor))
            }
            out.write(byte: comma)
            if let message = row.message { out.write(CSV.field(message)) }
            out.write(byte: UInt8(ascii: "\n"))
        }
        out.write("# end rows=\(record.rows.count) suggest_seconds=\(record.suggestSeconds) evaluate_seconds=\(record.evaluateSeconds)\n")
        return out.bytes
    }

    /// Reads a cell file; nil when it is stale (other fingerprint), truncated or corrupt.
    ///
    /// Parses the bytes in place (numbers with `strtod`), since collect reads every cell of a
    /// manifest: about 1 µs per trial row.
    static func read(_ data: Data, cell: Cell) -> CellRecord? {
        var bytes = [UInt8](data)
        bytes.append(0)  // strtod stops at the terminator at the latest
        return bytes.withUnsafeBufferPointer { buffer -> CellRecord? in
            let count = buffer.count - 1
            var lines: [Range<Int>] = []
            var start = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                lines.append(start..<index)
                start = index + 1
            }
            if start < count { lines.append(start..<count) }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
            guard lines.count >= 5, text(lines[0]) == magic, text(lines[1]) == "# fingerprint \(cell.fingerprint)" else { return nil }
            let end = text(lines[lines.count - 1])
            guard end.hasPrefix("# end ") else { return nil }
            var endFields: [String: String] = [:]
            for part in end.dropFirst("# end ".count).split(separator: " ") {
                let pair = part.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { endFields[String(pair[0])] = String(pair[1]) }
            }
            guard let expected = endFields["rows"].flatMap(Int.init),
                  let suggest = endFields["suggest_seconds"].flatMap(Double.init),
                  let evaluate = endFields["evaluate_seconds"].flatMap(Double.init) else { return nil }
            let labels = cell.problem.space.labels
            let columns = 5 + labels.count
            guard let header = CSV.parse(text(lines[3])), header == ["trial", "status", "loss", "true_loss"] + labels + ["message"],
                  lines.count - 5 == expected else { return nil }

            /// The number in `range` (nil when empty); `.none` marks a malformed field.
            func number(_ range: Range<Int>) -> Double?? {
                if range.isEmpty { return .some(nil) }
                let base = buffer.baseAddress!
                var stop: UnsafeMutablePointer<CChar>?
                let value = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    strtod(chars + range.lowerBound, &stop)
                }
                let consumed = stop.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? -1
                return consumed == range.upperBound ? .some(value) : .none
            }

            var rows: [TrialRow] = []
            rows.reserveCapacity(expected)
            for line in lines[4..<(lines.count - 1)] {
                var fields: [Range<Int>] = []
                fields.reserveCapacity(columns)
                var quoted = false
                var fieldStart = line.lowerBound
                for index in line where buffer[index] == UInt8(ascii: ",") || buffer[index] == UInt8(ascii: "\"") {
                    if buffer[index] == UInt8(ascii: "\"") { quoted = true; break }
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                var message: String?
                if quoted {
                    // Only the message column is ever quoted (it may hold commas and quotes).
                    guard let parsed = CSV.parse(text(line)), parsed.count == columns else { return nil }
                    fields.removeAll()
                    var offset = line.lowerBound
                    for field in parsed.dropLast() {
                        fields.append(offset..<(offset + field.utf8.count))
                        offset += field.utf8.count + 1
                    }
                    message = parsed[parsed.count - 1]
                } else {
                    fields.append(fieldStart..<line.upperBound)
                    guard fields.count == columns else { return nil }
                    let last = fields[columns - 1]
                    message = last.isEmpty ? nil : text(last)
                }
                guard let id = Int(text(fields[0])), let status = TrialStatus(rawValue: text(fields[1])),
                      let loss = number(fields[2]), let trueLoss = number(fields[3]) else { return nil }
                var assignment = Assignment()
                for (offset, label) in labels.enumerated() {
                    guard let value = number(fields[4 + offset]) else { return nil }
                    if let value { assignment[label] = value }
                }
                rows.append(TrialRow(id: id, status: status, loss: loss, trueLoss: trueLoss, assignment: assignment,
                                     message: message?.isEmpty == true ? nil : message))
            }
            return CellRecord(fingerprint: cell.fingerprint, rows: rows, suggestSeconds: suggest, evaluateSeconds: evaluate)
        }
    }
}
