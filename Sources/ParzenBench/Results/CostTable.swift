import Foundation
import GSLKit

/// results/NAME/cost.csv: what each suggester's suggestions and the objective's evaluations cost,
/// per (problem, suggester), from the times every cell file records (the time spent suggesting,
/// set-up included, and the time spent evaluating, each summed over the run's trials).
///
/// Columns, in this order:
/// `problem,suggester,runs,trials,suggest_seconds_per_trial,suggest_q25,suggest_q75,evaluate_seconds_per_trial`
/// - `runs`: the finished runs; `trials`: their median number of trials (N);
/// - `suggest_seconds_per_trial`: the median over runs of the run's suggestion time divided by
///   its trials, with its quartiles;
/// - `evaluate_seconds_per_trial`: likewise for the objective's time.
///
/// Rows in the manifest's problem order, then suggester order; groups without a finished run
/// have no row.
///
/// - Determinism: none. The times depend on the machine and its load, so this file (and the
///   report's `## Cost` section read from it) is outside the byte-identity of the other files.
public enum CostTable {
    public static let fileName = "cost.csv"
    public static let header = ["problem", "suggester", "runs", "trials", "suggest_seconds_per_trial", "suggest_q25", "suggest_q75",
                                "evaluate_seconds_per_trial"]

    /// One row of cost.csv.
    public struct Row: Sendable, Equatable {
        public var problem: String
        public var suggester: String
        public var runs: Int
        public var trials: Double
        public var suggest: Double
        public var suggestQ25: Double
        public var suggestQ75: Double
        public var evaluate: Double
    }

    /// The row of one collected group; nil when it has no finished run with trials.
    static func row(_ group: Collector.Group) -> Row? {
        let runs = group.runs.filter { $0.trials > 0 }
        guard !runs.isEmpty else { return nil }
        let trials = Statistics.sorted(runs.map { Double($0.trials) })
        let suggest = Statistics.sorted(runs.map { $0.suggestSeconds / Double($0.trials) })
        let evaluate = Statistics.sorted(runs.map { $0.evaluateSeconds / Double($0.trials) })
        return Row(problem: group.problem.label, suggester: group.suggester.label, runs: runs.count,
                   trials: Statistics.median(sorted: trials), suggest: Statistics.median(sorted: suggest),
                   suggestQ25: Statistics.quantile(sorted: suggest, 0.25), suggestQ75: Statistics.quantile(sorted: suggest, 0.75),
                   evaluate: Statistics.median(sorted: evaluate))
    }

    /// The text of cost.csv.
    public static func text(_ rows: [Row]) -> String {
        CSV.text(header: header, rows: rows.map { row in
            [row.problem, row.suggester, String(row.runs), CSV.number(row.trials),
             CSV.number(row.suggest), CSV.number(row.suggestQ25), CSV.number(row.suggestQ75), CSV.number(row.evaluate)]
        })
    }

    /// The rows of a cost.csv text.
    ///
    /// - Throws: ``AnalysisError`` naming `file` and the line of a malformed row.
    public static func rows(_ text: String, file: String) throws(AnalysisError) -> [Row] {
        try ResultsReader.rows(text, file: file, header: header).map { (line, fields) throws(AnalysisError) -> Row in
            let numbers = fields[3...].map(ResultsReader.parseNumber)
            guard let runs = Int(fields[2]), numbers.allSatisfy({ $0 != nil }) else {
                throw AnalysisError(file: file, line: line, message: "expected an integer run count and numbers")
            }
            let n = numbers.map { $0! }
            return Row(problem: fields[0], suggester: fields[1], runs: runs, trials: n[0], suggest: n[1], suggestQ25: n[2], suggestQ75: n[3], evaluate: n[4])
        }
    }
}
