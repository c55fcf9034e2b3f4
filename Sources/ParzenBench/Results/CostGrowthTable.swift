import Foundation

/// results/NAME/cost-growth.csv: how each suggester's suggestion time grows with the trial index,
/// its times pooled over every problem and run, in log-spaced bins of trial indices
/// (``CostGrowth``), from the per-trial times that cell files of format 3 record.
///
/// Columns, in this order:
/// `suggester,first_trial,last_trial,trials,suggest_median,suggest_q25,suggest_q75,evaluate_median`
/// - `first_trial`, `last_trial`: the bin's trial indices (1-based) that occurred;
/// - `trials`: how many trials (over problems and runs) fell in the bin;
/// - `suggest_median`, `suggest_q25`, `suggest_q75`: the quartiles of their suggestion times in
///   seconds, read from 40-bins-per-decade histograms (within 6 %);
/// - `evaluate_median`: likewise for the objective's time.
///
/// Rows in manifest suggester order, then by trial index. Written only when some cell recorded
/// per-trial times (a stale file is removed otherwise).
///
/// - Determinism: none, like cost.csv: outside the byte-identity of the other files.
public enum CostGrowthTable {
    public static let fileName = "cost-growth.csv"
    public static let header = ["suggester", "first_trial", "last_trial", "trials", "suggest_median", "suggest_q25", "suggest_q75",
                                "evaluate_median"]

    /// One row of cost-growth.csv.
    public struct Row: Sendable, Equatable {
        public var suggester: String
        public var firstTrial: Int
        public var lastTrial: Int
        public var trials: Int
        public var suggest: Double
        public var suggestQ25: Double
        public var suggestQ75: Double
        public var evaluate: Double

        /// Where the bin sits on a log axis: the geometric middle of its first and last trial.
        public var trialIndex: Double { (Double(firstTrial) * Double(lastTrial)).squareRoot() }
    }

    /// The rows of the aggregated times.
    static func rows(_ growth: CostGrowth) -> [Row] {
        zip(growth.suggesters, growth.bins).flatMap { suggester, bins in
            bins.compactMap { bin in
                bin.map { bin in
                    Row(suggester: suggester, firstTrial: bin.trials.lowerBound, lastTrial: bin.trials.upperBound, trials: bin.suggest.total,
                        suggest: bin.suggest.quantile(0.5), suggestQ25: bin.suggest.quantile(0.25), suggestQ75: bin.suggest.quantile(0.75),
                        evaluate: bin.evaluate.quantile(0.5))
                }
            }
        }
    }

    /// The text of cost-growth.csv.
    public static func text(_ rows: [Row]) -> String {
        CSV.text(header: header, rows: rows.map { row in
            [row.suggester, String(row.firstTrial), String(row.lastTrial), String(row.trials),
             CSV.number(row.suggest), CSV.number(row.suggestQ25), CSV.number(row.suggestQ75), CSV.number(row.evaluate)]
        })
    }

    /// Writes cost-growth.csv into `store`'s folder, or removes a stale one when no cell had
    /// per-trial times.
    static func write(_ growth: CostGrowth, to store: ResultStore) throws {
        try store.writeOptionalTable(growth.isEmpty ? nil : text(rows(growth)), named: fileName)
    }

    /// The rows of a cost-growth.csv text.
    ///
    /// - Throws: ``AnalysisError`` naming `file` and the line of a malformed row.
    public static func rows(_ text: String, file: String) throws(AnalysisError) -> [Row] {
        try ResultsReader.rows(text, file: file, header: header).map { (line, fields) throws(AnalysisError) -> Row in
            let counts = fields[1...3].map { Int($0) }
            let numbers = fields[4...].map(ResultsReader.parseNumber)
            guard counts.allSatisfy({ $0 != nil && $0! >= 0 }), numbers.allSatisfy({ $0 != nil }), counts[0]! >= 1, counts[0]! <= counts[1]! else {
                throw AnalysisError(file: file, line: line, message: "expected 1 ≤ first_trial ≤ last_trial, a trial count and numbers")
            }
            let n = numbers.map { $0! }
            return Row(suggester: fields[0], firstTrial: counts[0]!, lastTrial: counts[1]!, trials: counts[2]!, suggest: n[0],
                       suggestQ25: n[1], suggestQ75: n[2], evaluate: n[3])
        }
    }
}
