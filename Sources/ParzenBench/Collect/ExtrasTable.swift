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

        public init(problem: String, suggester: String, replicate: Int, trial: Int, key: String, value: String) {
            self.problem = problem
            self.suggester = suggester
            self.replicate = replicate
            self.trial = trial
            self.key = key
            self.value = value
        }
    }

    /// The lines (each ending in a newline) of one collected group; extras.csv is its header
    /// line, then every group's lines in manifest order, and is written only when some group
    /// has lines.
    static func lines(_ group: Collector.Group) -> String {
        var text = ""
        for (record, replicate) in zip(group.records, group.replicates) {
            for change in record.extras {
                text += CSV.row([group.problem.label, group.suggester.label, String(replicate), String(change.trial), change.key, change.value]) + "\n"
            }
        }
        return text
    }

    /// The rows of an extras.csv text.
    ///
    /// - Throws: ``AnalysisError`` naming `file` and the line of a malformed row.
    public static func rows(_ text: String, file: String) throws(AnalysisError) -> [Row] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first, CSV.parse(String(first)) == header else {
            throw AnalysisError(file: file, line: 1, message: "expected the header \(header.joined(separator: ","))")
        }
        var rows: [Row] = []
        for (offset, line) in lines.dropFirst().enumerated() {
            guard let fields = CSV.parse(String(line)), fields.count == header.count,
                  let replicate = Int(fields[2]), let trial = Int(fields[3]) else {
                throw AnalysisError(file: file, line: offset + 2, message: "expected \(header.count) fields with integer replicate and trial")
            }
            rows.append(Row(problem: fields[0], suggester: fields[1], replicate: replicate, trial: trial, key: fields[4], value: fields[5]))
        }
        return rows
    }

    /// The report's section on the extras (empty when there are none): per problem, suggester
    /// and key that changed after a run's first trial, how many runs it changed in, the median
    /// [min, max] number of changes per run, and replicate 0's changes as `trial (value)`.
    /// Keys that never change within a run are named once.
    ///
    /// - Determinism: a pure function of its inputs.
    static func markdown(_ results: ResultsSummary) -> [String] {
        let rows = results.extras
        guard !rows.isEmpty else { return [] }
        var out = ["## Where proposal extras changed", ""]
        out.append("Suggesters that report proposal extras record their changes within each run (extras.csv). "
                   + "For cmaes, `cmaes_run` numbers the runs of the evolution strategy inside a search: each change is a restart, "
                   + "at the trial shown, and `cmaes_popsize` is the new run's population.")
        out.append("")
        var table: [String] = []
        // (suggester, key) that never changed within a run, with the problems where.
        var constant: [(name: String, problems: Int)] = []
        for (p, problem) in results.problems.enumerated() {
            for (s, suggester) in results.suggesters.enumerated() {
                let mine = rows.filter { $0.problem == problem.label && $0.suggester == suggester.label }
                guard !mine.isEmpty else { continue }
                let replicates = results.perProblem[p].replicates[s]
                var keys: [String] = []
                for row in mine where !keys.contains(row.key) { keys.append(row.key) }
                for key in keys {
                    // A run's changes after its first proposal.
                    var counts = [Int](repeating: 0, count: replicates)
                    var firstSeen = Set<Int>()
                    var zero: [String] = []
                    for row in mine where row.key == key {
                        if firstSeen.insert(row.replicate).inserted { continue }
                        if row.replicate < replicates { counts[row.replicate] += 1 }
                        if row.replicate == 0 { zero.append("\(row.trial) (\(row.value))") }
                    }
                    let changed = counts.filter { $0 > 0 }.count
                    guard changed > 0 else {
                        let name = "\(ReportMarkdown.escape(suggester.label)) `\(key)`"
                        if let index = constant.firstIndex(where: { $0.name == name }) { constant[index].problems += 1 } else { constant.append((name, 1)) }
                        continue
                    }
                    let sorted = Statistics.sorted(counts.map(Double.init))
                    let shown = zero.isEmpty ? "none" : zero.prefix(12).joined(separator: ", ") + (zero.count > 12 ? ", … (\(zero.count) in all)" : "")
                    table.append("| \(ReportMarkdown.escape(problem.label)) | \(ReportMarkdown.escape(suggester.label)) | \(ReportMarkdown.escape(key)) | \(changed) of \(replicates) | "
                                 + "\(ReportMarkdown.format(Statistics.median(sorted: sorted))) [\(Int(sorted.first ?? 0)), \(Int(sorted.last ?? 0))] | \(ReportMarkdown.escape(shown)) |")
                }
            }
        }
        if table.isEmpty {
            out.append("No extra changed within a run.")
        } else {
            out.append("| problem | suggester | extra | runs with a change | changes per run, median [min, max] | replicate 0: trial (new value) |")
            out.append("|:---|:---|:---|---:|---:|:---|")
            out += table
        }
        out.append("")
        if !constant.isEmpty {
            out.append("Constant within every run: " + constant.map { "\($0.name) (\(Gnuplot.count($0.problems, "problem")))" }.joined(separator: "; ") + ".")
            out.append("")
        }
        return out
    }
}
