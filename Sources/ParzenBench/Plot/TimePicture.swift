/// What the two time pictures (``CostPlot``, ``CostGrowthPlot``) share: their size, their data
/// blocks of one suggester each, the log y axis of seconds per suggestion and the script around
/// their plot clauses. Their times depend on the machine.
enum TimePicture {
    static let width = 900
    static let height = 600

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

    /// The picture STEM.png of seconds per suggestion (log y, its range from `times`) against
    /// `xLabel`, drawn by `clauses` (one per suggester) from `data`.
    ///
    /// - Parameters:
    ///   - logScale: the axes of `set logscale` (`y 10`, `xy 10`).
    ///   - xRange: the x range commands.
    static func script(stem: String, description: String, title: String, xLabel: String, logScale: String, xRange: String,
                       times: [Double], clauses: [String], data: [String], source: String) -> PlotScript {
        var lines = [Gnuplot.preamble(stem: stem, description: description, source: source, width: width, height: height)]
        lines.append("""
            set title \(Gnuplot.doubleQuoted(title)) noenhanced
            set xlabel \(Gnuplot.doubleQuoted(xLabel))
            set ylabel "seconds per suggestion"
            set logscale \(logScale)
            set format y "10^{%L}"
            \(xRange)
            \(yRange(times))
            set grid xtics ytics lc rgb "#dddddd"
            set key outside right top box opaque noenhanced width 2
            data = \(Gnuplot.quoted(stem + ".dat"))
            """)
        lines.append("plot " + clauses.joined(separator: ", \\\n     "))
        return PlotScript(stem: stem, width: width, height: height, script: lines, data: data)
    }
}
