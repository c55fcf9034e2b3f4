import Foundation
import GSLKit
import Parzen

/// Aggregates a manifest's finished cells into results/NAME/{runs,summary,timings}.csv,
/// manifest.lock.yaml, samples.csv and (when a suggester reports proposal extras) extras.csv.
/// Reads only cell files (and the extras files beside them); refuses while any cell is missing or failed.
public struct Collector: Sendable {
    public let manifest: Manifest
    public let store: ResultStore

    public init(manifest: Manifest, store: ResultStore) {
        self.manifest = manifest
        self.store = store
    }

    /// Cells that have no valid file, with the failure message where the last run failed.
    public func missingCells() -> [(cell: String, failure: String?)] {
        manifest.cells.compactMap { cell in
            store.load(cell) == nil ? (cell.name, store.failure(of: cell)) : nil
        }
    }

    /// One (problem, suggester) pair's runs, each the incumbents at every checkpoint.
    struct Group {
        let problem: ProblemSpec
        let suggester: SuggesterSpec
        var records: [CellRecord]
        /// Per record, the best value in the user's sign and its regret at every checkpoint.
        var outcomes: [[(best: Double, regret: Double)]] = []
    }

    /// Writes every results file and returns the summary table for stdout.
    ///
    /// - Throws: ``CollectError/missingCells(_:)`` listing what is missing; nothing is written then.
    /// - Determinism: every file but timings.csv is a pure function of the manifest.
    @discardableResult
    public func collect() throws -> String {
        // Each cell file is read once; the cell order is problems × suggesters × replicates.
        let cells = manifest.cells
        var records: [CellRecord] = []
        records.reserveCapacity(cells.count)
        var missing: [(cell: String, failure: String?)] = []
        for cell in cells {
            if let record = store.load(cell) { records.append(record) } else { missing.append((cell.name, store.failure(of: cell))) }
        }
        guard missing.isEmpty else { throw CollectError.missingCells(missing) }
        var groups: [Group] = []
        var index = 0
        for problem in manifest.problems {
            for suggester in manifest.suggesters {
                groups.append(Group(problem: problem, suggester: suggester, records: Array(records[index..<(index + manifest.repeats)])))
                index += manifest.repeats
            }
        }
        let references = referenceLosses(groups)
        for g in groups.indices {
            let reference = references[groups[g].problem.label]!
            groups[g].outcomes = groups[g].records.enumerated().map { replicate, record in
                record.incumbents(at: manifest.checkpoints).map { bestAndRegret($0, problem: groups[g].problem, reference: reference[replicate]) }
            }
        }
        try store.writeAtomically(runsCSV(groups), to: store.root.appendingPathComponent("runs.csv"))
        let summary = summaryRows(groups)
        try store.writeAtomically(summaryCSV(summary), to: store.root.appendingPathComponent("summary.csv"))
        try store.writeAtomically(timingsCSV(groups), to: store.root.appendingPathComponent("timings.csv"))
        try store.writeAtomically(ManifestLock.text(for: manifest), to: store.root.appendingPathComponent("manifest.lock.yaml"))
        try SamplesWriter.write(groups, to: store)
        try ExtrasTable.write(groups, to: store)
        return SummaryTable.render(summary, manifest: manifest)
    }

    /// The loss regret is measured against, per problem and replicate: the known optimum of the
    /// replicate's objective (as a loss), or else the best noise-free loss any run of the
    /// manifest reached on the problem.
    func referenceLosses(_ groups: [Group]) -> [String: [Double]] {
        var references: [String: [Double]] = [:]
        for problem in manifest.problems {
            let optima = (0..<manifest.repeats).map { problem.objective.knownOptimum(replicate: $0) }
            if optima.allSatisfy({ $0 != nil }) {
                references[problem.label] = optima.map { problem.direction.loss(fromObjectiveValue: $0!) }
            } else {
                let best = groups.filter { $0.problem.label == problem.label }.flatMap(\.records).flatMap(\.rows)
                    .compactMap { $0.status == .ok ? $0.trueLoss : nil }.min()
                references[problem.label] = Array(repeating: best ?? .nan, count: manifest.repeats)
            }
        }
        return references
    }

