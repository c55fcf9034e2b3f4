import ArgumentParser
import GSLKit
import Parzen

/// `parzen sample SPACE`: draws points from a space written in Parzen's text form.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw points from a search space's prior (hyperopt's pyll.stochastic.sample).",
        discussion: "Example: parzen sample '{x: uniform(0, 1), name: choice(alice, bob)}' --count 3")

    @Argument(help: "The space in Parzen's text form (hyperopt call syntax).")
    var space: String

    @Option(help: "How many points to draw.")
    var count: Int = 5

    @Option(help: "The MT19937 seed.")
    var seed: UInt32 = 1

    @Flag(help: "Print the stored values (choices as indexes) instead of the evaluated points.")
    var stored = false

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be >= 1, got \(count)") }
    }

    func run() throws {
        let compiled: SearchSpace
        do { compiled = try SearchSpace(parsing: space, source: "<argument>") } catch {
            throw BadInput(message: "\(error)")
        }
        let rng = MersenneTwister(seed: seed)
        for _ in 0..<count {
            let point = compiled.sample(using: rng)
            print(stored ? "\(point)" : "\(try compiled.evaluate(point))")
        }
    }
}
