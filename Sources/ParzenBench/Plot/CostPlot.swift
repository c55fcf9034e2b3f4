/// cost.gp: each suggester's suggestion time per trial against the trials per run (N), one point
/// per problem with its interquartile range over runs, log y (log x when the run lengths span a
/// decade) (cost.csv; machine-dependent).
///
/// Data file cost.dat: one block per suggester (`index`, manifest order), one row per problem:
/// `trials suggest_seconds_per_trial q25 q75`. Drawn only when the results have cost.csv.
public enum CostPlot: Picture {
    public static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript] {
        script(results.info, source: source).map { [$0] } ?? []
    }

    public static func script(_ results: ResultsInfo, source: String) -> PlotScript? {
        guard let rows = results.cost, !rows.isEmpty else { return nil }
        let data = ["# suggestion seconds per trial against trials per run; one block per suggester; depends on the machine",
                    "# trials median q25 q75"]
            + TimePicture.blocks(results, rows: rows, suggester: \.suggester) { [$0.trials, $0.suggest, $0.suggestQ25, $0.suggestQ75] }
        let trials = rows.map(\.trials).filter { $0 > 0 && $0.isFinite }
        // Log x over a decade or more of run lengths; linear (with readable tics) otherwise.
        let low = trials.min() ?? 1, high = trials.max() ?? 10
        let xRange = high >= 10 * low ? "set logscale x 10\nset xrange [\(Gnuplot.number(low / 1.5)):\(Gnuplot.number(high * 1.5))]"
            : "unset logscale x\nset xrange [\(Gnuplot.number(max(0, low - 0.1 * max(high, 10)))):\(Gnuplot.number(high + 0.1 * max(high, 10)))]"
        let clauses = results.suggesters.enumerated().map { s, suggester in
            "data index \(s) using 1:2:3:4 with yerrorbars lc rgb \(Gnuplot.quoted(Palette.colour(s))) pt \(Palette.pointType(s)) ps 1.2 title \(Gnuplot.quoted(suggester.label))"
        }
        return TimePicture.script(
            stem: PlotCatalog.cost, description: "Suggestion time per trial against trials per run, per suggester.",
            title: "Suggestion time per trial against trials per run (one point per problem; bars: interquartile range over runs)\n"
                + "measured while the cells ran: depends on the machine and its load",
            xLabel: "trials per run (N)", logScale: "y 10", xRange: xRange,
            times: rows.flatMap { [$0.suggest, $0.suggestQ25, $0.suggestQ75] }, clauses: clauses, data: data, source: source)
    }
}
