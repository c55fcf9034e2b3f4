import ArgumentParser
import Foundation
import ParzenBench

/// `parzen evaluate FUNCTION [--dims D] [--instance I]`: a registered function's values at the
/// points read from standard input.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate a registered function at points read from standard input, one per line.",
        discussion: """
            Each line holds one point: the coordinates in the order of the function's labels \
            (`parzen list functions`), separated by commas or spaces; choices as option indexes. \
            Prints one value per line in shortest round-trip form. A malformed line stops with \
            an error naming it (exit 2). Example: printf '0 0\\n1,1\\n' | parzen evaluate bbob-f15 --dims 2 --instance 3
            """)

    @Argument(help: "The function's registry key (bbob-f1 … bbob-f24, branin, …).")
    var function: String

    @Option(help: "The dimension, for functions that take one.")
    var dims: Int?

    @Option(help: "COCO's instance number (>= 1), for bbob-f1 … bbob-f24; default 1.")
    var instance: Int?

    func run() throws {
        let resolved: TestFunction
        do { resolved = try TestFunctionRegistry.function(named: function, dimension: dims, instance: instance) } catch {
            throw BadInput(message: "\(error)")
        }
        let evaluator = PointEvaluator(function: resolved)
        var number = 0
        var output = ""
        while let line = readLine(strippingNewline: true) {
            number += 1
            do { output += try evaluator.line(for: line, number: number) + "\n" } catch {
                print(output, terminator: "")
                throw BadInput(message: "\(error)")
            }
            if output.utf8.count > 1 << 16 {
                print(output, terminator: "")
                output = ""
            }
        }
        print(output, terminator: "")
    }
}
