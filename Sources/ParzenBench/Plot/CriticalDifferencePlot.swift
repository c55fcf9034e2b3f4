/// ranks.gp: Demšar's critical-difference diagram: the average ranks (ranks.csv) on a horizontal
/// axis from 1 (best) to k, each suggester's name hooked to its rank, a bar of length CD (the
/// Nemenyi critical difference) above the axis, and thick bars below it joining groups of
/// suggesters whose ranks differ by less than CD (not significantly different).
///
/// Data file ranks.dat: one row per suggester (manifest order): average rank, colour as
/// 0xRRGGBB. The names, hooks and bars are `set label`/`set arrow` commands in the script.
public enum CriticalDifferencePlot: Picture {
    public static let width = 900

    /// Groups of suggesters (indices into the rank-sorted order, first...last) whose average
    /// ranks all lie within less than `cd` of each other; maximal, in ascending order.
    public static func cliques(sortedRanks: [Double], cd: Double) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var lastEnd = 0
        for i in sortedRanks.indices {
            var j = i
            while j + 1 < sortedRanks.count && sortedRanks[j + 1] - sortedRanks[i] < cd { j += 1 }
            if j > i && j > lastEnd { result.append(i...j); lastEnd = j }
            if j > lastEnd { lastEnd = j }
        }
        return result
    }

    /// The height in pixels for a y range of `span` units (title and margins plus 130 px a unit).
    static func height(span: Double) -> Int {
        110 + Int((130 * span).rounded())
    }

    /// None with fewer than two suggesters (no ranks).
    public static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript] {
        script(results, source: source).map { [$0] } ?? []
    }

    /// nil with fewer than two suggesters (no ranks).
    public static func script(_ results: ResultsSummary, source: String) -> PlotScript? {
        guard let test = RankTable.friedman(results) else { return nil }
        let stem = PlotCatalog.ranks
        let k = results.suggesters.count
        let ranks = test.averageRanks
        let cd = test.criticalDifference
        // Sort by rank, ties by manifest order, so the layout is deterministic.
        let order = ranks.indices.sorted { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : $0 < $1 }
        let sortedRanks = order.map { ranks[$0] }
        let groups = cliques(sortedRanks: sortedRanks, cd: cd)

        var data = ["# average rank, colour (0xRRGGBB); one row per suggester: " + results.suggesters.map(\.label).joined(separator: " ")]
        for s in results.suggesters.indices { data.append("\(Gnuplot.number(ranks[s])) \(Palette.colourValue(s))") }

        let xMax = max(Double(k), 1 + cd)
        let cliqueTop = -0.22, cliqueStep = 0.16
        let labelTop = cliqueTop - cliqueStep * Double(groups.count) - 0.3
        let labelStep = 0.42
        let leftCount = (k + 1) / 2
        let rowsBelow = max(leftCount, k - leftCount)
        let yMin = labelTop - labelStep * Double(rowsBelow - 1) - 0.3
        let yMax = 1.45
        let names = order.map { "\(results.suggesters[$0].label) (\(String(format: "%.2f", ranks[$0])))" }
        let margin = (names.map(\.count).max() ?? 8) + 4
        let height = height(span: yMax - yMin)

        var lines = [Gnuplot.preamble(stem: stem, description: "Critical-difference diagram of the average ranks (Demšar 2006).",
                                      source: source, width: width, height: height)]
        let verdict = test.pValue < 0.05 ? "differences exist" : "no significant difference"
        lines.append("""
            set title "Average ranks over \(Wording.count(test.problems, "problem")) at \(results.finalEvaluations) evaluations (1 = best)\\nFriedman p = \(Gnuplot.short(test.pValue)) (\(verdict)); Nemenyi CD (alpha = 0.05) = \(Gnuplot.short(cd)); bars join suggesters within CD" noenhanced
            unset border
            unset xtics
            unset ytics
            unset key
            set lmargin \(margin)
            set rmargin \(margin)
            set xrange [1:\(Gnuplot.number(xMax))]
            set yrange [\(Gnuplot.number(yMin)):\(Gnuplot.number(yMax))]
            # the rank axis
            set arrow from 1,0 to \(k),0 nohead lw 1.5 lc rgb '#000000'
            """)
        for r in 1...k {
            lines.append("set arrow from \(r),0 to \(r),0.16 nohead lw 1.5 lc rgb '#000000'")
            lines.append("set label '\(r)' at \(r),0.34 center")
            if r < k { lines.append("set arrow from \(Double(r) + 0.5),0 to \(Double(r) + 0.5),0.08 nohead lw 1 lc rgb '#000000'") }
        }
        lines.append("# the critical difference")
        lines.append("set arrow from 1,0.95 to \(Gnuplot.number(1 + cd)),0.95 heads size screen 0.006,90 lw 2 lc rgb '#000000'")
        lines.append("set label 'CD = \(Gnuplot.short(cd))' at \(Gnuplot.number(1 + cd / 2)),1.17 center")
        lines.append("# groups not significantly different")
        for (g, group) in groups.enumerated() {
            let y = cliqueTop - cliqueStep * Double(g)
            lines.append("set arrow from \(Gnuplot.number(sortedRanks[group.lowerBound] - 0.04)),\(Gnuplot.number(y)) to \(Gnuplot.number(sortedRanks[group.upperBound] + 0.04)),\(Gnuplot.number(y)) nohead lw 5 lc rgb '#000000'")
        }
        lines.append("# suggesters: a hook from the rank down to the name")
        for (position, s) in order.enumerated() {
            let onLeft = position < leftCount
            let row = onLeft ? position : k - 1 - position
            let y = labelTop - labelStep * Double(row)
            let edge = onLeft ? 1.0 : xMax
            let colour = Gnuplot.quoted(Palette.colour(s))
            lines.append("set arrow from \(Gnuplot.number(ranks[s])),0 to \(Gnuplot.number(ranks[s])),\(Gnuplot.number(y)) nohead lw 1.5 lc rgb \(colour)")
            lines.append("set arrow from \(Gnuplot.number(ranks[s])),\(Gnuplot.number(y)) to \(Gnuplot.number(edge)),\(Gnuplot.number(y)) nohead lw 1.5 lc rgb \(colour)")
            lines.append("set label \(Gnuplot.quoted(names[position])) at \(Gnuplot.number(edge)),\(Gnuplot.number(y)) \(onLeft ? "right offset -0.6,0" : "left offset 0.6,0") noenhanced textcolor rgb \(colour)")
        }
        lines.append("plot \(Gnuplot.quoted(stem + ".dat")) using 1:(0):2 with points pt 7 ps 1.8 lc rgb variable notitle")
        return PlotScript(stem: stem, width: width, height: height, script: lines, data: data)
    }
}
