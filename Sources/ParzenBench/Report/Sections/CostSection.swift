import Foundation
import GSLKit

/// report.md's `## Cost`: what suggesting and evaluating cost per trial (cost.csv) and how a
/// suggestion's cost grows with the trial index (cost-growth.csv), marked as depending on the
/// machine. Says what is absent when the folder lacks either file.
enum CostSection: ReportSection {
    static let title = "Cost"

    /// A time in seconds as ns, µs, ms or s with three significant digits.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return ReportMarkdown.format(seconds) }
        if seconds < 1e-6 && seconds > 0 { return String(format: "%.3g ns", seconds * 1e9) }
        if seconds < 1e-3 { return String(format: "%.3g µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.3g ms", seconds * 1e3) }
        return String(format: "%.3g s", seconds)
    }

    static func body(_ results: ResultsSummary, plots: String) -> [String] {
        var out: [String] = []
        guard let rows = results.cost, !rows.isEmpty else {
            out.append("No timings: this results folder has no cost.csv (collected before cost.csv existed, or copied without it). "
                       + "`parzen collect` writes it from the times recorded in the cell files.")
            out.append("")
            return out
        }
        out.append("**Depends on the machine.** These times were measured while the cells ran, on that machine under its load at the time; "
                   + "unlike the rest of this report they differ from one run to the next (cost.csv and cost-growth.csv, outside the "
                   + "byte-identical files). "
                   + "Per trial: a run's total suggestion time (set-up included) or evaluation time divided by its trials; "
                   + "the median over runs per problem, then the median over problems per suggester.")
        out.append("")
        out.append("| suggester | suggestion per trial, median | [smallest, largest problem median] | evaluation per trial, median | trials per run (N) |")
        out.append("|:---|---:|---:|---:|---:|")
        for suggester in results.suggesters {
            let mine = rows.filter { $0.suggester == suggester.label }
            guard !mine.isEmpty else { continue }
            let suggest = Statistics.sorted(mine.map(\.suggest))
            let evaluate = Statistics.sorted(mine.map(\.evaluate))
            let trials = Statistics.sorted(mine.map(\.trials))
            out.append("| \(ReportMarkdown.escape(suggester.label)) | \(duration(Statistics.median(sorted: suggest))) | "
                       + "[\(duration(suggest.first!)), \(duration(suggest.last!))] | \(duration(Statistics.median(sorted: evaluate))) | "
                       + "\(ReportMarkdown.format(Statistics.median(sorted: trials))) |")
        }
        out.append("")
        out += growth(results.info, plots: plots)
        out.append("The suggestion time per trial against the run length N, one point per problem "
                   + "(the points spread only where problems have different budgets or runs stop short):")
        out.append("")
        out.append(ReportMarkdown.image("Suggestion time per trial against trials per run", plots, PlotCatalog.cost))
        out.append("")
        return out
    }

    /// The growth with the trial index: a table of each suggester's median suggestion time at its
    /// first, middle and last index bins with its ``GrowthExponent``, and the picture; or why it
    /// is absent.
    static func growth(_ results: ResultsInfo, plots: String) -> [String] {
        guard let rows = results.costGrowth, !rows.isEmpty else {
            return ["Per-trial times are absent: the cell files behind this folder record each run's total times only (cell files "
                    + "written before per-trial times were recorded), so the growth of a suggestion's cost with the trial index is "
                    + "not shown. Running the cells again (`parzen run --fresh`) records it; `parzen bench suggest` measures one "
                    + "suggester's cost against N trial by trial.", ""]
        }
        var out = ["Growth with the trial index n: each suggester's median suggestion time at n, pooled over its problems and runs, in "
                   + "bins of a quarter of a doubling of n (cost-growth.csv: `" + CostGrowthTable.header.joined(separator: ",") + "`). "
                   + "The growth exponent b of t(n) ≈ a·nᵇ is the least-squares slope on log–log axes over the bins of the last two "
                   + "doublings of trial indices (past the start-up phases of runs of 100 trials or more): about 0 when a suggestion's cost does not grow with the history, 1 when it grows linearly.", ""]
        out.append("| suggester | first trials | middle | last trials | growth exponent b (trials fitted) |")
        out.append("|:---|---:|---:|---:|---:|")
        func cell(_ row: CostGrowthTable.Row) -> String {
            let trials = row.firstTrial == row.lastTrial ? "\(row.firstTrial)" : "\(row.firstTrial)–\(row.lastTrial)"
            return "\(duration(row.suggest)) (n = \(trials))"
        }
        for suggester in results.suggesters {
            let mine = rows.filter { $0.suggester == suggester.label }
            guard let first = mine.first, let last = mine.last else { continue }
            let middle = mine[mine.count / 2]
            let exponent = GrowthExponent.fit(mine).map { fit in
                String(format: "%.2f", fit.exponent) + " (\(fit.trials.lowerBound)–\(fit.trials.upperBound))"
            } ?? "— (fewer than \(GrowthExponent.minimumPoints) bins)"
            out.append("| \(ReportMarkdown.escape(suggester.label)) | \(cell(first)) | \(cell(middle)) | \(cell(last)) | \(exponent) |")
        }
        out.append("")
        out.append(ReportMarkdown.image("Suggestion time against the trial index", plots, PlotCatalog.costGrowth))
        out.append("")
        return out
    }
}
