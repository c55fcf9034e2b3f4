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

/// What one trial cost: the suggester's proposal and the objective's evaluation, in whole
/// nanoseconds (the clock's resolution). A planned point has no suggestion: 0.
public struct TrialTime: Sendable, Equatable {
    public var suggestNanoseconds: Int64
    public var evaluateNanoseconds: Int64
}

/// A finished cell: its trials plus the time spent suggesting and evaluating.
public struct CellRecord: Sendable, Equatable {
    public var fingerprint: String
    public var rows: [TrialRow]
    /// Totals over the run; the suggestion total includes setting the suggester up.
    public var suggestSeconds: Double
    public var evaluateSeconds: Double
    /// Each trial's times, one per row; nil for files of formats 1 and 2, which record totals only.
    public var trialTimes: [TrialTime]?
    /// The changes of the suggester's proposal extras over the trials (empty for suggesters
    /// without extras); stored after the cell file in the cell's record (``ExtrasFile``), not in it.
    public var extras: [ExtraChange] = []
}

/// The cell file: a commented header with the fingerprint, a CSV table of trials (one column per
/// label, empty where inactive; text escaped by ``CSV/escape(_:)``, so a trial is one line), and a
/// closing line with the row count, the timings and a checksum of every byte before it.
///
/// A file whose fingerprint differs is stale; one whose closing line is missing, whose row count or
/// checksum disagrees (an edit, a torn write), or that holds an impossible value (trial numbers out
/// of order, an ok trial without a loss, a noise-free loss below the problem's known optimum, so a
/// negative regret) is rejected with its reason (``CellFileProblem``) and its cell runs again.
/// Format 3 adds each trial's suggestion and evaluation time in whole nanoseconds (columns
/// `suggest_ns,evaluate_ns` after `true_loss`). Files of format 2 (no per-trial times) and
/// format 1 (no checksum, text not escaped, no per-trial times) are still read, with the same
/// value checks; a file that says format 1 but closes with a checksum is rejected. A record
/// without per-trial times is written as format 2.
enum CellFile {
    /// The format written for records with per-trial times: 3 (checksum, escaped text, times).
    static let magic = "# parzen-cell 3"
    /// Format 2: checksum and escaped text, totals only; written for records without per-trial times.
    static let totalsMagic = "# parzen-cell 2"
    /// Format 1, read only: no checksum, text written as it was.
    static let legacyMagic = "# parzen-cell 1"
    /// The per-trial time columns of format 3, after `true_loss`.
    static let timeColumns = ["suggest_ns", "evaluate_ns"]

    /// The header line's fields.
    static func header(labels: [String], times: Bool) -> [String] {
        ["trial", "status", "loss", "true_loss"] + (times ? timeColumns : []) + labels + ["message"]
    }

    /// `# fingerprint F`, with ` programs H` when the cell runs external programs
    /// (``Cell/programHash``).
    static func fingerprintLine(_ fingerprint: String, cell: Cell) -> String {
        cell.programHash.map { "# fingerprint \(fingerprint) programs \($0)" } ?? "# fingerprint \(fingerprint)"
    }

