import Foundation

/// cost-growth.gp: each suggester's median suggestion time against the trial index, with its
/// interquartile range, pooled over problems and runs, log–log (cost-growth.csv;
/// machine-dependent). The key gives each suggester's ``GrowthExponent``.
///
/// Data file cost-growth.dat: one block per suggester (`index`, manifest order), one row per
/// index bin: `trial median q25 q75`, the trial being the bin's geometric middle. Drawn only
/// when the results have cost-growth.csv.
public enum CostGrowthPlot {
    public static let width = 900
    public static let height = 600

    public static func script(_ results: ResultsInfo, source: String) -> PlotScript? {
        guard let rows = results.costGrowth, !rows.isEmpty else { return nil }
        let stem = PlotCatalog.costGrowth
        var data = ["# median suggestion seconds against the trial index, pooled over problems and runs; one block per suggester; "
                    + "depends on the machine",
                    "# trial median q25 q75"]
        data += CostPlot.blocks(results, rows: rows, suggester: \.suggester) { [$0.trialIndex, $0.suggest, $0.suggestQ25, $0.suggestQ75] }
        let titles = results.suggesters.map { suggester in
            GrowthExponent.fit(rows.filter { $0.suggester == suggester.label })
                .map { suggester.label + " (b = " + String(format: "%.2f", $0.exponent) + ")" } ?? suggester.label
        }
        let yRange = CostPlot.yRange(rows.flatMap { [$0.suggest, $0.suggestQ25, $0.suggestQ75] })
        let last = rows.map(\.trialIndex).max() ?? 10
        var lines = [Gnuplot.preamble(stem: stem, description: "Suggestion time against the trial index, per suggester.",
                                      source: source, width: width, height: height)]
        lines.append("""
            set title "Median suggestion time against the trial index\\nbars: interquartile range; b: growth exponent over the last two doublings of n\\nmeasured while the cells ran: depends on the machine" noenhanced
            set xlabel "trial index n"
            set ylabel "seconds per suggestion"
            set logscale xy 10
            set format y "10^{%L}"
            set xrange [0.8:\(Gnuplot.number(max(10, last * 1.25)))]
            \(yRange)
            set grid xtics ytics lc rgb "#dddddd"
            set key outside right top box opaque noenhanced width 2
            data = \(Gnuplot.quoted(stem + ".dat"))
            """)
        let clauses = titles.enumerated().map { s, title in
            "data index \(s) using 1:2:3:4 with yerrorlines \(Gnuplot.style(s, lineWidth: 1.5)) pt \(Palette.pointType(s)) ps 0.8 title \(Gnuplot.quoted(title))"
        }
        lines.append("plot " + clauses.joined(separator: ", \\\n     "))
        return PlotScript(stem: stem, width: width, height: height, files: [
            PlotFile(name: stem + ".gp", contents: lines.joined(separator: "\n") + "\n"),
            PlotFile(name: stem + ".dat", contents: data.joined(separator: "\n") + "\n"),
        ])
    }
}
