import ArgumentParser
import Foundation
import ParzenBench

/// `parzen report RESULTS_DIR`: statistics tables and report.md from a results folder alone.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write tests.csv, ranks.csv, ecdf.csv and report.md into a results folder (reads only that folder).")

    @Argument(help: "The results folder, results/NAME.")
    var results: String

    @Option(help: "The plots folder report.md links to (default: plots/NAME beside results/).")
    var plots: String?

    func run() throws {
        let folder = URL(fileURLWithPath: results)
        try AnalysisCommands.report(folder, plots: plots.map { URL(fileURLWithPath: $0) })
        print("report in \(folder.appendingPathComponent("report.md").path)")
    }
}

/// `parzen plot RESULTS_DIR [--out DIR]`: gnuplot scripts and PNGs from a results folder alone.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Write gnuplot scripts for a results folder and render them to PNG when gnuplot is installed.",
        discussion: """
            Each script reads only the data files beside it and writes its PNG beside it: \
            `gnuplot plots/NAME/x.gp` (from anywhere) or `cd plots/NAME && gnuplot x.gp` re-creates a picture without parzen.
            """)

    @Argument(help: "The results folder, results/NAME.")
    var results: String

    @Option(help: "The folder for scripts and pictures (default: plots/NAME beside results/).")
    var out: String?

    func run() throws {
        let folder = try AnalysisCommands.plot(URL(fileURLWithPath: results), out: out.map { URL(fileURLWithPath: $0) })
        print("plots in \(folder.path)")
    }
}

/// The analysis steps shared by `report`, `plot`, `run` and `collect`.
enum AnalysisCommands {
    /// Writes the report files; a missing or malformed results file is bad input (exit 2).
    static func report(_ folder: URL, plots: URL? = nil) throws {
        do { try Analysis.report(resultsFolder: folder, plotsFolder: plots) } catch let error as AnalysisError {
            throw BadInput(message: "\(error)")
        }
    }

    /// Writes the scripts and renders them; says on stderr when gnuplot is missing. A gnuplot
    /// failure is a runtime failure (exit 1). Returns the plots folder.
    @discardableResult
    static func plot(_ folder: URL, out: URL? = nil) throws -> URL {
        let plots = out ?? Analysis.defaultPlotsFolder(for: folder)
        let renderer = GnuplotRenderer.locate()
        let outcome: Plotter.Outcome
        do { outcome = try Analysis.plot(resultsFolder: folder, plotsFolder: plots, renderer: renderer) } catch let error as AnalysisError {
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

    /// After `run`/`collect`: the report, then the pictures.
    static func analyse(store: ResultStore, quiet: Bool) throws {
        try report(store.root)
        let plots = try plot(store.root)
        if !quiet { print("report in \(store.root.appendingPathComponent("report.md").path); plots in \(plots.path)") }
    }
}
