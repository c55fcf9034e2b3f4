import Foundation

/// PROBLEM-samples.gp: where each suggester sampled in replicate 0 (samples.csv), one panel per
/// suggester, over the function's curve (1-D) or a shaded map of it (2-D). Grid coverage against
/// TPE's concentration is visible at a glance.
///
/// Reads the results alone: the axes from sample-axes.csv and the function from PROBLEM-grid.dat,
/// both written at collect time (``SampleGrid``); a log-kind hyperparameter is drawn on its log₁₀.
///
/// Data file PROBLEM-samples.dat: one block per suggester (`index`, manifest order), one row per
/// trial: `trial x loss` (1-D) or `trial x y loss` (2-D); NaN for a failed trial's loss.
public enum SamplesPlot: Picture {
    public static let panelWidth = 420

    /// The panel grid for `k` suggesters: up to four a row.
    static func layout(_ k: Int) -> (rows: Int, columns: Int) {
        let columns = min(4, max(1, k))
        return ((max(1, k) + columns - 1) / columns, columns)
    }

    /// One script per problem of ``PlotCatalog/sampleProblems(_:)``.
    public static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript] {
        PlotCatalog.sampleProblems(results.info).compactMap { script(results.info, problem: $0, source: source) }
    }

    public static func script(_ results: ResultsInfo, problem p: Int, source: String) -> PlotScript? {
        let problem = results.problems[p]
        guard let axes = results.sampleAxes[problem.label], !axes.isEmpty, let byLabel = results.samples[problem.label] else { return nil }
        let stem = PlotCatalog.samples(problem)
        let twoD = axes.count == 2
        let points = results.suggesters.map { byLabel[$0.label] ?? [] }
        let noisy = problem.noise > 0 ? "; points: the noisy loss the suggester saw" : ""

        var data = ["# \(problem.label): points evaluated in replicate 0; one block per suggester",
                    "# trial \(axes[0].title)\(twoD ? " " + axes[1].title : "") loss"]
        for (s, suggester) in results.suggesters.enumerated() {
            if s > 0 { data.append(contentsOf: ["", ""]) }
            data.append("# suggester \(s): \(suggester.label)")
            if points[s].isEmpty { data.append(twoD ? "0 NaN NaN NaN" : "0 NaN NaN") }
            for point in points[s] {
                var fields = [String(point.trial), Gnuplot.number(axes[0].coordinate(point.x))]
                if twoD { fields.append(Gnuplot.number(point.y.map(axes[1].coordinate) ?? .nan)) }
                fields.append(Gnuplot.number(point.loss ?? .nan))
                data.append(fields.joined(separator: " "))
            }
        }

        let k = results.suggesters.count
        let (rows, columns) = layout(k)
        let panelHeight = twoD ? 400 : 340
        let width = panelWidth * columns, height = panelHeight * rows + 50
        let trials = points.map(\.count).max() ?? 0
        var lines = [Gnuplot.preamble(stem: stem, description: "\(problem.label): where each suggester sampled (replicate 0).",
                                      source: source, width: width, height: height, fontSize: 10)]
        let x0 = Gnuplot.number(axes[0].coordinate(axes[0].low)), x1 = Gnuplot.number(axes[0].coordinate(axes[0].high))
        let heading = twoD
            ? "\(problem.label): the \(trials) points each suggester evaluated (replicate 0); shading: log10 of f - f*, dark = low\(noisy)"
            : "\(problem.label): the \(trials) points each suggester evaluated (replicate 0) on the curve of f\(noisy)"
        lines.append("""
            fgrid = \(Gnuplot.quoted(SampleGrid.fileName(problem: problem.label)))
            data = \(Gnuplot.quoted(stem + ".dat"))
            set xrange [\(x0):\(x1)]
            set xlabel \(Gnuplot.quoted(axes[0].title)) noenhanced
            set grid lc rgb "#e0e0e0"
            unset key
            """)
        if twoD {
            let y0 = Gnuplot.number(axes[1].coordinate(axes[1].low)), y1 = Gnuplot.number(axes[1].coordinate(axes[1].high))
            lines.append("""
                set yrange [\(y0):\(y1)]
                set ylabel \(Gnuplot.quoted(axes[1].title)) noenhanced
                set palette defined (0 '#3a3a3a', 0.5 '#a8a8a8', 1 '#f4f4f4')
                unset colorbox
                set size ratio -1
                """)
        } else {
            lines.append("set ylabel \(Gnuplot.quoted("f(\(axes[0].label))")) noenhanced")
        }
        lines.append("set multiplot layout \(rows),\(columns) title \(Gnuplot.doubleQuoted(heading)) noenhanced")
        for (s, suggester) in results.suggesters.enumerated() {
            let colour = Gnuplot.quoted(Palette.colour(s))
            lines.append("set title \(Gnuplot.quoted(suggester.label)) noenhanced textcolor rgb \(colour)")
            if twoD {
                lines.append("plot fgrid using 1:2:3 with image, \\\n     data index \(s) using 2:3 with points pt 7 ps 0.9 lc rgb \(colour), \\\n     data index \(s) using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'")
            } else {
                lines.append("plot fgrid using 1:2 with lines lw 1.5 lc rgb '#888888', \\\n     data index \(s) using 2:3 with points pt 7 ps 0.9 lc rgb \(colour), \\\n     data index \(s) using 2:3 with points pt 6 ps 0.9 lc rgb '#000000'")
            }
        }
        lines.append("unset multiplot")
        return PlotScript(stem: stem, width: width, height: height, script: lines, data: data,
                          collected: [SampleGrid.fileName(problem: problem.label)])
    }
}
