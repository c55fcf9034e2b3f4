import Foundation

/// Reads the rows of a CSV file one at a time through a fixed-size buffer, so a table of any
/// length is read in bounded memory. Lines end in `\n`; the last line may lack it.
final class CSVRowReader {
    /// The file's path, for errors.
    let file: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The 1-based number of the line last returned (0 before the first).
    private(set) var lineNumber = 0
    /// Bytes read from the file at a time.
    private let chunk: Int

    /// Opens `url` and checks its first line against `header`.
    ///
    /// - Parameter chunk: the bytes read at a time (a line may be longer).
    /// - Throws: ``AnalysisError`` when the file cannot be read or its first line is not `header`.
    init(_ url: URL, header: [String], chunk: Int = 1 << 20) throws(AnalysisError) {
        precondition(chunk > 0, "CSVRowReader: chunk must be positive")
        file = url.path
        self.chunk = chunk
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw AnalysisError(file: url.path, message: "cannot read it; is this a results folder written by `parzen run` or `parzen collect`?")
        }
        self.handle = handle
        guard let first = try nextLineBytes(), Self.fields(first) == header else {
            throw AnalysisError(file: file, line: 1, message: "expected the header \(header.joined(separator: ","))")
        }
    }

    deinit { try? handle.close() }

    /// The bytes of the next line without its newline, nil at the end of the file; valid until
    /// the next read.
    private func nextLineBytes() throws(AnalysisError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let data: Data?
            do { data = try handle.read(upToCount: chunk) } catch {
                throw AnalysisError(file: file, line: lineNumber + 1, message: "cannot read it: \(error.localizedDescription)")
            }
            if let data, !data.isEmpty { buffer.append(contentsOf: data) } else { atEnd = true }
        }
    }

    /// The next row as (line number, fields), nil at the end of the file.
    ///
    /// - Throws: ``AnalysisError`` naming the line when it is not `count` CSV fields.
    func nextRow(fields count: Int) throws(AnalysisError) -> (line: Int, fields: [String])? {
        guard let line = try nextLineBytes() else { return nil }
        guard let fields = Self.fields(line), fields.count == count else {
            throw AnalysisError(file: file, line: lineNumber, message: "expected \(count) fields")
        }
        return (lineNumber, fields)
    }
}

extension CSVRowReader {
    /// The fields of one line as ``CSV/parse(_:unescaping:)`` reads them: a line of ASCII
    /// without quotes or backslashes is split at its commas in place, any other line goes
    /// through `CSV.parse`.
    ///
    /// - Complexity: O(bytes of the line).
    static func fields(_ line: ArraySlice<UInt8>) -> [String]? {
        var fields: [String] = []
        var start = line.startIndex
        for index in line.indices {
            let byte = line[index]
            if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: line[start..<index], as: UTF8.self))
                start = index + 1
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x80 {
                return CSV.parse(String(decoding: line, as: UTF8.self))
            }
        }
        fields.append(String(decoding: line[start...], as: UTF8.self))
        return fields
    }
}

/// The rows of a table whose first column is a problem label, handed out one problem at a time
/// in the lock's problem order (runs.csv, trace.csv).
final class ProblemRows {
    let reader: CSVRowReader
    private let problems: [String: Int]
    /// A row read ahead: the first of a later problem.
    private var pending: (line: Int, fields: [String], problem: Int)?

    init(_ reader: CSVRowReader, problems: [String: Int]) {
        self.reader = reader
        self.problems = problems
    }

    /// The next row of problem `p`, nil when the next row belongs to a later problem or the file
    /// ends.
    ///
    /// - Throws: ``AnalysisError`` naming the line of a malformed row, of a problem not in the
    ///   lock, or of a problem whose rows came before (the rows must follow the lock's order).
    func next(problem p: Int, fields count: Int) throws(AnalysisError) -> (line: Int, fields: [String])? {
        if pending == nil {
            guard let (line, fields) = try reader.nextRow(fields: count) else { return nil }
            guard let q = problems[fields[0]] else {
                throw AnalysisError(file: reader.file, line: line, message: "problem '\(fields[0])' is not in manifest.lock.yaml")
            }
            pending = (line, fields, q)
        }
        guard let row = pending, row.problem <= p else { return nil }
        guard row.problem == p else {
            throw AnalysisError(file: reader.file, line: row.line,
                                message: "problem '\(row.fields[0])' after the rows of a later problem; the rows follow the problem order of manifest.lock.yaml, as `parzen collect` writes them")
        }
        pending = nil
        return (row.line, row.fields)
    }
}
