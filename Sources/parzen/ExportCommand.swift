import ArgumentParser
import Foundation
import ParzenBench

/// `parzen export FORMAT …`: a run's results in another tool's format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a run's results in another tool's format.",
        subcommands: [ExportCOCOCommand.self])
}

/// `parzen export coco RESULTS_DIR --out DIR`: COCO's data format for cocopp.
struct ExportCOCOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coco",
        abstract: "Write the run's bbob problems in COCO's data format (.info, .dat, .tdat), one folder per suggester.",
        discussion: """
            Replays the cell files (results/NAME/cells), which hold every evaluation, through COCO's \
            logger rules; problems that are not bbob-f1 … bbob-f24 are skipped with a note. Then: \
            MPLBACKEND=Agg python -m cocopp -o DIR/ppdata DIR/*/ (docs/coco-bbob.md).
            """)

    @Argument(help: "The results folder, results/NAME, with its cells/ folder.")
    var results: String

    @Option(help: "The folder to write (one subfolder per suggester).")
    var out: String

    func run() throws {
        let report: COCOExport.Report
        do { report = try COCOExport.export(results: URL(fileURLWithPath: results), to: URL(fileURLWithPath: out)) } catch {
            throw BadInput(message: "\(error)")
        }
        if !report.skipped.isEmpty {
            FileHandle.standardError.write(Data("parzen: note: skipped problems that are not bbob functions: \(report.skipped.joined(separator: ", "))\n".utf8))
        }
        print("\(report.runs) runs in \(report.folders.count) folders under \(out): \(report.folders.map(\.lastPathComponent).joined(separator: ", "))")
    }
}
