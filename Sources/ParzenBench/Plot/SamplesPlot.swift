import Foundation
import Parzen

/// PROBLEM-samples.gp: where each suggester sampled in replicate 0 (samples.csv), one panel per
/// suggester, over the function's curve (1-D) or a shaded map of it (2-D). Grid coverage against
/// TPE's concentration is visible at a glance.
///
/// The function values are computed here from the test-function registry (the noise-free
/// function the problem names; nothing of the experiment is rerun). A log-kind hyperparameter
/// (loguniform, lognormal, …) is drawn on its log₁₀.
///
/// Data files:
/// - PROBLEM-grid.dat: 1-D: `x f(x)` at ``curvePoints`` points; 2-D: `x y z` on a
///   ``mapPoints``² grid, scan lines separated by a blank line, z = log₁₀(f − f* + δ) with
///   δ = 10⁻³·(max f − min f over the grid) (or 10⁻¹² if the grid is flat);
/// - PROBLEM-samples.dat: one block per suggester (`index`, manifest order), one row per trial:
///   `trial x loss` (1-D) or `trial x y loss` (2-D); NaN for a failed trial's loss.
public enum SamplesPlot {
    public static let curvePoints = 401
    public static let mapPoints = 121
    public static let panelWidth = 420

    /// The noise-free test function of `problem` when it has a 1-D or 2-D numeric,
    /// unconditional space; nil otherwise (or if the registry no longer knows it). A bbob
    /// problem is drawn at the instance its replicate 0 ran.
    public static func function(for problem: ResultSet.Problem) -> TestFunction? {
        guard let key = problem.functionKey,
              let function = try? TestFunctionRegistry.function(named: key, dimension: problem.dimension, instance: problem.instance),
              SamplesWriter.isPlottable(function.space) else { return nil }
        return function
    }

    /// One axis: the label, the stored-value range of the prior, and whether it is drawn on log₁₀.
    struct Axis {
        let label: String
        let isLog: Bool
        var low: Double
        var high: Double

        init(_ parameter: Parameter) {
            label = parameter.label
            isLog = parameter.distribution.isLog
            switch parameter.distribution {
            case .uniform(let l, let h), .quniform(let l, let h, _): (low, high) = (l, h)
            case .uniformint(let l, let h): (low, high) = (Double(l), Double(h))
            case .randint(let l, let h): (low, high) = (Double(l), Double(h - 1))
            case .loguniform(let l, let h), .qloguniform(let l, let h, _): (low, high) = (Foundation.exp(l), Foundation.exp(h))
            case .normal(let mu, let sigma), .qnormal(let mu, let sigma, _): (low, high) = (mu - 3 * sigma, mu + 3 * sigma)
            case .lognormal(let mu, let sigma), .qlognormal(let mu, let sigma, _):
                (low, high) = (Foundation.exp(mu - 3 * sigma), Foundation.exp(mu + 3 * sigma))
            case .choice, .pchoice: (low, high) = (0, 1)
            }
        }

        /// Widens the range to hold the sampled values.
        mutating func include(_ values: [Double]) {
            for value in values where value.isFinite && (!isLog || value > 0) {
                low = Swift.min(low, value)
                high = Swift.max(high, value)
            }
        }

        /// The drawn coordinate of a stored value.
        func coordinate(_ value: Double) -> Double { isLog ? (value > 0 ? log10(value) : .nan) : value }

        /// `count` stored values evenly spaced in drawn coordinates.
        func grid(_ count: Int) -> [Double] {
            let a = coordinate(low), b = coordinate(high)
            return (0..<count).map { i in
                let t = a + (b - a) * Double(i) / Double(count - 1)
                return isLog ? Foundation.pow(10, t) : t
            }
        }

        var title: String { isLog ? "log10(\(label))" : label }
    }

    /// The panel grid for `k` suggesters: up to four a row.
    static func layout(_ k: Int) -> (rows: Int, columns: Int) {
        let columns = min(4, max(1, k))
        return ((max(1, k) + columns - 1) / columns, columns)
    }

    public static func script(_ results: ResultsInfo, problem p: Int, source: String) -> PlotScript? {
        let problem = results.problems[p]
        guard let function = function(for: problem), let byLabel = results.samples[problem.label] else { return nil }
        let stem = PlotCatalog.samples(problem)
        let twoD = function.space.parameters.count == 2
        var axes = function.space.parameters.map(Axis.init)
        let points = results.suggesters.map { byLabel[$0.label] ?? [] }
        axes[0].include(points.flatMap { $0.map(\.x) })
        if twoD { axes[1].include(points.flatMap { $0.compactMap(\.y) }) }
        let labels = function.space.labels

        // The function on a grid.
        var grid: [String] = []
        let noisy = problem.noise > 0 ? "; points: the noisy loss the suggester saw" : ""
        if twoD {
            let xs = axes[0].grid(mapPoints), ys = axes[1].grid(mapPoints)
            var values: [[Double]] = []
            for x in xs {
                values.append(ys.map { y in (try? function.value(at: Assignment([(labels[0], x), (labels[1], y)]))) ?? .nan })
            }
            let finite = values.flatMap { $0 }.filter(\.isFinite)
            let spread = (finite.max() ?? 0) - (finite.min() ?? 0)
            let delta = spread > 0 ? 1e-3 * spread : 1e-12
            grid.append("# \(axes[0].title) \(axes[1].title) log10(f - f* + \(delta))")
            for (i, x) in xs.enumerated() {
                if i > 0 { grid.append("") }
                for (j, y) in ys.enumerated() {
                    let z = values[i][j].isFinite ? log10(max(values[i][j] - function.optimum, 0) + delta) : .nan
                    grid.append("\(Gnuplot.number(axes[0].coordinate(x))) \(Gnuplot.number(axes[1].coordinate(y))) \(Gnuplot.number(z))")
                }
            }
        } else {
            grid.append("# \(axes[0].title) f")
            for x in axes[0].grid(curvePoints) {
                let value = (try? function.value(at: Assignment([(labels[0], x)]))) ?? .nan
                grid.append("\(Gnuplot.number(axes[0].coordinate(x))) \(Gnuplot.number(value))")
            }
        }

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
            fgrid = \(Gnuplot.quoted(problem.label + "-grid.dat"))
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
        return PlotScript(stem: stem, width: width, height: height, files: [
            PlotFile(name: stem + ".gp", contents: lines.joined(separator: "\n") + "\n"),
            PlotFile(name: stem + ".dat", contents: data.joined(separator: "\n") + "\n"),
            PlotFile(name: problem.label + "-grid.dat", contents: grid.joined(separator: "\n") + "\n"),
        ])
    }
}
