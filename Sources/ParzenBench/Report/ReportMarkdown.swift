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

    /// The text of report.md.
    ///
    /// - Parameter plots: the plots folder relative to the results folder (`../../plots/NAME`).
    /// - Determinism: a pure function of `results` and `plots`.
    public static func text(_ results: ResultsSummary, plots: String) -> String {
        let summary = FinalSummary(results)
        let final = results.finalEvaluations
        let replicates = Set(results.perProblem.flatMap(\.replicates)).sorted()
        let replicateText = replicates.count == 1 ? "\(replicates[0])" : "\(replicates.first!)–\(replicates.last!)"
        let header = "| problem | " + results.suggesters.map { escape($0.label) }.joined(separator: " | ") + " |"
        let rule = "|:---|" + String(repeating: "---:|", count: results.suggesters.count)
        var out: [String] = []

        out.append("# \(escape(results.name)): results")
        out.append("")
        out.append("\(Wording.count(results.suggesters.count, "suggester")) × \(Wording.count(results.problems.count, "problem")) × \(replicateText) replicates, \(final) evaluations each (checkpoints \(results.checkpoints.map(String.init).joined(separator: ", "))). "
                   + "Written by `parzen report` from runs.csv\(results.hasTraces ? ", trace.csv" : "") and manifest.lock.yaml; the pictures by `parzen plot` (gnuplot scripts beside them re-create them). "
                   + "Regret is the noise-free value of the best-so-far point (the one with the lowest observed loss) minus the known optimum.")
        out.append("")
        out += ReportSections.failures(results.info)
        out += ReportSections.shortRuns(results.info)

        out.append("## Final regret")
        out.append("")
        out.append("Median [interquartile range] of the regret after \(final) evaluations over the replicates. "
                   + "**Bold with ✓** marks a row's winner: the lowest median, *and* significantly lower than every other suggester "
                   + "(two-sided Mann–Whitney U, Holm-adjusted over the row's pairs, p < \(FinalSummary.alpha)), "
                   + "with a Vargha–Delaney A₁₂ above 0.5 against each: A₁₂ of suggester_a against suggester_b is the probability that a run of a ends with a lower regret than a run of b (ties count half), "
                   + "so above 0.5 favours suggester_a and below 0.5 favours suggester_b. A row without a mark has no significant winner. "
                   + "All pairs, with A₁₂ and its magnitude: tests.csv.")
        out.append("")
        out.append(header)
        out.append(rule)
        for (p, problem) in results.problems.enumerated() {
            let cells = results.suggesters.indices.map { s -> String in
                let cell = summary.cells[p][s]
                let text = "\(format(cell.median)) [\(format(cell.q25)), \(format(cell.q75))]"
                return summary.winners[p] == s ? "**\(text)** ✓" : text
            }
            out.append("| \(escape(problem.label)) | " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        let won = summary.winners.compactMap { $0 }.count
        out.append("Significant winners: \(won) of \(Wording.count(results.problems.count, "problem")).")
        out.append("")

        out.append("### Bootstrap 95% confidence intervals of the median final regret")
        out.append("")
        out.append("Percentile bootstrap, \(FinalSummary.resamples) resamples, seeded by problem and suggester (deterministic).")
        out.append("")
        out.append(header)
        out.append(rule)
        for (p, problem) in results.problems.enumerated() {
            let cells = results.suggesters.indices.map { s -> String in
                let interval = summary.cells[p][s].interval
                return "\(format(interval.estimate)) (\(format(interval.lower)) to \(format(interval.upper)))"
            }
            out.append("| \(escape(problem.label)) | " + cells.joined(separator: " | ") + " |")
        }
        out.append("")

        out.append("## Average ranks")
        out.append("")
        if let test = RankTable.friedman(results) {
            out.append("Each problem ranks the suggesters by median final regret (1 = lowest; ties share the average rank); the ranks are averaged over the \(test.problems) problems. "
                       + "Friedman χ² = \(format(test.chiSquared)) (\(results.suggesters.count - 1) degrees of freedom), p = \(format(test.pValue)): "
                       + (test.pValue < FinalSummary.alpha ? "the suggesters differ (α = 0.05). " : "no significant difference among the suggesters (α = 0.05). ")
                       + "Nemenyi critical difference (α = 0.05): CD = \(format(test.criticalDifference)); two suggesters whose average ranks differ by at least CD differ significantly.")
            out.append("")
            out.append("| suggester | average rank |")
            out.append("|:---|---:|")
            let order = test.averageRanks.indices.sorted { test.averageRanks[$0] != test.averageRanks[$1] ? test.averageRanks[$0] < test.averageRanks[$1] : $0 < $1 }
            for s in order { out.append("| \(escape(results.suggesters[s].label)) | \(String(format: "%.2f", test.averageRanks[s])) |") }
            out.append("")
            out.append("![Critical-difference diagram of the average ranks](\(link(plots, PlotCatalog.ranks + ".png")))")
        } else {
            out.append("Ranks need at least two suggesters.")
        }
        out.append("")

        out.append("## Convergence")
        out.append("")
        out.append(!results.hasTraces
                   ? "Median best-so-far regret against evaluations with the interquartile band, log scale; one colour per suggester throughout."
                   : "Median best-so-far regret against evaluations with the interquartile band, log scales, at every evaluation (from trace.csv); one colour per suggester throughout.")
        out.append("")
        for problem in results.problems {
            out.append("![\(escape(problem.label)): convergence](\(link(plots, PlotCatalog.convergence(problem) + ".png")))")
            out.append("")
        }

        out.append("## Final regret distributions")
        out.append("")
        out.append("![Final regret distributions](\(link(plots, PlotCatalog.final + ".png")))")
        out.append("")

        out.append("## Runtime ECDF")
        out.append("")
        out.append("The fraction of (problem, target) pairs reached against evaluations (COCO style), \(ECDFTable.targetCount) regret targets per problem, "
                   + "log-spaced from the median regret at the first checkpoint (all suggesters pooled) down to the best final regret any run reached (at least 10⁻⁸ of the first). "
                   + "Higher and further left is better. Data: ecdf.csv.")
        out.append("")
        out.append("![Runtime ECDF](\(link(plots, PlotCatalog.ecdf + ".png")))")
        out.append("")
        out.append("| problem | easiest target | hardest target |")
        out.append("|:---|---:|---:|")
        for (p, problem) in results.problems.enumerated() {
            let range = results.perProblem[p].targetRange
            out.append("| \(escape(problem.label)) | \(format(range.high)) | \(format(range.low)) |")
        }
        out.append("")

        out += ReportSections.expectedRunningTimes(results)

        let sampled = PlotCatalog.sampleProblems(results.info)
        if !sampled.isEmpty {
            out.append("## Where the suggesters sampled")
            out.append("")
            out.append("Replicate 0 of each suggester on the 1-D and 2-D problems, over the function (samples.csv).")
            out.append("")
            for p in sampled {
                let problem = results.problems[p]
                out.append("![\(escape(problem.label)): sampled points](\(link(plots, PlotCatalog.samples(problem) + ".png")))")
                out.append("")
            }
        }

        out += ReportSections.extras(results)

        out += CostSection.markdown(results.info, plots: plots)

        out.append("## Files")
        out.append("")
        out.append("- runs.csv: `" + "problem,suggester,replicate,evaluations,best_loss,regret" + "`, one row per checkpoint of every run.")
        if results.hasTraces {
            out.append("- trace.csv: `" + TraceTable.header.joined(separator: ",") + "`, one row per improvement of the best-so-far in every run.")
        }
        out.append("- tests.csv: `" + PairwiseTable.header.joined(separator: ",") + "`, every pair at every checkpoint.")
        out.append("- ranks.csv: `" + RankTable.header.joined(separator: ",") + "`.")
        out.append("- ecdf.csv: `" + ECDFTable.header.joined(separator: ",") + "`.")
        out.append("- samples.csv: `problem,suggester,trial,x,y,loss`, replicate 0 on the 1-D and 2-D problems.")
        if !results.extras.isEmpty {
            out.append("- extras.csv: `" + ExtrasTable.header.joined(separator: ",") + "`, each change of a proposal extra within a run.")
        }
        if !results.shortRuns.isEmpty {
            out.append("- short-runs.csv: `" + ShortRunsTable.header.joined(separator: ",") + "`, each run that stopped before its budget.")
        }
        if !results.failures.isEmpty {
            out.append("- failures.csv: `" + FailuresTable.header.joined(separator: ",") + "`, each failed cell.")
        }
        if results.cost != nil {
            out.append("- cost.csv: `" + CostTable.header.joined(separator: ",") + "`, times per trial (depend on the machine).")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
