import Foundation

/// report.md: the tables and pictures of a results folder, readable on a code host (GitHub-
/// flavoured Markdown tables, images linked relative to results/NAME).
public enum ReportMarkdown {
    public static let fileName = "report.md"

    /// A number for a table: three significant digits, `inf` for no successful trial.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "n/a" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return String(format: "%.3g", value)
    }

    /// Text safe inside a Markdown table cell or heading.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]|<>#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A relative link target: path components percent-encoded where needed.
    static func link(_ folder: String, _ file: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))
        let path = folder.isEmpty ? file : folder + "/" + file
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// `![alt](PLOTS/STEM.png)`: a picture of plots/NAME linked from report.md.
    static func image(_ alt: String, _ plots: String, _ stem: String) -> String {
        "![\(alt)](\(link(plots, stem + ".png")))"
    }

    /// The head of a table with the columns `first` (the first left-aligned, the others
    /// right-aligned) and then one right-aligned column per suggester.
    static func tableHead(_ results: ResultsSummary, first: [String]) -> [String] {
        ["| " + (first + results.suggesters.map { escape($0.label) }).joined(separator: " | ") + " |",
         "|:---|" + String(repeating: "---:|", count: first.count - 1 + results.suggesters.count)]
    }

    /// The text of report.md: its title and opening paragraph, then every section of
    /// ``ReportSectionRegistry/sections`` that applies, in order.
    ///
    /// - Parameter plots: the plots folder relative to the results folder (`../../plots/NAME`).
    /// - Complexity: that of its sections together.
    /// - Determinism: a pure function of `results` and `plots`.
    public static func text(_ results: ResultsSummary, plots: String) -> String {
        let lines = opening(results) + ReportSectionRegistry.sections.flatMap { $0.markdown(results, plots: plots) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The title and the paragraph on what the report covers and where it comes from.
    static func opening(_ results: ResultsSummary) -> [String] {
        let replicates = Set(results.perProblem.flatMap(\.replicates)).sorted()
        let replicateText = replicates.count == 1 ? "\(replicates[0])" : "\(replicates.first!)–\(replicates.last!)"
        return ["# \(escape(results.name)): results",
                "",
                "\(Wording.count(results.suggesters.count, "suggester")) × \(Wording.count(results.problems.count, "problem")) × \(replicateText) replicates, \(results.finalEvaluations) evaluations each (checkpoints \(results.checkpoints.map(String.init).joined(separator: ", "))). "
                + "Written by `parzen report` from runs.csv\(results.hasTraces ? ", trace.csv" : "") and manifest.lock.yaml; the pictures by `parzen plot` (gnuplot scripts beside them re-create them). "
                + "Regret is the noise-free value of the best-so-far point (the one with the lowest observed loss) minus the known optimum.",
                ""]
    }
}
