import ArgumentParser
import Foundation

/// The `parzen` command line: parsing, help and exit codes only; the work is in the libraries.
///
/// Exit codes: 0 success, 1 runtime failure, 2 bad input (flags, manifests, spaces).
@main
struct ParzenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parzen",
        abstract: "Race hyperparameter-search algorithms (grid, random, TPE, yours) on test problems.",
        discussion: """
            Parzen ports hyperopt's search spaces, fmin and tpe.suggest to Swift, and runs seeded \
            head-to-head comparisons with statistics and gnuplot pictures.
            """,
        subcommands: [RunCommand.self, CollectCommand.self, ValidateCommand.self, ListCommand.self, SampleCommand.self, TutorialCommand.self, BenchCommand.self, ReportCommand.self, PlotCommand.self, TemplateCommand.self, EvaluateCommand.self, ExportCommand.self, LockCommand.self])

    /// Runs the command, mapping argument errors to exit code 2 as the design requires
    /// (ArgumentParser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as BadInput {
            FileHandle.standardError.write(Data("parzen: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch let error as RuntimeFailure {
            FileHandle.standardError.write(Data("parzen: \(error.message)\n".utf8))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Input the user must fix (exit 2); the message names the file, field or flag.
struct BadInput: Error {
    let message: String
}

/// A failure while running (exit 1).
struct RuntimeFailure: Error {
    let message: String
}
