import Foundation
import GSLKit
import Parzen

/// Aggregates a manifest's finished cells into results/NAME: runs.csv, summary.csv, timings.csv,
/// manifest.lock.yaml, samples.csv, sample-axes.csv with each sample picture's grid in plots/NAME
/// (``SampleGrid``), trace.csv (``TraceTable``), cost.csv (``CostTable``), and,
/// when there are any, cost-growth.csv (``CostGrowthTable``), extras.csv (``ExtrasTable``), short-runs.csv (``ShortRunsTable``) and
/// failures.csv (``FailuresTable``). Reads only the cells (``CellArchive``).
///
/// Cells that failed (their run left a failure record) are listed in failures.csv and everything
/// else is collected; collect refuses only while a cell has neither a record nor a failure
/// (not run yet, e.g. a shard still running) or when no cell finished.
public struct Collector: Sendable {
    public let manifest: Manifest
    public let store: ResultStore
    /// Where the sample pictures' function grids go (``SampleGrid``): plots/NAME beside the
    /// results folder by default.
    public var plotsFolder: URL
    /// Threads that read cells at once (``collectAll()``); the files do not depend on it.
    public let threads: Int

    /// - Parameter threads: threads that read cells at once, at least 1 (default: the number
    ///   of cores; `parzen run` passes its `--jobs`).
    public init(manifest: Manifest, store: ResultStore, plotsFolder: URL? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.manifest = manifest
        self.store = store
        self.plotsFolder = plotsFolder ?? SampleGrid.defaultPlotsFolder(for: store.root)
        self.threads = max(1, threads)
    }

