/// ecdf.gp: the runtime ECDF of each suggester over all problems (ecdf.csv's curves): the
/// fraction of (problem, target) pairs reached against evaluations.
///
/// Data file ecdf.dat: one row per evaluation count of ecdf.csv (``ECDFTable/evaluations(_:)``:
/// every evaluation where a fraction can change when trace.csv is there, else the checkpoints);
/// column 1 the evaluations, then one column per suggester (manifest order) with the fraction
/// reached.
public enum ECDFPlot: Picture {
    public static let width = 900
    public static let height = 600

    public static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript] { [script(results, source: source)] }

    public static func script(_ results: ResultsSummary, source: String) -> PlotScript {
        let stem = PlotCatalog.ecdf
        let counts = ECDFTable.evaluations(results)
        let fractions = ECDFTable.fractions(results, at: counts)
        var data = ["# fraction of (problem, target) pairs reached; \(ECDFTable.targetCount) regret targets per problem, log-spaced",
                    "# evaluations " + results.suggesters.map(\.label).joined(separator: " ")]
        for (c, evaluations) in counts.enumerated() {
            data.append(([String(evaluations)] + fractions.map { Gnuplot.number($0[c]) }).joined(separator: " "))
        }
        let first = counts.first ?? 1, last = counts.last ?? results.finalEvaluations
        var lines = [Gnuplot.preamble(stem: stem, description: "Runtime ECDF over all problems, one curve per suggester.",
                                      source: source, width: width, height: height)]
        lines.append("""
            set title "Runtime ECDF over \(Wording.count(results.problems.count, "problem")): fraction of (problem, target) pairs reached\\n\(ECDFTable.targetCount) targets per problem, log-spaced in regret from the median first-checkpoint regret to the best final regret" noenhanced
            set xlabel "evaluations"
            set ylabel "fraction of (problem, target) pairs reached"
            \(last >= 10 * first ? "set logscale x 10" : "unset logscale x")
            \(last > first ? "set xrange [\(first):\(last)]" : "set xrange [*:*]")
            set yrange [0:1]
            set ytics 0,0.2,1
            set grid xtics ytics lc rgb "#dddddd"
            set key outside right top box opaque noenhanced width 2
            data = \(Gnuplot.quoted(stem + ".dat"))
            """)
        let clauses = results.suggesters.enumerated().map { s, suggester in
            results.hasTraces ? "data using 1:\(s + 2) with steps \(Gnuplot.style(s)) title \(Gnuplot.quoted(suggester.label))" :
            "data using 1:\(s + 2) with steps \(Gnuplot.style(s)) title \(Gnuplot.quoted(suggester.label)), \\\n     data using 1:\(s + 2) with points lc rgb \(Gnuplot.quoted(Palette.colour(s))) pt \(Palette.pointType(s)) ps 1 notitle"
        }
        lines.append("plot " + clauses.joined(separator: ", \\\n     "))
        return PlotScript(stem: stem, width: width, height: height, script: lines, data: data)
    }
}
