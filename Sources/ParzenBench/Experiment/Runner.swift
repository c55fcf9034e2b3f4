import Foundation
import Synchronization

/// Runs a manifest's cells in parallel and stores each finished cell.
///
/// A bounded number of worker threads take cells in the manifest's order; each cell creates its
/// own generators inside, so results are the same whatever `jobs` is. Each thread keeps its
/// own ``ProgramPool``: an external program that serves many cells runs once per thread, and
/// every cell begins with its own `hello`, so results do not depend on which process served
/// which cell either. The pools end their programs when the threads finish. Cells whose file exists
/// with the right fingerprint are skipped; stale ones rerun. Cancelling (Ctrl-C, SIGTERM)
/// abandons running cells — nothing half-written is left — and keeps finished ones.
public struct Runner: Sendable {
    public struct Options: Sendable {
        /// Cells run at once (default: the number of cores).
        public var jobs: Int
        /// Run only slice `index` of `count` (1-based index; round-robin over the cell list).
        public var shard: Shard?
        /// Delete existing cell files first.
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
        /// Time writing cell files, on the writer thread (overlapped with the workers).
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

    /// The cells this run is responsible for (its shard, or all).
    public var assignedCells: [Cell] {
        let cells = manifest.cells
        guard let shard = options.shard else { return cells }
        return cells.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element)
    }

    /// Runs every assigned cell that has no valid file yet.
    ///
    /// Workers run cells and format their files; one writer thread writes them (temporary file,
    /// then rename), so the file system's latency overlaps with the next cells instead of
    /// stalling a worker. A cell counts as done once its file is written; the run returns when
    /// every finished cell has been written, also after a cancellation.
    ///
    /// - Parameters:
    ///   - cancellation: set it to stop; running cells are abandoned.
    ///   - progress: told about every finished cell, from worker threads.
    /// - Determinism: each cell's file is a pure function of its fingerprint.
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
        let cells = assignedCells
        var pending: [Cell] = []
        var report = Report()
        for cell in cells {
            if store.load(cell) != nil { report.skipped += 1 } else { pending.append(cell) }
        }
        progress?.start(total: cells.count, alreadyDone: report.skipped, budget: manifest.budget)

        // storeError: the results folder cannot be written (read-only, full): the run stops.
        let shared = Locked((next: 0, report: report, storeError: ResultStoreError?.none))
        let workers = max(1, min(options.jobs, pending.count))
        let group = DispatchGroup()
        let clock = ContinuousClock()
        let started = clock.now
        let work = pending
        let writes = DispatchGroup()
        let writer = DispatchQueue(label: "parzen.cell-files")
        /// A failed cell: its note on disk (collect lists it), the report, the progress line.
        @Sendable func fail(_ cell: Cell, _ message: String) {
            try? store.saveFailure(message, for: cell)
            shared.withLock { $0.report.failed.append((cell.name, message)) }
            progress?.finished(cell: cell, evaluations: 0, failed: true)
        }
        for _ in 0..<workers {
            group.enter()
            let thread = Thread { [store] in
                let programs = options.reuseProcesses ? ProgramPool() : nil
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
                while !cancellation.isCancelled && shared.withLock({ $0.storeError == nil }) {
                    let index: Int = shared.withLock { state in
                        defer { state.next += 1 }
                        return state.next
                    }
                    guard index < work.count else { return }
                    let cell = work[index]
                    do {
                        let cellStarted = clock.now
                        let record = try cell.execute(workDirectory: store.workURL(cell), isCancelled: { cancellation.isCancelled }, programs: programs)
                        let executed = clock.now
                        let file = CellFile.bytes(for: record, cell: cell)
                        let extrasFile = ExtrasFile.bytes(for: record, cell: cell)
                        let formatted = clock.now
                        shared.withLock {
                            $0.report.suggestSeconds += record.suggestSeconds
                            $0.report.evaluateSeconds += record.evaluateSeconds
                            $0.report.cellSeconds += (executed - cellStarted).seconds
                            $0.report.formatSeconds += (formatted - executed).seconds
                        }
                        let evaluations = record.rows.count
                        writes.enter()
                        writer.async {
                            defer { writes.leave() }
                            let writing = clock.now
                            do {
                                try store.save(cellFile: file, extras: extrasFile, for: cell)
                                shared.withLock {
                                    $0.report.ran += 1
                                    $0.report.evaluations += evaluations
                                    $0.report.saveSeconds += (clock.now - writing).seconds
                                }
                                progress?.finished(cell: cell, evaluations: evaluations, failed: false)
                            } catch let error as ResultStoreError {
                                shared.withLock { if $0.storeError == nil { $0.storeError = error } }
                            } catch {
                                fail(cell, "finished, but its cell file could not be written: \(error)")
                            }
                        }
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
        writes.wait()
        if let error = shared.withLock({ $0.storeError }) {
            progress?.end()
            throw error
        }
        var final = shared.withLock { $0.report }
        final.cancelled = cancellation.isCancelled
        final.workers = pending.isEmpty ? 0 : workers
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
