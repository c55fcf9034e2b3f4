import GSLKit

/// ecdf.csv (written by `parzen report`).
///
/// Columns, in this order: `suggester,evaluations,fraction`; rows by suggester in manifest
/// order, then by evaluations ascending.
extension ECDFTable {
    public static let fileName = "ecdf.csv"
    public static let header = ["suggester", "evaluations", "fraction"]

    /// The text of ecdf.csv.
    /// - Determinism: a pure function of `summary`.
    public static func text(_ summary: ResultsSummary) -> String {
        var rows: [[String]] = []
        let counts = evaluations(summary)
        for (s, curve) in fractions(summary, at: counts).enumerated() {
            for (c, evaluations) in counts.enumerated() {
                rows.append([summary.suggesters[s].label, String(evaluations), CSV.number(curve[c])])
            }
        }
        return CSV.text(header: header, rows: rows)
    }
}
