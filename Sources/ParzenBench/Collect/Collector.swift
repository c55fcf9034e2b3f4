import Foundation
import GSLKit
import Parzen

/// Aggregates a manifest's finished cells into results/NAME: runs.csv, summary.csv, timings.csv,
/// manifest.lock.yaml, samples.csv, trace.csv (``TraceTable``), cost.csv (``CostTable``), and,
/// when there are any, cost-growth.csv (``CostGrowthTable``), extras.csv (``ExtrasTable``), short-runs.csv (``ShortRunsTable``) and
/// failures.csv (``FailuresTable``). Reads only cell files (and the files beside them).
///
/// Cells that failed (their run left a failure note) are listed in failures.csv and everything
/// else is collected; collect refuses only while a cell has neither a file nor a failure note
/// (not run yet, e.g. a shard still running) or when no cell finished.
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

    /// What a collect found besides the files it wrote.
    public struct Outcome: Sendable {
        /// The table printed after a run (``SummaryTable``).
        public let table: String
        /// The cells that failed, in cell order; their groups are left out of the statistics.
        public let failures: [FailuresTable.Row]
        /// The runs that stopped before their budget (an exhausted suggester), in cell order.
        public let shortRuns: [ShortRunsTable.Row]

        /// One line per (problem, suggester) with short runs, for `parzen run` and `collect`.
        public var shortRunLines: [String] { ShortRunsTable.summaryLines(shortRuns) }
    }

    /// One (problem, suggester) pair's finished runs, each the incumbents at every checkpoint.
    struct Group {
        let problem: ProblemSpec
        let suggester: SuggesterSpec
        /// The evaluations each run was given (the problem's budget, else the manifest's).
        let budget: Int
        /// The finished runs, replicate order; `replicates[i]` is the replicate of `records[i]`.
        var records: [CellRecord]
        var replicates: [Int]
        /// Per record, the best value in the user's sign and its regret at every checkpoint (a
        /// run that stopped short of its budget keeps its last value).
        var outcomes: [[(best: Double, regret: Double)]] = []
        /// Per record, how many checkpoints the run reached (all unless it stopped short).
        var reached: [Int] = []
        /// Per record, the regret measure's reference loss.
        var references: [Double] = []

        /// Whether run `i` stopped before its budget.
        func isShort(_ i: Int) -> Bool { records[i].rows.count < budget }
    }

    /// Writes every results file and returns the summary table for stdout.
    ///
    /// - Throws: ``CollectError/missingCells(_:)`` listing what is missing when a cell has
    ///   neither a file nor a failure note, or when no cell finished; nothing is written then.
    /// - Determinism: every file but timings.csv, cost.csv and cost-growth.csv is a pure function of the
    ///   manifest (and of which cells failed).
    @discardableResult
    public func collect() throws -> String {
        try collectAll().table
    }

    /// Writes every results file and returns what it found (see ``collect()``).
    public func collectAll() throws -> Outcome {
        // Each cell file is read once; the cell order is problems × suggesters × replicates.
        let cells = manifest.cells
        var records: [CellRecord?] = []
        records.reserveCapacity(cells.count)
        var missing: [(cell: String, failure: String?)] = []
        var failures: [FailuresTable.Row] = []
        var growth = CostGrowth(suggesters: manifest.suggesters.map(\.label))
        for cell in cells {
            if var record = store.load(cell) {
                growth.add(record, suggester: cell.suggester.label)
                record.trialTimes = nil
                // Only replicate 0's points are written (samples.csv): the others' assignments
                // are dropped as each cell is read, which keeps a 10⁵-cell collect's memory down.
                if cell.replicate != 0 {
                    for i in record.rows.indices { record.rows[i].assignment = Assignment() }
                }
                records.append(record)
            } else {
                records.append(nil)
                let message = store.failure(of: cell)
                missing.append((cell.name, message))
                if let message {
                    failures.append(FailuresTable.Row(problem: cell.problem.label, suggester: cell.suggester.label,
                                                      replicate: cell.replicate, message: message))
                }
            }
        }
        guard missing.allSatisfy({ $0.failure != nil }), missing.count < cells.count else { throw CollectError.missingCells(missing) }
        var groups: [Group] = []
        var index = 0
        for problem in manifest.problems {
            for suggester in manifest.suggesters {
                var group = Group(problem: problem, suggester: suggester, budget: problem.budget ?? manifest.budget, records: [], replicates: [])
                for replicate in 0..<manifest.repeats {
                    if let record = records[index + replicate] {
                        group.records.append(record)
                        group.replicates.append(replicate)
                    }
                }
                groups.append(group)
                index += manifest.repeats
            }
        }
        records = []
        let references = referenceLosses(groups)
        for g in groups.indices {
            let reference = references[groups[g].problem.label]!
            let group = groups[g]
            groups[g].references = group.replicates.map { reference[$0] }
            groups[g].outcomes = group.records.enumerated().map { i, record in
                record.incumbents(at: manifest.checkpoints).map { bestAndRegret($0, problem: group.problem, reference: reference[group.replicates[i]]) }
            }
            // A short run has no runs.csv row past its last evaluation.
            groups[g].reached = group.records.indices.map { i in
                group.isShort(i) ? manifest.checkpoints.filter { $0 <= group.records[i].rows.count }.count : manifest.checkpoints.count
            }
        }
        try store.writeAtomically(runsCSV(groups), to: store.root.appendingPathComponent("runs.csv"))
        let summary = summaryRows(groups)
        try store.writeAtomically(summaryCSV(summary), to: store.root.appendingPathComponent("summary.csv"))
        try store.writeAtomically(timingsCSV(groups), to: store.root.appendingPathComponent("timings.csv"))
        try store.writeAtomically(ManifestLock.text(for: manifest), to: store.root.appendingPathComponent("manifest.lock.yaml"))
        try SamplesWriter.write(groups, to: store)
        try ExtrasTable.write(groups, to: store)
        try TraceTable.write(groups, to: store)
        try CostTable.write(groups, to: store)
        try CostGrowthTable.write(growth, to: store)
        let shortRuns = ShortRunsTable.rows(groups, collector: self)
        try ShortRunsTable.write(shortRuns, to: store)
        try FailuresTable.write(failures, to: store)
        return Outcome(table: SummaryTable.render(summary, manifest: manifest), failures: failures, shortRuns: shortRuns)
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
            for (i, outcomes) in group.outcomes.enumerated() {
                let replicate = group.replicates[i]
                for (checkpoint, outcome) in zip(manifest.checkpoints, outcomes).prefix(group.reached[i]) {
                    lines.append(CSV.row([group.problem.label, group.suggester.label, String(replicate), String(checkpoint),
                                          CSV.number(outcome.best), CSV.number(outcome.regret)]))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Descriptive statistics of the best value (user's sign) over replicates, per checkpoint;
    /// a run that stopped short of its budget counts with its last value at later checkpoints.
    struct SummaryRow {
        let problem: String
        let suggester: String
        let evaluations: Int
        let runs: Int
        let median, q25, q75, mean, sd, min, max, medianRegret: Double
    }

    func summaryRows(_ groups: [Group]) -> [SummaryRow] {
        var rows: [SummaryRow] = []
        for group in groups where !group.outcomes.isEmpty {
            for (c, checkpoint) in manifest.checkpoints.enumerated() {
                let values = group.outcomes.map { $0[c] }
                let losses = Statistics.sorted(values.map(\.best))
                let regrets = Statistics.sorted(values.map(\.regret))
                let extremes = Statistics.minMax(losses)!
                rows.append(SummaryRow(
                    problem: group.problem.label, suggester: group.suggester.label, evaluations: checkpoint, runs: losses.count,
                    median: Statistics.median(sorted: losses), q25: Quartiles.quantile(sorted: losses, 0.25),
                    q75: Quartiles.quantile(sorted: losses, 0.75), mean: Statistics.mean(losses),
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
            for (record, replicate) in zip(group.records, group.replicates) {
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
