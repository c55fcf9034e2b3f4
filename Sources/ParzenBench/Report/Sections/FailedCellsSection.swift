/// `## Failed cells`, first in the report: every failure with its message (the first 50), and
/// which problems and suggesters the statistics leave out. Only when cells failed.
enum FailedCellsSection: ReportSection {
    static let title = "Failed cells"

    /// The most failures listed; the rest are counted.
    static let listed = 50

    static func applies(to results: ResultsSummary) -> Bool { !results.failures.isEmpty }

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        let escape = ReportMarkdown.escape
        var out: [String] = []
        out.append("\(Wording.count(results.failures.count, "cell")) failed (failures.csv); every finished cell is in runs.csv and trace.csv. "
                   + "The statistics, tables and pictures below use complete groups only, (problem, suggester) pairs with every replicate finished"
                   + (results.leftOutProblems.isEmpty && results.leftOutSuggesters.isEmpty ? "." : ":")
                   + (results.leftOutSuggesters.isEmpty ? "" : " left out suggester\(results.leftOutSuggesters.count == 1 ? "" : "s") "
                      + results.leftOutSuggesters.map(escape).joined(separator: ", ") + ";")
                   + (results.leftOutProblems.isEmpty ? "" : " left out problem\(results.leftOutProblems.count == 1 ? "" : "s") "
                      + results.leftOutProblems.map(escape).joined(separator: ", ") + ";"))
        out.append("")
        out.append("| problem | suggester | replicate | message |")
        out.append("|:---|:---|---:|:---|")
        for row in results.failures.prefix(listed) {
            out.append("| \(escape(row.problem)) | \(escape(row.suggester)) | \(row.replicate) | \(escape(row.message)) |")
        }
        if results.failures.count > listed { out.append("| … | | | \(results.failures.count - listed) more in failures.csv |") }
        out.append("")
        return out
    }
}
