import Foundation

/// results/NAME/sample-axes.csv: the axes of each sample picture (plots/NAME/PROBLEM-samples.png),
/// so that `parzen plot` draws them from the results alone.
///
/// Columns, in this order: `problem,axis,label,scale,low,high`, one row per axis of each problem
/// that gets a sample picture (``SampleGrid``), manifest order, `x` before `y`:
/// - `axis`: `x` (the space's first hyperparameter) or `y` (its second; 2-D problems only);
/// - `label`: the hyperparameter's label;
/// - `scale`: `linear`, or `log10` for a log-kind hyperparameter;
/// - `low`, `high`: the stored values the picture spans: the prior's range (bounds, μ ± 3σ for a
///   normal kind) widened to hold every value replicate 0 of any suggester sampled.
///
/// Written only when some problem gets a sample picture: a folder without one gets no file (and
/// loses a stale one).
public enum SampleAxesTable {
    public static let fileName = "sample-axes.csv"
    public static let header = ["problem", "axis", "label", "scale", "low", "high"]

    /// The text of sample-axes.csv, nil when `axes` is empty.
    ///
    /// - Parameter axes: per problem with a sample picture (manifest order), its label and its
    ///   one or two axes.
    /// - Determinism: a pure function of its input.
    public static func text(_ axes: [(problem: String, axes: [SampleAxis])]) -> String? {
        guard !axes.isEmpty else { return nil }
        var rows: [[String]] = []
        for entry in axes {
            for (i, axis) in entry.axes.enumerated() {
                rows.append([entry.problem, i == 0 ? "x" : "y", axis.label, axis.isLog ? "log10" : "linear",
                             CSV.number(axis.low), CSV.number(axis.high)])
            }
        }
        return CSV.text(header: header, rows: rows)
    }

    /// The axes of a sample-axes.csv text, keyed by problem label, `x` first.
    ///
    /// - Throws: ``AnalysisError`` naming `file` and the line of a malformed row: a wrong field
    ///   count, an axis other than `x` or `y` (or out of order), a scale other than `linear` or
    ///   `log10`, a bound that is not a finite number.
    public static func axes(_ text: String, file: String) throws(AnalysisError) -> [String: [SampleAxis]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first, CSV.parse(String(first)) == header else {
            throw AnalysisError(file: file, line: 1, message: "expected the header \(header.joined(separator: ","))")
        }
        var axes: [String: [SampleAxis]] = [:]
        for (offset, line) in lines.dropFirst().enumerated() {
            let number = offset + 2
            guard let fields = CSV.parse(String(line)), fields.count == header.count else {
                throw AnalysisError(file: file, line: number, message: "expected \(header.count) fields: \(header.joined(separator: ","))")
            }
            let have = axes[fields[0]]?.count ?? 0
            guard fields[1] == (have == 0 ? "x" : "y"), have < 2 else {
                throw AnalysisError(file: file, line: number, message: "axis '\(fields[1])': expected x, then y, once each per problem")
            }
            guard fields[3] == "linear" || fields[3] == "log10" else {
                throw AnalysisError(file: file, line: number, message: "scale '\(fields[3])': expected linear or log10")
            }
            guard let low = Double(fields[4]), let high = Double(fields[5]), low.isFinite, high.isFinite else {
                throw AnalysisError(file: file, line: number, message: "low '\(fields[4])', high '\(fields[5])': expected finite numbers")
            }
            axes[fields[0], default: []].append(SampleAxis(label: fields[2], isLog: fields[3] == "log10", low: low, high: high))
        }
        return axes
    }
}
