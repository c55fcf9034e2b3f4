import GSLKit

/// final.gp: the distribution of the final regret of each suggester, one box-plot panel per
/// problem (log y): boxes from the 25th to the 75th percentile with the median, whiskers from the
/// minimum to the maximum, the replicates as dots. The quartiles are computed here (as in
/// report.md), drawn with gnuplot's candlesticks (its own boxplot style fails on three values).
///
/// Data files (one block per problem, gnuplot `index` in manifest order, blocks separated by two
/// blank lines; values floored for the log axis per problem, NaN where not finite):
/// - final.dat: one row per suggester: `x min q25 median q75 max colour` with x = 1…k the
///   suggester's position (manifest order) and colour 0xRRGGBB;
/// - final-points.dat: one row per replicate and suggester: `x regret`.
public enum FinalDistributionPlot: Picture {
    public static let panelWidth = 420
    public static let panelHeight = 380

    /// Columns and rows of the panel grid for `count` problems.
    public static func layout(_ count: Int) -> (rows: Int, columns: Int) {
        let columns = min(3, max(1, count))
        return ((max(1, count) + columns - 1) / columns, columns)
    }

    public static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript] { [script(results, source: source)] }

    public static func script(_ results: ResultsSummary, source: String) -> PlotScript {
        let stem = PlotCatalog.final
        let k = results.suggesters.count
        var boxes = ["# final regret after \(results.finalEvaluations) evaluations; one block per problem",
                     "# x min q25 median q75 max colour; x = 1..\(k): " + results.suggesters.map(\.label).joined(separator: " ")]
        // One line per run: appended to one string rather than kept as lines.
        var dots = "# final regret after \(results.finalEvaluations) evaluations; one block per problem\n# x regret\n"
        var floors: [Double] = []
        for (p, problem) in results.problems.enumerated() {
            let finals = results.suggesters.indices.map { results.finalRegrets(problem: p, suggester: $0) }
            let floor = Gnuplot.logFloor(finals.flatMap { $0 })
            floors.append(floor)
            if p > 0 { boxes.append(contentsOf: ["", ""]); dots += "\n\n" }
            boxes.append("# problem \(p): \(problem.label)")
            dots += "# problem \(p): \(problem.label)\n"
            for (s, values) in finals.enumerated() {
                let sorted = Statistics.sorted(values)
                let stats = [sorted[0], Quartiles.quantile(sorted: sorted, 0.25), Statistics.median(sorted: sorted),
                             Quartiles.quantile(sorted: sorted, 0.75), sorted[sorted.count - 1]]
                boxes.append(([String(s + 1)] + stats.map { Gnuplot.number(Gnuplot.floored($0, floor)) } + [String(Palette.colourValue(s))])
                    .joined(separator: " "))
                for value in values {
                    dots += String(s + 1)
                    dots += " "
                    dots += Gnuplot.number(Gnuplot.floored(value, floor))
                    dots += "\n"
                }
            }
        }
        let (rows, columns) = layout(results.problems.count)
        let width = panelWidth * columns, height = panelHeight * rows + 40
        var lines = [Gnuplot.preamble(stem: stem, description: "Final regret distributions, one panel per problem.",
                                      source: source, width: width, height: height, fontSize: 10)]
        let tics = results.suggesters.enumerated().map { "\(Gnuplot.quoted($1.label)) \($0 + 1)" }.joined(separator: ", ")
        lines.append("""
            set style fill solid 0.5 border lc rgb '#333333'
            set boxwidth 0.6 absolute
            set logscale y 10
            set format y "10^{%L}"
            set xrange [0.4:\(k).6]
            set xtics (\(tics)) rotate by 30 right noenhanced nomirror
            set ytics nomirror
            set grid ytics lc rgb "#dddddd"
            unset key
            set ylabel "final regret"
            boxes = \(Gnuplot.quoted(stem + ".dat"))
            dots = \(Gnuplot.quoted(stem + "-points.dat"))
            set multiplot layout \(rows),\(columns) title "Final regret after \(results.finalEvaluations) evaluations (boxes: quartiles and median, whiskers: min to max, dots: replicates)"
            """)
        let winners = FinalSummary.winners(results)
        for (p, problem) in results.problems.enumerated() {
            var title = problem.label + (winners[p].map { ": \(results.suggesters[$0].label) best (Holm p < 0.05)" } ?? ": no significant winner")
            if results.suggesters.indices.contains(where: { s in results.finalRegrets(problem: p, suggester: s).contains { $0 <= 0 } }) {
                title += "\nregret <= 0 drawn at \(Gnuplot.short(floors[p]))"
            }
            // A panel without a finite regret (every trial failed) gets a fixed range and says
            // so; gnuplot refuses to autoscale an axis without a point.
            let empty = !results.suggesters.indices.contains { s in results.finalRegrets(problem: p, suggester: s).contains { $0.isFinite } }
            lines.append("set title \(Gnuplot.doubleQuoted(title)) noenhanced")
            if empty { lines.append("set yrange [0.1:10]\nset label 1 \"no successful trial\" at graph 0.5, 0.5 center") }
            lines.append("plot boxes index \(p) using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \\\n"
                         + "     boxes index \(p) using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \\\n"
                         + "     dots index \(p) using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'")
            if empty { lines.append("unset label 1\nset autoscale y") }
        }
        lines.append("unset multiplot")
        return PlotScript(stem: stem, width: width, height: height, script: lines, data: boxes,
                          more: [PlotFile(name: stem + "-points.dat", contents: dots)])
    }
}
