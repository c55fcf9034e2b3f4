import GSLKit

/// PROBLEM-convergence.gp: the median best-so-far regret against evaluations, one line per
/// suggester with its interquartile band, log y (and log x over a decade or more).
///
/// Data file PROBLEM-convergence.dat: column 1 the evaluations, then per suggester (manifest
/// order) three columns: median, 25th and 75th percentile of the regret over the replicates,
/// floored for the log axis (see ``Gnuplot/logFloor(_:)``); NaN where a value is not finite (no
/// successful trial yet). With trace.csv there is one row at evaluation 1, at every evaluation
/// where some run of the problem improved, and at the budget, so the curves are exact between
/// rows (they change only there); without it (results collected before traces), one row per
/// checkpoint of runs.csv. A problem without any finite regret (every trial failed) is drawn as
/// an empty frame that says so.
public enum ConvergencePlot: Picture {
    public static let width = 900
    public static let height = 600

    /// One script per problem.
    public static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript] {
        results.problems.indices.map { script(results, problem: $0, source: source) }
    }

    public static func script(_ results: ResultsSummary, problem p: Int, source: String) -> PlotScript {
        let problem = results.problems[p]
        let stem = PlotCatalog.convergence(problem)
        let table = results.perProblem[p].convergence
        let floor = Gnuplot.logFloor(smallestPositive: table.smallestPositive)
        let (evaluations, quantiles, floored, empty) = (table.evaluations, table.quantiles, table.floored, table.empty)

        var data = ["# \(problem.label): best-so-far regret over \(table.replicates) replicates",
                    "# evaluations" + results.suggesters.map { " \($0.label):median,q25,q75" }.joined()]
        for (row, count) in evaluations.enumerated() {
            var fields = [String(count)]
            for s in results.suggesters.indices {
                for value in quantiles[row][s] { fields.append(Gnuplot.number(Gnuplot.floored(value, floor))) }
            }
            data.append(fields.joined(separator: " "))
        }

        let first = evaluations.first ?? 1, last = evaluations.last ?? results.finalEvaluations
        let logX = last >= 10 * first
        var title = "\(problem.label): median regret and interquartile band (\(table.replicates) replicates)"
        if floored { title += "\nregret <= 0 drawn at \(Gnuplot.short(floor))" }
        if empty { title += "\nno successful trial: no regret to draw" }
        var lines = [Gnuplot.preamble(stem: stem, description: "\(problem.label): convergence of the best-so-far regret.",
                                      source: source, width: width, height: height)]
        lines.append("""
            set title \(Gnuplot.doubleQuoted(title)) noenhanced
            set xlabel "evaluations"
            set ylabel "best-so-far regret (f - f*)"
            \(logX ? "set logscale x 10" : "unset logscale x")
            set logscale y 10
            set format y "10^{%L}"
            \(last > first ? "set xrange [\(first):\(last)]" : (empty ? "set xrange [\(first - 1):\(last + 1)]" : "set xrange [*:*]"))\(empty ? "\nset yrange [0.1:10]" : "")
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
            clauses.append(!results.hasTraces
                ? "data using 1:\(base) with linespoints \(Gnuplot.style(s)) pt \(Palette.pointType(s)) ps 1 title \(Gnuplot.quoted(suggester.label))"
                : "data using 1:\(base) with steps \(Gnuplot.style(s)) title \(Gnuplot.quoted(suggester.label))")
        }
        lines.append("plot " + clauses.joined(separator: ", \\\n     "))
        return PlotScript(stem: stem, width: width, height: height, script: lines, data: data)
    }
}