    /// Cells that have no usable record, with the failure message where the last run failed.
    public func missingCells() -> [(cell: String, failure: String?)] {
        let archive = store.cells(), catalog = manifest.catalog
        return (0..<catalog.count).compactMap { index in
            let cell = catalog.cell(at: index)
            return archive.contains(cell) ? nil : (cell.name, archive.failure(of: cell))
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
        /// Lines about the cells folder: cell files of the one-file-per-cell layout read as
        /// they are, damaged records skipped.
        public let notes: [String]

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
    ///   neither a record nor a failure, or when no cell finished; nothing is written then.
    /// - Determinism: every file but timings.csv, cost.csv and cost-growth.csv is a pure function of the
    ///   manifest (and of which cells failed).
    @discardableResult
    public func collect() throws -> String {
        try collectAll().table
    }

    /// Writes every results file and returns what it found (see ``collect()``).
    ///
    /// Streams: a first pass over the cells finds the missing and failed ones and what each
    /// problem's tables need from all its runs (the best noise-free loss, whether it is noisy);
    /// a second pass reads one (problem, suggester) group at a time and appends its rows to
    /// the tables. Memory holds one group's records and the cell index, whatever the number of
    /// cells. Each pass reads a group's cells on ``threads`` threads (``OrderedParallelMap``)
    /// and uses them in cell order, so the files do not depend on the number of threads.
    public func collectAll() throws -> Outcome {
        let catalog = manifest.catalog
        let archive = store.cells()
        var notes: [String] = []
        if let legacy = archive.legacy { notes.append(legacy.readingNote) }
        if archive.damagedRecords > 0 {
            notes.append("\(store.cellsFolder.path): skipped \(archive.damagedRecords) torn or damaged cell record(s); run the manifest again to recompute their cells")
        }
        let pairsPerProblem = manifest.suggesters.count * manifest.repeats
        var missing: [(cell: String, failure: String?)] = []
        var failures: [FailuresTable.Row] = []
        var growth = CostGrowth(suggesters: manifest.suggesters.map(\.label))
        var bestTrueLoss = [Double?](repeating: nil, count: manifest.problems.count)
        var noisy = [Bool](repeating: false, count: manifest.problems.count)
        // One (problem, suggester) group's cells at a time, read on `threads` threads; this pass
        // needs no points, so they are dropped as each cell is read.
        for start in stride(from: 0, to: catalog.count, by: manifest.repeats) {
            let records = OrderedParallelMap.map(start..<(start + manifest.repeats), threads: threads) { index -> CellRecord? in
                guard var record = archive.load(catalog.cell(at: index)) else { return nil }
                for i in record.rows.indices { record.rows[i].assignment = Assignment() }
                return record
            }
            for (offset, record) in records.enumerated() {
                let index = start + offset, cell = catalog.cell(at: index)
                let p = index / pairsPerProblem
                if let record {
                    growth.add(record, suggester: cell.suggester.label)
                    for row in record.rows where row.status == .ok {
                        if let trueLoss = row.trueLoss {
                            if bestTrueLoss[p] == nil || trueLoss < bestTrueLoss[p]! { bestTrueLoss[p] = trueLoss }
                            if trueLoss != row.loss { noisy[p] = true }
                        }
                    }
                } else {
                    let message = archive.failure(of: cell)
                    missing.append((cell.name, message))
                    if let message {
                        failures.append(FailuresTable.Row(problem: cell.problem.label, suggester: cell.suggester.label,
                                                          replicate: cell.replicate, message: message))
                    }
                }
            }
        }
        guard missing.allSatisfy({ $0.failure != nil }), missing.count < catalog.count else { throw CollectError.missingCells(missing) }
        let references = referenceLosses(bestTrueLoss: bestTrueLoss)

        let runs = try TableStream(store.root.appendingPathComponent("runs.csv"))
        let timings = try TableStream(store.root.appendingPathComponent("timings.csv"))
        let trace = try TableStream(store.root.appendingPathComponent(TraceTable.fileName))
        let extras = try TableStream(store.root.appendingPathComponent(ExtrasTable.fileName))
        try runs.write(CSV.row(["problem", "suggester", "replicate", "evaluations", "best_loss", "regret"]) + "\n")
        try timings.write(CSV.row(["problem", "suggester", "replicate", "evaluations", "suggest_seconds", "evaluate_seconds"]) + "\n")
        try trace.write(CSV.row(TraceTable.header) + "\n")
        try extras.write(CSV.row(ExtrasTable.header) + "\n")
        let extrasHeader = extras.written
        var summary: [SummaryRow] = []
        var cost: [CostTable.Row] = []
        var shortRuns: [ShortRunsTable.Row] = []
        var samples: [(problem: ProblemSpec, suggester: SuggesterSpec, record: CellRecord)] = []
        var index = 0
        for (p, problem) in manifest.problems.enumerated() {
            for suggester in manifest.suggesters {
                var group = Group(problem: problem, suggester: suggester, budget: problem.budget ?? manifest.budget, records: [], replicates: [])
                let first = index
                // Only replicate 0's points are written (samples.csv): the others' assignments
                // are dropped as each cell is read.
                let records = OrderedParallelMap.map(0..<manifest.repeats, threads: threads) { replicate -> CellRecord? in
                    guard var record = archive.load(catalog.cell(at: first + replicate)) else { return nil }
                    record.trialTimes = nil
                    if replicate != 0 {
                        for i in record.rows.indices { record.rows[i].assignment = Assignment() }
                    }
                    return record
                }
                for (replicate, record) in records.enumerated() {
                    if let record {
                        group.records.append(record)
                        group.replicates.append(replicate)
                    }
                }
                index += manifest.repeats
                group.references = group.replicates.map { references[p][$0] }
                group.outcomes = group.records.enumerated().map { i, record in
                    record.incumbents(at: manifest.checkpoints).map { bestAndRegret($0, problem: problem, reference: group.references[i]) }
                }
                // A short run has no runs.csv row past its last evaluation.
                group.reached = group.records.indices.map { i in
                    group.isShort(i) ? manifest.checkpoints.filter { $0 <= group.records[i].rows.count }.count : manifest.checkpoints.count
                }
                try runs.write(runsLines(group))
                try timings.write(timingsLines(group))
                var traceBytes = ByteWriter(capacity: 1 << 16, rememberingNumbers: true)
                TraceTable.append(group, noisy: noisy[p], to: &traceBytes)
                try trace.write(traceBytes.bytes)
                try extras.write(ExtrasTable.lines(group))
                summary += summaryRows(group)
                if let row = CostTable.row(group) { cost.append(row) }
                shortRuns += ShortRunsTable.rows(group, collector: self)
                if group.replicates.first == 0 { samples.append((problem, suggester, group.records[0])) }
            }
        }
        try runs.finish()
        try timings.finish()
        try trace.finish()
        if extras.written > extrasHeader { try extras.finish() } else { extras.discard() }
        try store.writeAtomically(summaryCSV(summary), to: store.root.appendingPathComponent("summary.csv"))
        try store.writeAtomically(ManifestLock.text(for: manifest), to: store.root.appendingPathComponent("manifest.lock.yaml"))
        try store.writeAtomically(SamplesWriter.text(samples), to: store.root.appendingPathComponent(SamplesWriter.fileName))
        try SampleGrid.write(samples, to: store, plots: plotsFolder)
        try store.writeAtomically(CostTable.text(cost), to: store.root.appendingPathComponent(CostTable.fileName))
        try CostGrowthTable.write(growth, to: store)
        try ShortRunsTable.write(shortRuns, to: store)
        try FailuresTable.write(failures, to: store)
        return Outcome(table: SummaryTable.render(summary, manifest: manifest), failures: failures, shortRuns: shortRuns, notes: notes)
    }

    /// The loss regret is measured against, per problem (manifest order) and replicate: the
    /// known optimum of the replicate's objective (as a loss), or else the best noise-free loss
    /// any run of the manifest reached on the problem (`bestTrueLoss`, per problem).
    func referenceLosses(bestTrueLoss: [Double?]) -> [[Double]] {
        manifest.problems.enumerated().map { p, problem in
            let optima = (0..<manifest.repeats).map { problem.objective.knownOptimum(replicate: $0) }
            if optima.allSatisfy({ $0 != nil }) { return optima.map { problem.direction.loss(fromObjectiveValue: $0!) } }
            return Array(repeating: bestTrueLoss[p] ?? .nan, count: manifest.repeats)
        }
    }

    /// The best value so far in the user's sign, and its regret (≥ 0, on the loss scale).
    func bestAndRegret(_ incumbent: (loss: Double, trueLoss: Double)?, problem: ProblemSpec, reference: Double) -> (best: Double, regret: Double) {
        guard let incumbent else {
            return (problem.direction.objectiveValue(fromLoss: .infinity), .infinity)
        }
        return (problem.direction.objectiveValue(fromLoss: incumbent.loss), incumbent.trueLoss - reference)
    }

    /// The runs.csv lines of one group, each ending in a newline.
    func runsLines(_ group: Group) -> String {
        var text = ""
        for (i, outcomes) in group.outcomes.enumerated() {
            let replicate = group.replicates[i]
            for (checkpoint, outcome) in zip(manifest.checkpoints, outcomes).prefix(group.reached[i]) {
                text += CSV.row([group.problem.label, group.suggester.label, String(replicate), String(checkpoint),
                                 CSV.number(outcome.best), CSV.number(outcome.regret)]) + "\n"
            }
        }
        return text
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

    func summaryRows(_ group: Group) -> [SummaryRow] {
        var rows: [SummaryRow] = []
        if !group.outcomes.isEmpty {
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

    /// The timings.csv lines of one group, each ending in a newline.
    func timingsLines(_ group: Group) -> String {
        var text = ""
        for (record, replicate) in zip(group.records, group.replicates) {
            text += CSV.row([group.problem.label, group.suggester.label, String(replicate), String(record.rows.count),
                             CSV.number(record.suggestSeconds), CSV.number(record.evaluateSeconds)]) + "\n"
        }
        return text
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
