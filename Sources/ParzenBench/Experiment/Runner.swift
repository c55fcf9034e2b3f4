import Foundation
import Synchronization

/// Runs a manifest's cells in parallel and stores each finished cell.
///
/// A bounded number of worker threads take cells in the manifest's order; each cell creates its
/// own generators inside, so results are the same whatever `jobs` is. Each thread keeps its
/// own ``ProgramPool``: an external program that serves many cells runs once per thread, and
/// every cell begins with its own `hello`, so results do not depend on which process served
/// which cell either. The pools end their programs when the threads finish. Cells with a usable
/// record of the right fingerprint are skipped; stale ones rerun. Cancelling (Ctrl-C, SIGTERM)
/// abandons running cells — nothing is written for them — and keeps finished ones.
public struct Runner: Sendable {
    public struct Options: Sendable {
        /// Cells run at once (default: the number of cores).
        public var jobs: Int
        /// Run only slice `index` of `count` (1-based index; round-robin over the cell list).
        public var shard: Shard?
        /// Delete the existing cells first.
        public var fresh: Bool
        /// Keep external programs that declare `"reuse"` running between cells, one per worker
        /// thread (false: one process per cell, whatever they declare).
        public var reuseProcesses: Bool

        public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard? = nil, fresh: Bool = false, reuseProcesses: Bool = true) {
            self.jobs = jobs
            self.shard = shard
            self.fresh = fresh
            self.reuseProcesses = reuseProcesses
        }
    }

    /// What a run did.
    public struct Report: Sendable {
        public var ran = 0
        public var skipped = 0
        public var failed: [(cell: String, message: String)] = []
        public var cancelled = false
        public var evaluations = 0
        /// Wall time of the run.
        public var seconds = 0.0
        /// Time inside suggest and inside the objective, summed over the cells run.
        public var suggestSeconds = 0.0
        public var evaluateSeconds = 0.0
        /// Time inside whole cells (suggest, evaluate and the cell's own bookkeeping), and
        /// formatting their files, summed over the cells run (the workers' time).
        public var cellSeconds = 0.0
        public var formatSeconds = 0.0
        /// Time appending cell records to the pack files, summed over the workers.
        public var saveSeconds = 0.0
        /// Worker threads used.
        public var workers = 0
        /// External programs started with a cell's first message, and cells that got a
        /// program still running from an earlier cell of the same thread.
        public var programsStarted = 0
        public var programsReused = 0

        /// The share of the workers' time spent outside suggest and evaluate (the harness's own
        /// cost: seeding, validation, bookkeeping, writing files), in [0, 1].
        public var overhead: Double {
            let available = seconds * Double(max(workers, 1))
            guard available > 0 else { return 0 }
            return max(0, 1 - (suggestSeconds + evaluateSeconds) / available)
        }
    }

    public let manifest: Manifest
    public let store: ResultStore
    public let options: Options

    public init(manifest: Manifest, store: ResultStore, options: Options) {
        self.manifest = manifest
        self.store = store
        self.options = options
    }

    /// The positions in the manifest's cell order (``CellCatalog``) this run is responsible
    /// for: its shard, or all.
    public var assignedCells: [Int] {
        let count = manifest.problems.count * manifest.suggesters.count * manifest.repeats
        guard let shard = options.shard else { return Array(0..<count) }
        return Array(stride(from: shard.index - 1, to: count, by: shard.count))
    }

    /// The records of the assigned cells (``CellArchive/init(store:keys:threads:)``), pack files
    /// read on `jobs` threads: records of other slices, other manifests or stale fingerprints in
    /// the folder are read past, not indexed.
    func assignedArchive() -> CellArchive {
        let catalog = manifest.catalog
        return store.cells(of: assignedCells.lazy.map(catalog.cell(at:)), threads: options.jobs)
    }

    /// Runs every assigned cell that has no usable record yet.
    ///
    /// Each worker thread runs cells, formats their records and appends them to a pack file of
    /// its own (``PackWriter``): one `write(2)` per cell, no file created per cell, no thread
    /// besides the workers. A cell counts as done once its record is appended; a process killed
    /// while appending leaves a torn record, which the next run detects and redoes.
    /// Cell files of the one-file-per-cell layout found in the folder are packed first
    /// (``LegacyCells/migrate(_:into:)``), with a line on `progress`.
    ///
    /// - Parameters:
    ///   - cancellation: set it to stop; running cells are abandoned.
    ///   - progress: told about every finished cell, from worker threads.
    /// - Complexity: memory O(assigned cells), tens of bytes per cell, for their positions and
    ///   the index of their records; records of other cells in the folder take no memory. The
    ///   cells themselves are made one at a time.
    /// - Determinism: each cell's record body is a pure function of its fingerprint.
    /// - Throws: ``ResultStoreError`` when the results folder cannot be written, or when
    ///   `fresh` is set and another run holds the folder's ``RunLock``.
    public func run(cancellation: Cancellation, progress: ProgressReporter? = nil) throws -> Report {
        let lock = try RunLock(store: store, exclusive: options.fresh)
        defer { withExtendedLifetime(lock) {} }
        if let warning = lock.warning { progress?.warn(warning) }
        if options.fresh {
            try store.removeCells()
            lock.share()
        }
        let catalog = manifest.catalog
        let assigned = assignedCells
        var report = Report()
        let work: [Int] = try {
            var archive = assignedArchive()
            if let legacy = archive.legacy {
                let writer = PackWriter(folder: store.cellsFolder, tag: "migrated")
                let moved = try legacy.migrate(catalog, into: writer)
                progress?.note("\(legacy.folder.path): packed \(moved.cells) cell files and \(moved.failures) failure notes of the one-file-per-cell layout (cell formats 1 to 3) into \(writer.path ?? "no pack file"); removed the old folders")
                archive = assignedArchive()
            }
            if archive.damagedRecords > 0 {
                progress?.warn("\(store.cellsFolder.path): skipped \(archive.damagedRecords) torn or damaged cell record(s); their cells run again")
            }
            // Each record is parsed to tell whether it is usable: on --jobs threads, before the workers start.
            let records = archive
            let done = OrderedParallelMap.map(assigned.indices, threads: options.jobs) { records.contains(catalog.cell(at: assigned[$0])) }
            return zip(assigned, done).filter { !$0.1 }.map(\.0)
        }()
        report.skipped = assigned.count - work.count
        progress?.start(total: assigned.count, alreadyDone: report.skipped, budget: manifest.budget)

        // storeError: the results folder cannot be written (read-only, full): the run stops.
        let shared = Locked((next: 0, report: report, storeError: ResultStoreError?.none))
        let workers = max(1, min(options.jobs, work.count))
        let group = DispatchGroup()
        let clock = ContinuousClock()
        let started = clock.now
        let shardTag = options.shard.map { "shard\($0.index)of\($0.count)-" } ?? ""
        for worker in 0..<workers {
            group.enter()
            let thread = Thread { [store] in
                let programs = options.reuseProcesses ? ProgramPool() : nil
                let pack = PackWriter(folder: store.cellsFolder, tag: "\(shardTag)w\(worker + 1)")
                defer {
                    if let programs {
                        programs.close()
                        let counts = programs.counts
                        shared.withLock {
                            $0.report.programsStarted += counts.started
                            $0.report.programsReused += counts.reused
                        }
                    }
                    group.leave()
                }
                /// A failed cell: its record (collect lists it), the report, the progress line.
                func fail(_ cell: Cell, _ message: String) {
                    try? pack.appendFailure(cell: cell, message: message)
                    shared.withLock { $0.report.failed.append((cell.name, message)) }
                    progress?.finished(cell: cell, evaluations: 0, failed: true)
                }
                while !cancellation.isCancelled && shared.withLock({ $0.storeError == nil }) {
                    let index: Int = shared.withLock { state in
                        defer { state.next += 1 }
                        return state.next
                    }
                    guard index < work.count else { return }
                    let cell = catalog.cell(at: work[index])
                    do {
                        let cellStarted = clock.now
                        let record = try cell.execute(workDirectory: store.workURL(cell), isCancelled: { cancellation.isCancelled }, programs: programs)
                        let executed = clock.now
                        let file = CellFile.bytes(for: record, cell: cell)
                        let extrasFile = ExtrasFile.bytes(for: record, cell: cell)
                        let formatted = clock.now
                        do throws(ResultStoreError) {
                            try pack.append(cell: cell, body: file, extras: extrasFile)
                        } catch {
                            shared.withLock { if $0.storeError == nil { $0.storeError = error } }
                            return
                        }
                        let evaluations = record.rows.count
                        shared.withLock {
                            $0.report.ran += 1
                            $0.report.evaluations += evaluations
                            $0.report.suggestSeconds += record.suggestSeconds
                            $0.report.evaluateSeconds += record.evaluateSeconds
                            $0.report.cellSeconds += (executed - cellStarted).seconds
                            $0.report.formatSeconds += (formatted - executed).seconds
                            $0.report.saveSeconds += (clock.now - formatted).seconds
                        }
                        progress?.finished(cell: cell, evaluations: evaluations, failed: false)
                    } catch CellFailure.cancelled {
                        return
                    } catch {
                        // An interrupted wait on a program surfaces as the cell's error: no failure then.
                        if cancellation.isCancelled { return }
                        fail(cell, "\(error)")
                    }
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        if let error = shared.withLock({ $0.storeError }) {
            progress?.end()
            throw error
        }
        var final = shared.withLock { $0.report }
        final.cancelled = cancellation.isCancelled
        final.workers = work.isEmpty ? 0 : workers
        final.seconds = (clock.now - started).seconds
        final.failed.sort { $0.cell < $1.cell }
        progress?.end()
        return final
    }
}

/// A slice of the cell list: `index` of `count`, 1-based (`--shard 2/4`).
public struct Shard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }
}

/// A flag that stops a run: set by a signal handler or a test.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
    public func cancel() { flag.store(true, ordering: .relaxed) }
}