    /// The best value so far in the user's sign, and its regret (≥ 0, on the loss scale).
    func bestAndRegret(_ incumbent: (loss: Double, trueLoss: Double)?, problem: ProblemSpec, reference: Double) -> (best: Double, regret: Double) {
        guard let incumbent else {
            return (problem.direction.objectiveValue(fromLoss: .infinity), .infinity)
        }
        return (problem.direction.objectiveValue(fromLoss: incumbent.loss), incumbent.trueLoss - reference)
    }

    func runsCSV(_ groups: [Group]) -> String {
        var lines = [CSV.row(["problem", "suggester", "replicate", "evaluations", "best_loss", "regret"])]
        for group in groups {
            for (replicate, outcomes) in group.outcomes.enumerated() {
                for (checkpoint, outcome) in zip(manifest.checkpoints, outcomes) {
                    lines.append(CSV.row([group.problem.label, group.suggester.label, String(replicate), String(checkpoint),
                                          CSV.number(outcome.best), CSV.number(outcome.regret)]))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Descriptive statistics of the best value (user's sign) over replicates, per checkpoint.
    struct SummaryRow {
        let problem: String
        let suggester: String
        let evaluations: Int
        let runs: Int
        let median, q25, q75, mean, sd, min, max, medianRegret: Double
    }

    func summaryRows(_ groups: [Group]) -> [SummaryRow] {
        var rows: [SummaryRow] = []
        for group in groups {
            for (c, checkpoint) in manifest.checkpoints.enumerated() {
                let values = group.outcomes.map { $0[c] }
                let losses = Statistics.sorted(values.map(\.best))
                let regrets = Statistics.sorted(values.map(\.regret))
                let extremes = Statistics.minMax(losses)!
                rows.append(SummaryRow(
                    problem: group.problem.label, suggester: group.suggester.label, evaluations: checkpoint, runs: losses.count,
                    median: Statistics.median(sorted: losses), q25: Statistics.quantile(sorted: losses, 0.25),
                    q75: Statistics.quantile(sorted: losses, 0.75), mean: Statistics.mean(losses),
                    sd: losses.count >= 2 ? Statistics.standardDeviation(losses) : .nan,
                    min: extremes.min, max: extremes.max, medianRegret: Statistics.median(sorted: regrets)))
            }
        }
        return rows
    }

    func summaryCSV(_ rows: [SummaryRow]) -> String {
        var lines = [CSV.row(["problem", "suggester", "evaluations", "runs", "median", "q25", "q75", "mean", "sd", "min", "max", "median_regret"])]
        for r in rows {
            lines.append(CSV.row([r.problem, r.suggester, String(r.evaluations), String(r.runs)]
                + [r.median, r.q25, r.q75, r.mean, r.sd, r.min, r.max, r.medianRegret].map { CSV.number($0) }))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func timingsCSV(_ groups: [Group]) -> String {
        var lines = [CSV.row(["problem", "suggester", "replicate", "evaluations", "suggest_seconds", "evaluate_seconds"])]
        for group in groups {
            for (replicate, record) in group.records.enumerated() {
                lines.append(CSV.row([group.problem.label, group.suggester.label, String(replicate), String(record.rows.count),
                                      CSV.number(record.suggestSeconds), CSV.number(record.evaluateSeconds)]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Why results could not be collected.
public enum CollectError: Error, CustomStringConvertible {
    case missingCells([(cell: String, failure: String?)])

    public var description: String {
        switch self {
        case .missingCells(let cells):
            let shown = cells.prefix(20).map { entry in entry.failure.map { "\(entry.cell) (failed: \($0))" } ?? entry.cell }
            let more = cells.count > 20 ? " and \(cells.count - 20) more" : ""
            return "\(cells.count) cell(s) missing or failed, nothing collected: \(shown.joined(separator: ", "))\(more)"
        }
    }
}
