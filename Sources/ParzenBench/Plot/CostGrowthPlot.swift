import Foundation

/// cost-growth.gp: each suggester's median suggestion time against the trial index, with its
/// interquartile range, pooled over problems and runs, log–log (cost-growth.csv;
/// machine-dependent). The key gives each suggester's ``GrowthExponent``.
///
/// Data file cost-growth.dat: one block per suggester (`index`, manifest order), one row per
/// index bin: `trial median q25 q75`, the trial being the bin's geometric middle. Drawn only
/// when the results have cost-growth.csv.
public enum CostGrowthPlot: Picture {
    public static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript] {
        script(results.info, source: source).map { [$0] } ?? []
    }

    public static func script(_ results: ResultsInfo, source: String) -> PlotScript? {
        guard let rows = results.costGrowth, !rows.isEmpty else { return nil }
        let data = ["# median suggestion seconds against the trial index, pooled over problems and runs; one block per suggester; "
                    + "depends on the machine",
                    "# trial median q25 q75"]
            + TimePicture.blocks(results, rows: rows, suggester: \.suggester) { [$0.trialIndex, $0.suggest, $0.suggestQ25, $0.suggestQ75] }
        let clauses = results.suggesters.enumerated().map { s, suggester in
            let title = GrowthExponent.fit(rows.filter { $0.suggester == suggester.label })
                .map { suggester.label + " (b = " + String(format: "%.2f", $0.exponent) + ")" } ?? suggester.label
            return "data index \(s) using 1:2:3:4 with yerrorlines \(Gnuplot.style(s, lineWidth: 1.5)) pt \(Palette.pointType(s)) ps 0.8 title \(Gnuplot.quoted(title))"
        }
        let last = rows.map(\.trialIndex).max() ?? 10
        return TimePicture.script(
            stem: PlotCatalog.costGrowth, description: "Suggestion time against the trial index, per suggester.",
            title: "Median suggestion time against the trial index\nbars: interquartile range; b: growth exponent over the last two doublings of n\n"
                + "measured while the cells ran: depends on the machine",
            xLabel: "trial index n", logScale: "xy 10", xRange: "set xrange [0.8:\(Gnuplot.number(max(10, last * 1.25)))]",
            times: rows.flatMap { [$0.suggest, $0.suggestQ25, $0.suggestQ75] }, clauses: clauses, data: data, source: source)
    }
}
