import Foundation

/// results/NAME/failures.csv: the cells whose run failed, with the failure message, so the report
/// can list them and leave their (problem, suggester) groups out of the statistics.
///
/// Columns, in this order: `problem,suggester,replicate,message`; rows in cell order. Written only
/// when some cell failed (and a stale file is removed otherwise).
public enum FailuresTable {
    public static let fileName = "failures.csv"
    public static let header = ["problem", "suggester", "replicate", "message"]

    /// One failed cell.
    public struct Row: Sendable, Equatable {
        public var problem: String
        public var suggester: String
        public var replicate: Int
        public var message: String
    }

    /// The text of failures.csv (line breaks in a message become spaces: the file is read line by line).
    public static func text(_ rows: [Row]) -> String {
        CSV.text(header: header, rows: rows.map { row in
            [row.problem, row.suggester, String(row.replicate), row.message.split(whereSeparator: \.isNewline).joined(separator: " ")]
        })
    }

    /// Writes failures.csv, or removes it when no cell failed.
    static func write(_ rows: [Row], to store: ResultStore) throws {
        try store.writeOptionalTable(rows.isEmpty ? nil : text(rows), named: fileName)
    }

    /// The rows of a failures.csv text.
    ///
    /// - Throws: ``AnalysisError`` naming `file` and the line of a malformed row.
    public static func rows(_ text: String, file: String) throws(AnalysisError) -> [Row] {
        try ResultsReader.rows(text, file: file, header: header).map { (line, fields) throws(AnalysisError) -> Row in
            guard let replicate = Int(fields[2]) else {
                throw AnalysisError(file: file, line: line, message: "bad replicate '\(fields[2])'")
            }
            return Row(problem: fields[0], suggester: fields[1], replicate: replicate, message: fields[3])
        }
    }
}
