import ArgumentParser
import Dispatch
import Foundation
import ParzenBench

/// Reads a manifest, turning its errors into exit-code-2 input errors.
func loadManifest(_ path: String) throws -> Manifest {
    do { return try Manifest(contentsOf: path) } catch { throw BadInput(message: "\(error)") }
}

/// `parzen validate MANIFEST`: checks a manifest without running anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a manifest without running it.")

    @Argument(help: "The manifest (YAML or JSON).")
    var manifest: String

    func run() throws {
        let manifest = try loadManifest(self.manifest)
        print("\(self.manifest): ok: \(manifest.problems.count) problems × \(manifest.suggesters.count) suggesters × \(manifest.repeats) repeats = \(manifest.catalog.count) cells of \(manifest.problems.contains { $0.budget != nil } ? "up to " : "")\(manifest.budget) evaluations; checkpoints \(manifest.checkpoints.map(String.init).joined(separator: ", "))")
    }
}

/// `parzen run MANIFEST`: runs every missing cell, then collects.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a manifest's cells (problems × suggesters × repeats) and collect the results.",
        discussion: """
            Appends each finished cell (or a failed cell's message) as a checksummed record to a pack file of its worker under results/NAME/cells. \
            Finished cells are kept and skipped on the next run (stale ones rerun), so an interrupted run resumes \
            where it stopped. Ctrl-C or SIGTERM abandons running cells cleanly.

            Then, unless --shard is given, does what `parzen collect` does: the CSVs and report.md in results/NAME, \
            the pictures in plots/NAME (not with --no-plots). Runs that stopped before the budget (an exhausted grid \
            or external suggester) are listed on stderr. When cells failed, every finished cell is still collected \
            and reported, the failures are listed on stderr and at the top of report.md, and the exit status is 1.
            """)

    @Argument(help: "The manifest (YAML or JSON).")
    var manifest: String

    @Option(parsing: .unconditional, help: "Cells run at once, and threads that then collect the cells and write the report (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Run only slice I of N (1-based, round-robin over the cell list), e.g. 2/4; then run `parzen collect`.")
    var shard: String?

    @Flag(help: "Delete the existing cells and start over.")
    var fresh = false

    @Flag(help: "Start every cell's external programs afresh, even those that declare they serve many cells (\"reuse\").")
    var oneProcessPerCell = false

    @OptionGroup var output: CollectOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be >= 1, got \(jobs)") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be I/N with 1 <= I <= N, got '\(shard)'") }
    }

    func run() throws {
        let manifest = try loadManifest(self.manifest)
        let store = output.store(of: manifest)
        let quiet = output.quiet
        let options = Runner.Options(jobs: jobs, shard: shard.flatMap(Shard.init), fresh: fresh, reuseProcesses: !oneProcessPerCell)
        let cancellation = Cancellation()
        let signals = SignalTrap(cancellation: cancellation)
        defer {
            signals.restore()
            ChildProcess.endOrphans()
        }
        let report: Runner.Report
        do {
            report = try Runner(manifest: manifest, store: store, options: options)
                .run(cancellation: cancellation, progress: quiet ? nil : ProgressReporter())
        } catch let error as ResultStoreError {
            throw RuntimeFailure(message: "\(error)")
        }
        if !quiet {
            let rate = report.seconds > 0 ? Int(Double(report.evaluations) / report.seconds) : 0
            if report.programsStarted + report.programsReused > 0 {
                standardError("external programs: \(report.programsStarted) started, \(report.programsReused) cells served by a program still running from an earlier cell\n")
            }
            standardError("ran \(report.ran) cells (\(report.evaluations) evaluations, \(rate)/s) in \(String(format: "%.1f", report.seconds)) s on \(report.workers) workers; suggest \(String(format: "%.2f", report.suggestSeconds)) s, evaluate \(String(format: "%.2f", report.evaluateSeconds)) s, harness overhead \(String(format: "%.1f", 100 * report.overhead))% (in cells \(String(format: "%.2f", report.cellSeconds - report.suggestSeconds - report.evaluateSeconds)) s, formatting cell records \(String(format: "%.2f", report.formatSeconds)) s, appending them \(String(format: "%.2f", report.saveSeconds)) s); skipped \(report.skipped) already done\n")
        }
        if report.cancelled {
            throw RuntimeFailure(message: "interrupted: finished cells are kept; run the same command again to resume")
        }
        for failure in report.failed { standardError("cell \(failure.cell) failed: \(failure.message)\n") }
        if options.shard != nil {
            if !quiet { standardError("shard done; run `parzen collect \(self.manifest)` once every shard has finished\n") }
        } else {
            // The runner has listed this run's failures already.
            // Ctrl-C while collecting or drawing stops with status 1 like an interrupted run.
            let interrupted = RuntimeFailure(message: "interrupted while collecting or drawing; run `parzen collect \(self.manifest)` to finish")
            try CollectCommand.collectAndAnalyse(manifest: manifest, store: store, output: output, listFailures: report.failed.isEmpty,
                                                 cancellation: cancellation, interrupted: interrupted, threads: jobs)
        }
        if !report.failed.isEmpty {
            throw RuntimeFailure(message: "\(report.failed.count) cell(s) failed; the others are kept\(options.shard == nil ? ", collected and reported (report.md lists the failures)" : "")")
        }
    }
}

