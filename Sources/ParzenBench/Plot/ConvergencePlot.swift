import GSLKit

/// PROBLEM-convergence.gp: the median best-so-far regret against evaluations, one line per
/// suggester with its interquartile band, log y.
///
/// Data file PROBLEM-convergence.dat: one row per checkpoint; column 1 the evaluations, then per
/// suggester (manifest order) three columns: median, 25th and 75th percentile of the regret over
/// the replicates, floored for the log axis (see ``Gnuplot/logFloor(_:)``); NaN where a value is
/// not finite (no successful trial yet).
public enum ConvergencePlot {
    public static let width = 900
    public static let height = 600

    public static func script(_ results: ResultSet, problem p: Int, source: String) -> PlotScript {
        let problem = results.problems[p]
        let stem = PlotCatalog.convergence(problem)
        let all = results.regrets[p].flatMap { $0.flatMap { $0 } }
        let floor = Gnuplot.logFloor(all)
        let floored = all.contains { $0 <= 0 }

        var data = ["# \(problem.label): best-so-far regret over \(results.regrets[p].first?.count ?? 0) replicates",
                    "# evaluations" + results.suggesters.map { " \($0.label):median,q25,q75" }.joined()]
        for (c, evaluations) in results.checkpoints.enumerated() {
            var fields = [String(evaluations)]
            for s in results.suggesters.indices {
                let sorted = Statistics.sorted(results.regrets(problem: p, suggester: s, checkpoint: c))
                for fraction in [0.5, 0.25, 0.75] {
                    fields.append(Gnuplot.number(Gnuplot.floored(Quartiles.quantile(sorted: sorted, fraction), floor)))
                }
            }
            data.append(fields.joined(separator: " "))
        }

        let first = results.checkpoints.first ?? 1, last = results.finalEvaluations
        let logX = last >= 10 * first
        var title = "\(problem.label): median regret and interquartile band (\(results.regrets[p].first?.count ?? 0) replicates)"
        if floored { title += "\nregret <= 0 drawn at \(Gnuplot.short(floor))" }
        var lines = [Gnuplot.preamble(stem: stem, description: "\(problem.label): convergence of the best-so-far regret.",
                                      source: source, width: width, height: height)]
        lines.append("""
            set title \(Gnuplot.doubleQuoted(title)) noenhanced
            set xlabel "evaluations"
            set ylabel "best-so-far regret (f - f*)"
            \(logX ? "set logscale x 10" : "unset logscale x")
            set logscale y 10
            set format y "10^{%L}"
            \(last > first ? "set xrange [\(first):\(last)]" : "set xrange [*:*]")
            set grid xtics ytics mytics lc rgb "#dddddd"
            set key outside right top box opaque noenhanced width 2
            set style fill transparent solid 0.18 noborder
            data = \(Gnuplot.quoted(stem + ".dat"))
            """)
        var clauses: [String] = []
        for s in results.suggesters.indices {
            let base = 2 + 3 * s
            clauses.append("data using 1:\(base + 1):\(base + 2) with filledcurves lc rgb \(Gnuplot.quoted(Palette.colour(s))) notitle")
        }
        for (s, suggester) in results.suggesters.enumerated() {
            let base = 2 + 3 * s
            clauses.append("data using 1:\(base) with linespoints \(Gnuplot.style(s)) pt \(Palette.pointType(s)) ps 1 title \(Gnuplot.quoted(suggester.label))")
        }
        lines.append("plot " + clauses.joined(separator: ", \\\n     "))
        return PlotScript(stem: stem, width: width, height: height, files: [
            PlotFile(name: stem + ".gp", contents: lines.joined(separator: "\n") + "\n"),
            PlotFile(name: stem + ".dat", contents: data.joined(separator: "\n") + "\n"),
        ])
    }
}
