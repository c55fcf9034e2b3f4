import Foundation

/// results/NAME/short-runs.csv: the runs that stopped before their budget (a grid smaller than
/// the budget, an external suggester that said it was exhausted), with where they ended.
///
/// Columns, in this order: `problem,suggester,replicate,evaluations,best_loss,regret`
/// - `evaluations`: the trials the run made (fewer than its budget);
/// - `best_loss`, `regret`: its final best-so-far value (user's sign) and regret, as runs.csv
///   spells them.
///
/// runs.csv has no row for such a run past `evaluations`; the analysis counts the run with these
/// final values at every later checkpoint. Rows in cell order. Written only when some run stopped
/// short (and a stale file is removed otherwise).
public enum ShortRunsTable {
    public static let fileName = "short-runs.csv"
    public static let header = ["problem", "suggester", "replicate", "evaluations", "best_loss", "regret"]

    /// One row of short-runs.csv.
    public struct Row: Sendable, Equatable {
        public var problem: String
        public var suggester: String
        public var replicate: Int
        public var evaluations: Int
        public var best: Double
        public var regret: Double
    }

    /// The short runs of one collected group.
    static func rows(_ group: Collector.Group, collector: Collector) -> [Row] {
        group.runs.indices.filter(group.isShort).map { i in
            let run = group.runs[i]
            let final = collector.bestAndRegret(run.final, problem: group.problem, reference: group.references[i])
            return Row(problem: group.problem.label, suggester: group.suggester.label, replicate: run.replicate,
                       evaluations: run.trials, best: final.best, regret: final.regret)
        }
    }

    /// The text of short-runs.csv.
    public static func text(_ rows: [Row]) -> String {
        CSV.text(header: header, rows: rows.map { row in
            [row.problem, row.suggester, String(row.replicate), String(row.evaluations), CSV.number(row.best), CSV.number(row.regret)]
        })
    }

    /// Writes short-runs.csv, or removes it when there are no short runs.
    static func write(_ rows: [Row], to store: ResultStore) throws {
        try store.writeOptionalTable(rows.isEmpty ? nil : text(rows), named: fileName)
    }

    /// The rows of a short-runs.csv text.
    ///
    /// - Throws: ``AnalysisError`` naming `file` and the line of a malformed row.
    public static func rows(_ text: String, file: String) throws(AnalysisError) -> [Row] {
        try ResultsReader.rows(text, file: file, header: header).map { (line, fields) throws(AnalysisError) -> Row in
            guard let replicate = Int(fields[2]), let evaluations = Int(fields[3]), evaluations >= 0,
                  let best = ResultsReader.parseNumber(fields[4]), let regret = ResultsReader.parseNumber(fields[5]), !regret.isNaN else {
                throw AnalysisError(file: file, line: line, message: "expected integer replicate and evaluations, numbers for best_loss and regret")
            }
            return Row(problem: fields[0], suggester: fields[1], replicate: replicate, evaluations: evaluations, best: best, regret: regret)
        }
    }

    /// One line per (problem, suggester) with short runs: how many stopped and after how many
    /// evaluations (the range when they differ).
    public static func summaryLines(_ rows: [Row]) -> [String] {
        var order: [String] = []
        var byPair: [String: [Int]] = [:]
        for row in rows {
            let key = "\(row.problem)/\(row.suggester)"
            if byPair[key] == nil { order.append(key) }
            byPair[key, default: []].append(row.evaluations)
        }
        return order.map { key in
            let counts = byPair[key]!
            let low = counts.min()!, high = counts.max()!
            let after = low == high ? "\(low)" : "\(low)–\(high)"
            return "\(key): \(counts.count) run\(counts.count == 1 ? "" : "s") stopped after \(after) evaluations (the suggester was exhausted before the budget)"
        }
    }
}
