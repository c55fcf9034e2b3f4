import ArgumentParser
import Foundation
import ParzenBench

/// `parzen report RESULTS_DIR`: statistics tables and report.md from a results folder alone.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write tests.csv, ranks.csv, ecdf.csv and report.md into a results folder (reads only that folder).",
        discussion: """
            Reads manifest.lock.yaml, runs.csv and, where present, trace.csv, samples.csv, extras.csv, short-runs.csv, \
            failures.csv, cost.csv and cost-growth.csv, nothing else, and reruns nothing. The four files are byte-identical \
            for the same inputs, except the Cost section of report.md, which depends on the machine the cells ran on; without \
            cost.csv that section says the timings are absent, without cost-growth.csv that per-trial times are absent. Failed cells (failures.csv) are listed at the top of \
            report.md and their (problem, suggester) groups left out of the statistics.
            """)

    @Argument(help: "The results folder, results/NAME.")
    var results: String

    @Option(help: "The plots folder report.md links to (default: plots/NAME beside results/).")
    var plots: String?

    func run() throws {
        let folder = URL(fileURLWithPath: results)
        try AnalysisCommands.interruptible(again: "parzen report \(results)") {
            try AnalysisCommands.report(folder, plots: plots.map { URL(fileURLWithPath: $0) })
        }
        print("report in \(folder.appendingPathComponent("report.md").path)")
    }
}

/// `parzen plot RESULTS_DIR [--out DIR]`: gnuplot scripts and PNGs from a results folder alone.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Write gnuplot scripts for a results folder and render them to PNG when gnuplot is installed.",
        discussion: """
            Reads only the results folder (as `parzen report` does) and the function grids collect wrote into plots/NAME \
            (PROBLEM-grid.dat, copied into --out), and writes into plots/NAME, per problem, \
            PROBLEM-convergence.gp/.dat/.png and, for the problems of sample-axes.csv, PROBLEM-samples.gp/.dat/.png; then final.gp/.dat/.png with final-points.dat, ecdf.gp/.dat/.png, ranks.gp/.dat/.png \
            (two or more suggesters), cost.gp/.dat/.png (with cost.csv) and cost-growth.gp/.dat/.png (with cost-growth.csv). Pictures of an earlier run that are no longer \
            drawn (a problem taken out of the manifest) are removed. Without gnuplot on PATH only the scripts and data are written.

            Each script reads only the data files beside it and writes its PNG beside it: \
            `gnuplot plots/NAME/x.gp` (from anywhere) or `cd plots/NAME && gnuplot x.gp` re-creates a picture without parzen.
            """)

    @Argument(help: "The results folder, results/NAME.")
    var results: String

    @Option(help: "The folder for scripts and pictures (default: plots/NAME beside results/).")
    var out: String?

    func run() throws {
        let folder = try AnalysisCommands.interruptible(again: "parzen plot \(results)") {
            try AnalysisCommands.plot(URL(fileURLWithPath: results), out: out.map { URL(fileURLWithPath: $0) })
        }
        print("plots in \(folder.path)")
    }
}

/// The analysis steps shared by `report`, `plot`, `run` and `collect`.
enum AnalysisCommands {
    /// Runs `work` with Ctrl-C, SIGTERM and SIGHUP trapped: a signal stops gnuplot (its
    /// half-drawn picture is removed) and the command then fails with status 1, saying to run
    /// `again`. Files are written whole (temporary file, then rename) or not at all.
    @discardableResult
    static func interruptible<T>(again: String, _ work: () throws -> T) throws -> T {
        let cancellation = Cancellation()
        let signals = SignalTrap(cancellation: cancellation, message: "\nparzen: stopping\n")
        defer { signals.restore() }
        let interrupted = RuntimeFailure(message: "interrupted; run `\(again)` to finish")
        let result: T
        do { result = try work() } catch {
            if cancellation.isCancelled { throw interrupted }
            throw error
        }
        if cancellation.isCancelled { throw interrupted }
        return result
    }

    /// Writes the report files on `threads` threads; a missing or malformed results file is bad
    /// input (exit 2).
    @discardableResult
    static func report(_ folder: URL, plots: URL? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> ResultsSummary {
        do { return try Analysis.report(resultsFolder: folder, plotsFolder: plots, threads: threads) } catch let error as AnalysisError {
            throw BadInput(message: "\(error)")
        }
    }

    /// Writes the scripts and renders them; says on stderr when gnuplot is missing. A gnuplot
    /// failure is a runtime failure (exit 1). Returns the plots folder.
    @discardableResult
    static func plot(_ folder: URL, out: URL? = nil, results: ResultsSummary? = nil) throws -> URL {
        let plots = out ?? Analysis.defaultPlotsFolder(for: folder)
        let renderer = GnuplotRenderer.locate()
        let outcome: Plotter.Outcome
        do {
            if let results {
                outcome = try Plotter.plot(results, resultsFolder: folder, plotsFolder: plots, renderer: renderer)
            } else {
                outcome = try Plotter.plot(resultsFolder: folder, plotsFolder: plots, renderer: renderer)
            }
        } catch let error as AnalysisError {
            throw BadInput(message: "\(error)")
        } catch let error as GnuplotRenderer.Failure {
            throw RuntimeFailure(message: "\(error)")
        }
        if renderer == nil {
            standardError("parzen: gnuplot not found on PATH: wrote \(outcome.scripts.count) scripts to \(plots.path) but no PNGs; install gnuplot (e.g. apt-get install gnuplot-nox fonts-dejavu-core) and run `parzen plot \(folder.path)`\n")
        }
        for warning in outcome.warnings { standardError("parzen: gnuplot: \(warning)\n") }
        return plots
    }

    /// After `run`/`collect`: the report (on `threads` threads), then the pictures unless `plots`
    /// is false. When cells failed (`failures` > 0) and no complete group is left to report on,
    /// says so on stderr instead of failing (the caller exits 1 for the failures anyway).
    static func analyse(store: ResultStore, quiet: Bool, plots: Bool = true, failures: Int = 0,
                        threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        let results: ResultsSummary
        do { results = try report(store.root, threads: threads) } catch let error as BadInput where failures > 0 {
            standardError("parzen: no report: \(error.message)\n")
            return
        }
        if plots {
            let folder = try plot(store.root, results: results)
            if !quiet { print("report in \(store.root.appendingPathComponent("report.md").path); plots in \(folder.path)") }
        } else if !quiet {
            print("report in \(store.root.appendingPathComponent("report.md").path); no pictures (--no-plots)")
        }
    }
}