    /// The checksum of the bytes before the closing line's ` checksum=`: FNV-1a 64 with the
    /// SplitMix64 finaliser, 16 hex digits (``SeedDerivation/fingerprint(_:)``'s hash).
    static func checksum<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return SeedDerivation.fingerprint(hash: hash)
    }

    /// The file's bytes.
    ///
    /// - Complexity: O(rows × labels), dominated by printing the numbers' shortest round-trip
    ///   digits; every cell of a run is written this way.
    /// - Precondition: `record.trialTimes` is nil or has one entry per row.
    static func bytes(for record: CellRecord, cell: Cell) -> [UInt8] {
        let labels = cell.problem.space.labels
        let times = record.trialTimes
        precondition(times == nil || times!.count == record.rows.count, "one time per trial")
        // Numbers repeat (true_loss is loss on noiseless problems, a grid's coordinates recur,
        // choices are small integers): a remembered one is copied, not printed again.
        var out = ByteWriter(capacity: 256 + record.rows.count * (8 + 24 * (2 + labels.count)), rememberingNumbers: true)
        out.write((times == nil ? totalsMagic : magic) + "\n")
        out.write(fingerprintLine(record.fingerprint, cell: cell) + "\n")
        out.write("# cell \(cell.name); problem_seed \(cell.problemSeed); suggester_seed \(cell.suggesterSeed)\n")
        out.write(CSV.row(header(labels: labels, times: times != nil)) + "\n")
        let comma = UInt8(ascii: ",")
        for (index, row) in record.rows.enumerated() {
            out.write(row.id)
            out.write(byte: comma)
            out.write(row.status.rawValue)
            out.write(byte: comma)
            out.write(number: row.loss)
            out.write(byte: comma)
            out.write(number: row.trueLoss)
            if let time = times?[index] {
                out.write(byte: comma)
                out.write(Int(time.suggestNanoseconds))
                out.write(byte: comma)
                out.write(Int(time.evaluateNanoseconds))
            }
            var cursor = 0
            for label in labels {
                out.write(byte: comma)
                out.write(number: row.assignment.value(of: label, cursor: &cursor))
            }
            out.write(byte: comma)
            if let message = row.message { out.write(CSV.field(message)) }
            out.write(byte: UInt8(ascii: "\n"))
        }
        out.write("# end rows=\(record.rows.count) suggest_seconds=\(record.suggestSeconds) evaluate_seconds=\(record.evaluateSeconds)")
        var bytes = out.bytes
        bytes.append(contentsOf: " checksum=\(checksum(bytes))\n".utf8)
        return bytes
    }

    /// Reads a cell file; nil when it is stale (other fingerprint), truncated, corrupt or holds an
    /// impossible value (``parse(_:cell:points:)`` says which).
    static func read(_ data: Data, cell: Cell, points: Bool = true) -> CellRecord? {
        try? parse(data, cell: cell, points: points).get()
    }

    /// Reads a cell file, or says why it cannot be used.
    ///
    /// Parses the bytes in place (numbers with `strtod`), since collect reads every cell of a
    /// manifest: about 1 µs per trial row.
    ///
    /// - Parameter points: whether the rows get their assignments; without them every value is
    ///   still checked to be a number, so a file is accepted or rejected alike.
    static func parse(_ data: Data, cell: Cell, points: Bool = true) -> Result<CellRecord, CellFileProblem> {
        var bytes = [UInt8](data)
        bytes.append(0)  // strtod stops at the terminator at the latest
        return bytes.withUnsafeBufferPointer { buffer -> Result<CellRecord, CellFileProblem> in
            let count = buffer.count - 1
            var lines: [Range<Int>] = []
            var start = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                lines.append(start..<index)
                start = index + 1
            }
            if start < count { lines.append(start..<count) }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
            guard let first = lines.first else { return .failure(.truncated) }
            let legacy: Bool, timed: Bool
            switch text(first) {
            case magic: (legacy, timed) = (false, true)
            case totalsMagic: (legacy, timed) = (false, false)
            case legacyMagic: (legacy, timed) = (true, false)
            default: return .failure(.notACellFile)
            }
            guard lines.count >= 2 else { return .failure(.truncated) }
            guard text(lines[1]) == (legacy ? "# fingerprint \(cell.fingerprint)" : fingerprintLine(cell.fingerprint, cell: cell)) else {
                return .failure(.stale)
            }
            guard lines.count >= 5, start == count else { return .failure(.truncated) }
            var end = text(lines[lines.count - 1])
            guard end.hasPrefix("# end ") else { return .failure(.truncated) }
            if !legacy {
                // Found in the bytes: decoding the line replaces invalid UTF-8, so its offsets are not the file's.
                let last = lines[lines.count - 1], marker = Array(" checksum=".utf8)
                guard let covered = stride(from: last.upperBound - marker.count, through: last.lowerBound, by: -1).first(where: { at in
                    marker.indices.allSatisfy { buffer[at + $0] == marker[$0] }
                }) else { return .failure(.truncated) }
                let stored = text((covered + marker.count)..<last.upperBound)
                guard stored == checksum(UnsafeBufferPointer(rebasing: buffer[0..<covered])) else { return .failure(.checksum) }
                end = text(last.lowerBound..<covered)
            } else if end.contains(" checksum=") {
                // Format 1 never had a checksum: this is a later file whose first line was edited.
                return .failure(.malformed("closing line"))
            }
            var endFields: [String: String] = [:]
            for part in end.dropFirst("# end ".count).split(separator: " ") {
                let pair = part.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { endFields[String(pair[0])] = String(pair[1]) }
            }
            guard let expected = endFields["rows"].flatMap(Int.init),
                  let suggest = endFields["suggest_seconds"].flatMap(Double.init),
                  let evaluate = endFields["evaluate_seconds"].flatMap(Double.init) else { return .failure(.malformed("closing line")) }
            guard suggest >= 0, evaluate >= 0 else { return .failure(.impossible("negative time")) }
            let labels = cell.problem.space.labels
            let labelColumn = timed ? 6 : 4
            let columns = labelColumn + 1 + labels.count
            guard let header = CSV.parse(text(lines[3]), unescaping: !legacy), header == Self.header(labels: labels, times: timed) else {
                return .failure(.malformed("header"))
            }
            guard lines.count - 5 == expected else { return .failure(.truncated) }

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

            // A noise-free loss below the known optimum would give a negative regret.
            let floor = cell.problem.objective.knownOptimum(replicate: cell.replicate)
                .map { cell.problem.direction.loss(fromObjectiveValue: $0) }
                .map { $0 - 1e-6 * max(1, abs($0)) }
            var rows: [TrialRow] = []
            rows.reserveCapacity(expected)
            var times: [TrialTime]? = timed ? [] : nil
            times?.reserveCapacity(expected)
            /// Whether the bytes in `range` are a plain decimal, `-?D+(.D+)?(e[+-]?D+)?`, which
            /// `strtod` reads whole: a point that is not kept needs no value, only this check
            /// (anything else goes through ``number``, so a field is accepted or refused alike).
            func isPlainDecimal(_ range: Range<Int>) -> Bool {
                var i = range.lowerBound
                func digits() -> Bool {
                    let start = i
                    while i < range.upperBound && buffer[i] &- UInt8(ascii: "0") < 10 { i += 1 }
                    return i > start
                }
                if i < range.upperBound && buffer[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() else { return false }
                if i < range.upperBound && buffer[i] == UInt8(ascii: ".") {
                    i += 1
                    guard digits() else { return false }
                }
                if i < range.upperBound && buffer[i] == UInt8(ascii: "e") {
                    i += 1
                    if i < range.upperBound && (buffer[i] == UInt8(ascii: "-") || buffer[i] == UInt8(ascii: "+")) { i += 1 }
                    guard digits() else { return false }
                }
                return i == range.upperBound
            }

            /// The integer in `range` as `Int64(String)` reads it; digits alone are read in place.
            func integer(_ range: Range<Int>) -> Int64? {
                guard !range.isEmpty, range.count <= 18 else { return Int64(text(range)) }
                var value: Int64 = 0
                for i in range {
                    let digit = buffer[i] &- UInt8(ascii: "0")
                    guard digit < 10 else { return Int64(text(range)) }
                    value = value * 10 + Int64(digit)
                }
                return value
            }

            /// The status in `range`: `ok` is compared in place.
            func status(_ range: Range<Int>) -> TrialStatus? {
                if range.count == 2 && buffer[range.lowerBound] == UInt8(ascii: "o") && buffer[range.lowerBound + 1] == UInt8(ascii: "k") { return .ok }
                return TrialStatus(rawValue: text(range))
            }

            var fields: [Range<Int>] = []
            fields.reserveCapacity(columns)
            for (rowIndex, line) in lines[4..<(lines.count - 1)].enumerated() {
                fields.removeAll(keepingCapacity: true)
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
                    guard let parsed = CSV.parse(text(line), unescaping: false), parsed.count == columns else { return .failure(.malformed("trial \(rowIndex)")) }
                    fields.removeAll()
                    var offset = line.lowerBound
                    for field in parsed.dropLast() {
                        fields.append(offset..<(offset + field.utf8.count))
                        offset += field.utf8.count + 1
                    }
                    message = parsed[parsed.count - 1]
                } else {
                    fields.append(fieldStart..<line.upperBound)
                    guard fields.count == columns else { return .failure(.malformed("trial \(rowIndex)")) }
                    let last = fields[columns - 1]
                    message = last.isEmpty ? nil : text(last)
                }
                if !legacy { message = message.map(CSV.unescape) }
                // A noise-free loss written as the loss (every trial of a noiseless problem) is read once.
                let lossField = number(fields[2])
                let sameText = fields[2].count == fields[3].count && zip(fields[2], fields[3]).allSatisfy { buffer[$0] == buffer[$1] }
                guard let id = integer(fields[0]).map(Int.init), let status = status(fields[1]),
                      let loss = lossField, let trueLoss = sameText ? lossField : number(fields[3]) else { return .failure(.malformed("trial \(rowIndex)")) }
                guard id == rowIndex else { return .failure(.impossible("trial \(id) in row \(rowIndex)")) }
                if status == .ok {
                    guard let loss, !loss.isNaN else { return .failure(.impossible("trial \(id) is ok without a loss")) }
                    if let floor, let trueLoss, trueLoss < floor {
                        return .failure(.impossible("trial \(id)'s noise-free loss \(trueLoss) is below the known optimum (a negative regret)"))
                    }
                }
                if timed {
                    guard let suggest = integer(fields[4]), let evaluate = integer(fields[5]) else {
                        return .failure(.malformed("trial \(rowIndex)"))
                    }
                    guard suggest >= 0, evaluate >= 0 else { return .failure(.impossible("trial \(id)'s negative time")) }
                    times!.append(TrialTime(suggestNanoseconds: suggest, evaluateNanoseconds: evaluate))
                }
                var assignment = Assignment()
                for (offset, label) in labels.enumerated() {
                    let field = fields[labelColumn + offset]
                    if !points && isPlainDecimal(field) { continue }
                    guard let value = number(field) else { return .failure(.malformed("trial \(rowIndex)")) }
                    if points, let value { assignment[label] = value }
                }
                rows.append(TrialRow(id: id, status: status, loss: loss, trueLoss: trueLoss, assignment: assignment,
                                     message: message?.isEmpty == true ? nil : message))
            }
            return .success(CellRecord(fingerprint: cell.fingerprint, rows: rows, suggestSeconds: suggest, evaluateSeconds: evaluate,
                                       trialTimes: times))
        }
    }
}

/// Why a cell file cannot be used.
enum CellFileProblem: Error, Equatable, CustomStringConvertible {
    /// Another fingerprint: the manifest, the program or Parzen changed since it was written.
    case stale
    /// Not a cell file at all.
    case notACellFile
    /// Cut short (a torn write) or its row count disagrees.
    case truncated
    /// The checksum disagrees with the content: the file was edited or damaged.
    case checksum
    /// A line that does not parse.
    case malformed(String)
    /// A value no run can produce.
    case impossible(String)

    var description: String {
        switch self {
        case .stale: return "written for another fingerprint (stale)"
        case .notACellFile: return "not a cell file"
        case .truncated: return "truncated"
        case .checksum: return "its checksum does not match its content (edited or damaged)"
        case .malformed(let what): return "malformed \(what)"
        case .impossible(let what): return "impossible value: \(what)"
        }
    }
}
