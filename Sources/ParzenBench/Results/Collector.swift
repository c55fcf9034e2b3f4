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
    /// Threads that read cells at once and then make samples.csv, summary.csv and the summary
    /// table at once (``collectAll()``), and whether the sample-picture grids and the lock file
    /// are made beside them (more than one); the files do not depend on it.
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
        missingCells(in: store.cells())
    }

    private func missingCells(in archive: CellArchive) -> [(cell: String, failure: String?)] {
        let catalog = manifest.catalog
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
        /// The finished runs, in replicate order.
        var runs: [CollectedRun]
        /// Per run, the best value in the user's sign and its regret at every checkpoint (a
        /// run that stopped short of its budget keeps its last value).
        var outcomes: [[(best: Double, regret: Double)]] = []
        /// Per run, how many checkpoints it reached (all unless it stopped short).
        var reached: [Int] = []
        /// Per run, the regret measure's reference loss.
        var references: [Double] = []

        /// Whether run `i` stopped before its budget.
        func isShort(_ i: Int) -> Bool { runs[i].trials < budget }
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
    /// Streams, reading every record once: one problem at a time, it reads the problem's cells
    /// on ``threads`` threads (``OrderedParallelMap``) into ``CollectedRun``s (the points of
    /// replicate 0 alone are kept, for samples.csv), finds what the problem's tables need from
    /// all its runs (the best noise-free loss, whether it is noisy), and appends each (problem,
    /// suggester) group's rows to the tables in cell order, so the files do not depend on the
    /// number of threads. Memory holds one problem's collected runs (not their trials) and the
    /// cell index, whatever the number of cells. Whether every cell has a record or a failure is
    /// known from the index before any record is read; a record that turns out unusable is found
    /// while reading, and the tables written so far are then dropped.
    public func collectAll() throws -> Outcome {
        let catalog = manifest.catalog
        let archive = store.cells(threads: threads)
        var notes: [String] = []
        if let legacy = archive.legacy { notes.append(legacy.readingNote) }
        if archive.damagedRecords > 0 {
            notes.append("\(store.cellsFolder.path): skipped \(archive.damagedRecords) torn or damaged cell record(s); run the manifest again to recompute their cells")
        }
        var anyRecord = false
        for index in 0..<catalog.count {
            let cell = catalog.cell(at: index)
            if archive.mayHaveRecord(cell) {
                anyRecord = true
            } else if archive.failure(of: cell) == nil {
                throw CollectError.missingCells(missingCells(in: archive))
            }
        }
        guard anyRecord else { throw CollectError.missingCells(missingCells(in: archive)) }

        let runs = try TableStream(store.root.appendingPathComponent("runs.csv"))
        let timings = try TableStream(store.root.appendingPathComponent("timings.csv"))
        let trace = try TableStream(store.root.appendingPathComponent(TraceTable.fileName))
        let extras = try TableStream(store.root.appendingPathComponent(ExtrasTable.fileName))
        try runs.write(CSV.row(["problem", "suggester", "replicate", "evaluations", "best_loss", "regret"]) + "\n")
        try timings.write(CSV.row(["problem", "suggester", "replicate", "evaluations", "suggest_seconds", "evaluate_seconds"]) + "\n")
        try trace.write(CSV.row(TraceTable.header) + "\n")
        try extras.write(CSV.row(ExtrasTable.header) + "\n")
        let extrasHeader = extras.written
        let pairsPerProblem = manifest.suggesters.count * manifest.repeats
        var missing: [(cell: String, failure: String?)] = []
        var failures: [FailuresTable.Row] = []
        let growth = Locked(CostGrowth(suggesters: manifest.suggesters.map(\.label)))
        var summary: [SummaryRow] = []
        var cost: [CostTable.Row] = []
        var shortRuns: [ShortRunsTable.Row] = []
        var samples: [(problem: ProblemSpec, suggester: SuggesterSpec, record: CellRecord)] = []
        // Work that needs none of the records still to come (the lock file's text, each
        // problem's sample-picture grid once its replicate-0 records are read) runs on another
        // thread while the reading goes on; inline on one thread.
        let beside = DispatchGroup()
        defer { beside.wait() }
        let runBeside: (@escaping @Sendable () -> Void) -> Void = { [threads] job in
            if threads > 1 { DispatchQueue.global().async(group: beside, execute: job) } else { job() }
        }
        let lock = Locked(String?.none)
        runBeside { [manifest] in
            let text = ManifestLock.text(for: manifest)
            lock.withLock { $0 = text }
        }
        var pictures: [(problem: String, axes: [SampleAxis])] = []
        let grids = Locked([String: String]())
        for (p, problem) in manifest.problems.enumerated() {
            let first = p * pairsPerProblem
            // Each cell once; only replicate 0's records are kept whole, with their points
            // (samples.csv), by suggester. Per-trial times go into the growth histograms (their
            // sums do not depend on the order) and are dropped.
            let read = OrderedParallelMap.map(first..<(first + pairsPerProblem), threads: threads) { index -> (run: CollectedRun, record: CellRecord?)? in
                let cell = catalog.cell(at: index)
                guard var record = archive.load(cell, points: cell.replicate == 0) else { return nil }
                growth.withLock { $0.add(record, suggester: cell.suggester.label) }
                record.trialTimes = nil
                return (CollectedRun(record, replicate: cell.replicate), cell.replicate == 0 ? record : nil)
            }
            for (offset, entry) in read.enumerated() where entry == nil {
                let cell = catalog.cell(at: first + offset)
                let message = archive.failure(of: cell)
                missing.append((cell.name, message))
                if let message {
                    failures.append(FailuresTable.Row(problem: cell.problem.label, suggester: cell.suggester.label,
                                                      replicate: cell.replicate, message: message))
                }
            }
            let problemRuns = read.lazy.compactMap { $0?.run }
            let references = referenceLosses(problem: problem, bestTrueLoss: CollectedRun.bestTrueLoss(problemRuns))
            let noisy = problemRuns.contains { $0.noisy }
            let samplesBefore = samples.count
            for (s, suggester) in manifest.suggesters.enumerated() {
                let cells = read[(s * manifest.repeats)..<((s + 1) * manifest.repeats)]
                var group = Group(problem: problem, suggester: suggester, budget: problem.budget ?? manifest.budget,
                                  runs: cells.compactMap { $0?.run })
                group.references = group.runs.map { references[$0.replicate] }
                group.outcomes = group.runs.enumerated().map { i, run in
                    run.incumbents(at: manifest.checkpoints).map { bestAndRegret($0, problem: problem, reference: group.references[i]) }
                }
                // A short run has no runs.csv row past its last evaluation.
                group.reached = group.runs.indices.map { i in
                    group.isShort(i) ? manifest.checkpoints.filter { $0 <= group.runs[i].trials }.count : manifest.checkpoints.count
                }
                try runs.write(runsLines(group))
                try timings.write(timingsLines(group))
                var traceBytes = ByteWriter(capacity: 1 << 16, rememberingNumbers: true)
                TraceTable.append(group, noisy: noisy, to: &traceBytes)
                try trace.write(traceBytes.bytes)
                try extras.write(ExtrasTable.lines(group))
                summary += summaryRows(group)
                if let row = CostTable.row(group) { cost.append(row) }
                shortRuns += ShortRunsTable.rows(group, collector: self)
                if let record = read[s * manifest.repeats]?.record { samples.append((problem, suggester, record)) }
            }
            let problemSamples = samples.suffix(from: samplesBefore).map(\.record)
            if let picture = SampleGrid.picture(problem, records: problemSamples) {
                pictures.append((problem.label, picture.axes))
                runBeside { [label = problem.label] in
                    let text = SampleGrid.text(picture.function, axes: picture.axes)
                    grids.withLock { $0[label] = text }
                }
            }
        }
        // A record found unusable while reading, whose cell has no failure either: nothing is
        // written (the tables' temporary files go with their streams).
        guard missing.allSatisfy({ $0.failure != nil }), missing.count < catalog.count else { throw CollectError.missingCells(missing) }
        try runs.finish()
        try timings.finish()
        try trace.finish()
        if extras.written > extrasHeader { try extras.finish() } else { extras.discard() }
        // The longest texts still to make, each a pure function of what was read, are made at once
        // (samples.csv first, the longest); the files are then written in a fixed order.
        let texts = OrderedParallelMap.map(0..<3, threads: threads) { [summary, samples, manifest] i -> String in
            switch i {
            case 0: SamplesWriter.text(samples)
            case 1: summaryCSV(summary)
            default: SummaryTable.render(summary, manifest: manifest)
            }
        }
        try store.writeAtomically(texts[1], to: store.root.appendingPathComponent("summary.csv"))
        beside.wait()
        try store.writeAtomically(lock.withLock { $0! }, to: store.root.appendingPathComponent("manifest.lock.yaml"))
        try store.writeAtomically(texts[0], to: store.root.appendingPathComponent(SamplesWriter.fileName))
        let gridTexts = grids.withLock { $0 }
        try SampleGrid.write(pictures.map { ($0.problem, $0.axes, gridTexts[$0.problem]!) }, to: store, plots: plotsFolder)
        try store.writeAtomically(CostTable.text(cost), to: store.root.appendingPathComponent(CostTable.fileName))
        try CostGrowthTable.write(growth.withLock { $0 }, to: store)
        try ShortRunsTable.write(shortRuns, to: store)
        try FailuresTable.write(failures, to: store)
        return Outcome(table: texts[2], failures: failures, shortRuns: shortRuns, notes: notes)
    }

    /// The loss regret is measured against, per replicate of `problem`: the known optimum of the
    /// replicate's objective (as a loss), or else the best noise-free loss any run of the
    /// manifest reached on the problem (`bestTrueLoss`).
    func referenceLosses(problem: ProblemSpec, bestTrueLoss: Double?) -> [Double] {
        let optima = (0..<manifest.repeats).map { problem.objective.knownOptimum(replicate: $0) }
        if optima.allSatisfy({ $0 != nil }) { return optima.map { problem.direction.loss(fromObjectiveValue: $0!) } }
        return Array(repeating: bestTrueLoss ?? .nan, count: manifest.repeats)
    }

    /// The best value so far in the user's sign, and its regret (≥ 0, on the loss scale).
    func bestAndRegret(_ incumbent: (loss: Double, trueLoss: Double)?, problem: ProblemSpec, reference: Double) -> (best: Double, regret: Double) {
        guard let incumbent else {
            return (problem.direction.objectiveValue(fromLoss: .infinity), .infinity)
        }
        return (problem.direction.objectiveValue(fromLoss: incumbent.loss), incumbent.trueLoss - reference)
    }

    /// The runs.csv lines of one group, each ending in a newline.
    func runsLines(_ group: Group) -> [UInt8] {
        let prefix = CSV.row([group.problem.label, group.suggester.label]) + ","
        var out = ByteWriter(capacity: 1 << 12, rememberingNumbers: true)
        for (i, outcomes) in group.outcomes.enumerated() {
            let replicate = group.runs[i].replicate
            for (checkpoint, outcome) in zip(manifest.checkpoints, outcomes).prefix(group.reached[i]) {
                Self.writeRow(prefix, replicate, checkpoint, outcome.best, outcome.regret, to: &out)
            }
        }
        return out.bytes
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
        CSV.text(header: ["problem", "suggester", "evaluations", "runs", "median", "q25", "q75", "mean", "sd", "min", "max", "median_regret"],
                 rows: rows.map { r in
                     [r.problem, r.suggester, String(r.evaluations), String(r.runs)]
                         + [r.median, r.q25, r.q75, r.mean, r.sd, r.min, r.max, r.medianRegret].map { CSV.number($0) }
                 })
    }

    /// The timings.csv lines of one group, each ending in a newline.
    func timingsLines(_ group: Group) -> [UInt8] {
        let prefix = CSV.row([group.problem.label, group.suggester.label]) + ","
        var out = ByteWriter(capacity: 1 << 10)
        for run in group.runs {
            Self.writeRow(prefix, run.replicate, run.trials, run.suggestSeconds, run.evaluateSeconds, to: &out)
        }
        return out.bytes
    }

    /// A row of runs.csv or timings.csv: `prefix` (the problem, the suggester and a comma), two
    /// integers, two numbers and a newline.
    private static func writeRow(_ prefix: String, _ first: Int, _ second: Int, _ x: Double, _ y: Double, to out: inout ByteWriter) {
        let comma = UInt8(ascii: ",")
        out.write(prefix)
        out.write(first)
        out.write(byte: comma)
        out.write(second)
        out.write(byte: comma)
        out.write(number: x)
        out.write(byte: comma)
        out.write(number: y)
        out.write(byte: UInt8(ascii: "\n"))
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
