/// cost.gp: each suggester's suggestion time per trial against the trials per run (N), one point
/// per problem with its interquartile range over runs, log y (log x when the run lengths span a
/// decade) (cost.csv; machine-dependent).
///
/// Data file cost.dat: one block per suggester (`index`, manifest order), one row per problem:
/// `trials suggest_seconds_per_trial q25 q75`. Drawn only when the results have cost.csv.
public enum CostPlot {
    public static let width = 900
    public static let height = 600

    public static func script(_ results: ResultsInfo, source: String) -> PlotScript? {
        guard let rows = results.cost, !rows.isEmpty else { return nil }
        let stem = PlotCatalog.cost
        var data = ["# suggestion seconds per trial against trials per run; one block per suggester; depends on the machine",
                    "# trials median q25 q75"]
        data += blocks(results, rows: rows, suggester: \.suggester) { [$0.trials, $0.suggest, $0.suggestQ25, $0.suggestQ75] }
        let trials = rows.map(\.trials).filter { $0 > 0 && $0.isFinite }
        let yRange = Self.yRange(rows.flatMap { [$0.suggest, $0.suggestQ25, $0.suggestQ75] })
        // Log x over a decade or more of run lengths; linear (with readable tics) otherwise.
        let low = trials.min() ?? 1, high = trials.max() ?? 10
        let logX = high >= 10 * low
        let xRange = logX ? "set logscale x 10\nset xrange [\(Gnuplot.number(low / 1.5)):\(Gnuplot.number(high * 1.5))]"
            : "unset logscale x\nset xrange [\(Gnuplot.number(max(0, low - 0.1 * max(high, 10)))):\(Gnuplot.number(high + 0.1 * max(high, 10)))]"
        var lines = [Gnuplot.preamble(stem: stem, description: "Suggestion time per trial against trials per run, per suggester.",
                                      source: source, width: width, height: height)]
        lines.append("""
            set title "Suggestion time per trial against trials per run (one point per problem; bars: interquartile range over runs)\\nmeasured while the cells ran: depends on the machine and its load" noenhanced
            set xlabel "trials per run (N)"
            set ylabel "seconds per suggestion"
            set logscale y 10
            set format y "10^{%L}"
            \(xRange)
            \(yRange)
            set grid xtics ytics lc rgb "#dddddd"
            set key outside right top box opaque noenhanced width 2
            data = \(Gnuplot.quoted(stem + ".dat"))
            """)
        let clauses = results.suggesters.enumerated().map { s, suggester in
            "data index \(s) using 1:2:3:4 with yerrorbars lc rgb \(Gnuplot.quoted(Palette.colour(s))) pt \(Palette.pointType(s)) ps 1.2 title \(Gnuplot.quoted(suggester.label))"
        }
        lines.append("plot " + clauses.joined(separator: ", \\\n     "))
        return PlotScript(stem: stem, width: width, height: height, files: [
            PlotFile(name: stem + ".gp", contents: lines.joined(separator: "\n") + "\n"),
            PlotFile(name: stem + ".dat", contents: data.joined(separator: "\n") + "\n"),
        ])
    }

    /// The data blocks of a time picture: one a suggester (manifest order, for gnuplot's
    /// `index`), headed `# suggester S: LABEL`, two blank lines apart, one row of `columns` per
    /// row of its own (times ≤ 0 as NaN: a log axis cannot show them); a suggester without rows
    /// gets one NaN row, which keeps the later blocks' indices.
    static func blocks<Row>(_ results: ResultsInfo, rows: [Row], suggester: (Row) -> String, columns: (Row) -> [Double]) -> [String] {
        var data: [String] = []
        for (s, label) in results.suggesters.map(\.label).enumerated() {
            if s > 0 { data.append(contentsOf: ["", ""]) }
            data.append("# suggester \(s): \(label)")
            let mine = rows.filter { suggester($0) == label }
            if mine.isEmpty { data.append("NaN NaN NaN NaN") }
            for row in mine { data.append(columns(row).map { Gnuplot.number($0 > 0 ? $0 : .nan) }.joined(separator: " ")) }
        }
        return data
    }

    /// A log y range around the positive finite times, a factor of 2 each side (10⁻⁷ to 1 s without any).
    static func yRange(_ times: [Double]) -> String {
        let positive = times.filter { $0 > 0 && $0.isFinite }
        guard let low = positive.min(), let high = positive.max() else { return "set yrange [1e-7:1]" }
        return "set yrange [\(Gnuplot.number(low / 2)):\(Gnuplot.number(high * 2))]"
    }
}
