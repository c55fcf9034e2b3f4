import Foundation
import GSLKit

/// results/NAME/extras.csv: where the suggesters' proposal extras changed within each run, for
/// the report's section on them (for `cmaes` with restarts, where each restart happened).
///
/// Columns, in this order: `problem,suggester,replicate,trial,key,value`, one row per
/// ``ExtraChange`` of every cell, in the manifest's problem order, then suggester order, then
/// replicate and trial order. Written only when some cell has extras: a manifest whose
/// suggesters report none gets no file (and loses a stale one).
public enum ExtrasTable {
    public static let fileName = "extras.csv"
    public static let header = ["problem", "suggester", "replicate", "trial", "key", "value"]

    /// One row of extras.csv.
    public struct Row: Sendable, Equatable {
        public var problem: String
        public var suggester: String
        public var replicate: Int
        public var trial: Int
        public var key: String
        public var value: String
    }

    /// The lines (each ending in a newline) of one collected group; extras.csv is its header
    /// line, then every group's lines in manifest order, and is written only when some group
    /// has lines.
    static func lines(_ group: Collector.Group) -> String {
        var text = ""
        for run in group.runs {
            for change in run.extras {
                text += CSV.row([group.problem.label, group.suggester.label, String(run.replicate), String(change.trial), change.key, change.value]) + "\n"
            }
        }
        return text
    }

    /// The rows of an extras.csv text.
    ///
    /// - Throws: ``AnalysisError`` naming `file` and the line of a malformed row.
    public static func rows(_ text: String, file: String) throws(AnalysisError) -> [Row] {
        try ResultsReader.rows(text, file: file, header: header).map { (line, fields) throws(AnalysisError) -> Row in
            guard let replicate = Int(fields[2]), let trial = Int(fields[3]) else {
                throw AnalysisError(file: file, line: line, message: "expected integer replicate and trial, got '\(fields[2])', '\(fields[3])'")
            }
            return Row(problem: fields[0], suggester: fields[1], replicate: replicate, trial: trial, key: fields[4], value: fields[5])
        }
    }
}
