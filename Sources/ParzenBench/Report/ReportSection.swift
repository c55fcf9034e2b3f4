/// One `##` section of report.md: its heading, whether a result set has it, and its text from
/// the results and their statistics.
///
/// A new section is one type conforming to this protocol (a file in `Report/Sections/`) and one
/// line in ``ReportSectionRegistry/sections``; `ReportSectionGoldenTests` then asks for its
/// golden file.
protocol ReportSection: SendableMetatype {
    /// The heading after `## `, as report.md spells it.
    static var title: String { get }

    /// Whether report.md of `results` has this section; true unless the section says otherwise.
    static func applies(to results: ResultsSummary) -> Bool

    /// The lines below the heading (GitHub-flavoured Markdown), the last one blank unless the
    /// section ends the report.
    ///
    /// - Parameter plots: the plots folder relative to the results folder, for picture links.
    /// - Determinism: a pure function of `results` and `plots`.
    static func body(_ results: ResultsSummary, plots: String) -> [String]
}

extension ReportSection {
    static func applies(to results: ResultsSummary) -> Bool { true }

    /// The heading, a blank line and the body; no lines when the section does not apply.
    static func markdown(_ results: ResultsSummary, plots: String) -> [String] {
        applies(to: results) ? ["## \(title)", ""] + body(results, plots: plots) : []
    }
}
