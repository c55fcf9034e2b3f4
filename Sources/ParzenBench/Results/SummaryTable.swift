import Foundation

/// The short table printed after a run: problems as rows, suggesters as columns, the median
/// regret at the final checkpoint; the lowest in each row is marked with `*`.
enum SummaryTable {
    static func render(_ rows: [Collector.SummaryRow], manifest: Manifest) -> String {
        let final = manifest.checkpoints.last ?? manifest.budget
        var table = [["median regret @\(final)"] + manifest.suggesters.map(\.label)]
        for problem in manifest.problems {
            let values = manifest.suggesters.map { suggester in
                rows.first { $0.problem == problem.label && $0.suggester == suggester.label && $0.evaluations == final }?.medianRegret ?? .nan
            }
            let best = values.filter { !$0.isNaN }.min()
            table.append([problem.label] + values.map { value in
                let text = value.isFinite ? String(format: "%.4g", value) : CSV.number(value)
                return value == best ? text + " *" : text + "  "
            })
        }
        var widths = [Int](repeating: 0, count: table[0].count)
        for row in table { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return table.map { row in
            row.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n(* lowest median regret in the row; see report.md for which differences are significant)"
    }
}