/// `parzen collect MANIFEST`: aggregates finished cells (e.g. after sharded runs).
struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Aggregate a manifest's finished cells into results/NAME, then write report.md and the pictures.",
        discussion: """
            Reads only the cells packed under results/NAME/cells (for example after sharded runs) and writes into results/NAME: \
            runs.csv (best-so-far at every checkpoint), trace.csv (every improvement of every run), summary.csv, \
            samples.csv (replicate 0 on 1-D and 2-D problems), timings.csv (each run's times), cost.csv (time per trial; \
            depends on the machine), manifest.lock.yaml (the manifest as run, with how every cell's seeds are derived), and when there are \
            any cost-growth.csv (suggestion time by trial index, from cells that record each trial's times; depends on the \
            machine), extras.csv (proposal extras), short-runs.csv (runs that stopped before the budget) and failures.csv (failed cells). \
            Then what `parzen report` writes (tests.csv, ranks.csv, ecdf.csv, report.md) and, unless --no-plots, what \
            `parzen plot` writes (plots/NAME). Prints the table of median final regrets.

            Refuses, writing nothing, while a cell has neither a file nor a failure note (not run yet). Failed cells do not \
            block it: the finished ones are collected and reported, the failures listed at the top of report.md, \
            and the exit status is 1.
            """)

    @Argument(help: "The manifest (YAML or JSON).")
    var manifest: String

    @OptionGroup var output: CollectOptions

    func run() throws {
        let manifest = try loadManifest(self.manifest)
        let cancellation = Cancellation()
        let signals = SignalTrap(cancellation: cancellation, message: "\nparzen: stopping\n")
        defer { signals.restore() }
        let outcome = try Self.collectAndAnalyse(manifest: manifest, store: output.store(of: manifest), output: output, cancellation: cancellation,
                                                 interrupted: RuntimeFailure(message: "interrupted; run the same command again to finish"))
        if !outcome.failures.isEmpty {
            throw RuntimeFailure(message: "\(outcome.failures.count) cell(s) failed; the others are collected and reported (report.md lists the failures)")
        }
    }

    /// ``collect(manifest:store:quiet:listFailures:threads:)``, then what `parzen report` and (unless
    /// `--no-plots`) `parzen plot` write, the collect and the report on `threads` threads; throws
    /// `interrupted` when `cancellation` is set before, while or after they do.
    @discardableResult
    static func collectAndAnalyse(
        manifest: Manifest, store: ResultStore, output: CollectOptions, listFailures: Bool = true, cancellation: Cancellation,
        interrupted: RuntimeFailure, threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> Collector.Outcome {
        let outcome = try collect(manifest: manifest, store: store, quiet: output.quiet, listFailures: listFailures, threads: threads)
        if cancellation.isCancelled { throw interrupted }
        do { try AnalysisCommands.analyse(store: store, quiet: output.quiet, plots: !output.noPlots, failures: outcome.failures.count,
                                          threads: threads) } catch {
            if cancellation.isCancelled { throw interrupted }
            throw error
        }
        if cancellation.isCancelled { throw interrupted }
        return outcome
    }

    /// Collects, prints the table (unless quiet), the runs that stopped short and (unless
    /// `listFailures` is false) the failed cells, on stderr.
    @discardableResult
    static func collect(manifest: Manifest, store: ResultStore, quiet: Bool, listFailures: Bool = true,
                        threads: Int) throws -> Collector.Outcome {
        let outcome: Collector.Outcome
        do { outcome = try Collector(manifest: manifest, store: store, threads: threads).collectAll() } catch let error as CollectError {
            throw RuntimeFailure(message: "\(error)")
        }
        for note in outcome.notes { standardError("parzen: \(note)\n") }
        if !quiet {
            print(outcome.table)
            print("results in \(store.root.path)")
        }
        for line in outcome.shortRunLines { standardError("short runs: \(line)\n") }
        for failure in outcome.failures.prefix(listFailures ? 20 : 0) {
            standardError("failed cell \(failure.problem)/\(failure.suggester)/r\(String(format: "%03d", failure.replicate)): \(failure.message)\n")
        }
        if listFailures && outcome.failures.count > 20 { standardError("… and \(outcome.failures.count - 20) more failed cells (results/\(manifest.name)/failures.csv)\n") }
        return outcome
    }
}

/// The options of the commands that collect (`run`, `collect`): what they print, whether they
/// draw, and where results/ is.
struct CollectOptions: ParsableArguments {
    @Flag(help: "Print nothing but errors (no progress, no table of results).")
    var quiet = false

    @Flag(help: "Write no pictures (plots/NAME) after collecting; the CSVs, report.md and the sample pictures' function grids (plots/NAME/PROBLEM-grid.dat, for a later `parzen plot`) are still written.")
    var noPlots = false

    @Option(help: "The folder that holds results/ (default: the current folder).")
    var base: String = FileManager.default.currentDirectoryPath

    /// The results of `manifest` under ``base``.
    func store(of manifest: Manifest) -> ResultStore {
        ResultStore(manifestName: manifest.name, base: URL(fileURLWithPath: base))
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// Turns SIGINT, SIGTERM and SIGHUP (the terminal closed) into a cancellation for the duration of
/// a run, and cuts every wait on an external program short (``ChildInterruption``).
final class SignalTrap {
    private var sources: [DispatchSourceSignal] = []
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    init(cancellation: Cancellation, message: String = "\nparzen: stopping: abandoning running cells, keeping finished ones\n") {
        for signalNumber in Self.signals {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                standardError(message)
                cancellation.cancel()
                ChildInterruption.shared.interrupt()
            }
            source.resume()
            sources.append(source)
        }
    }

    func restore() {
        for source in sources { source.cancel() }
        for signalNumber in Self.signals { signal(signalNumber, SIG_DFL) }
    }
}
