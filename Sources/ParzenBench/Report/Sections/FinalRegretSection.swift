/// `## Final regret`: the median [interquartile range] of each (problem, suggester) after the
/// budget with the significant winners marked, then the bootstrap intervals of the medians.
enum FinalRegretSection: ReportSection {
    static let title = "Final regret"

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        let format = ReportMarkdown.format
        let summary = FinalSummary(results)
        let final = results.finalEvaluations
        var out: [String] = []
        out.append("Median [interquartile range] of the regret after \(final) evaluations over the replicates. "
                   + "**Bold with ✓** marks a row's winner: the lowest median, *and* significantly lower than every other suggester "
                   + "(two-sided Mann–Whitney U, Holm-adjusted over the row's pairs, p < \(FinalSummary.alpha)), "
                   + "with a Vargha–Delaney A₁₂ above 0.5 against each: A₁₂ of suggester_a against suggester_b is the probability that a run of a ends with a lower regret than a run of b (ties count half), "
                   + "so above 0.5 favours suggester_a and below 0.5 favours suggester_b. A row without a mark has no significant winner. "
                   + "All pairs, with A₁₂ and its magnitude: tests.csv.")
        out.append("")
        out += rows(results) { p, s in
            let cell = summary.cells[p][s]
            let text = "\(format(cell.median)) [\(format(cell.q25)), \(format(cell.q75))]"
            return summary.winners[p] == s ? "**\(text)** ✓" : text
        }
        out.append("")
        let won = summary.winners.compactMap { $0 }.count
        out.append("Significant winners: \(won) of \(Wording.count(results.problems.count, "problem")).")
        out.append("")

        out.append("### Bootstrap 95% confidence intervals of the median final regret")
        out.append("")
        out.append("Percentile bootstrap, \(FinalSummary.resamples) resamples, seeded by problem and suggester (deterministic).")
        out.append("")
        out += rows(results) { p, s in
            let interval = summary.cells[p][s].interval
            return "\(format(interval.estimate)) (\(format(interval.lower)) to \(format(interval.upper)))"
        }
        out.append("")
        return out
    }

    /// A table with a problem column and one per suggester, one row per problem: its label, then
    /// `cell(problem, suggester)` per suggester.
    static func rows(_ results: ResultsSummary, cell: (Int, Int) -> String) -> [String] {
        ReportMarkdown.tableHead(results, first: ["problem"]) + results.problems.enumerated().map { p, problem in
            "| \(ReportMarkdown.escape(problem.label)) | " + results.suggesters.indices.map { cell(p, $0) }.joined(separator: " | ") + " |"
        }
    }
}
