import ArgumentParser
import Foundation
import Parzen

/// `parzen tutorial`: the hyperopt tutorial's first examples, run through `fmin`.
struct TutorialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutorial",
        abstract: "Run the hyperopt tutorial's examples through fmin and print the best points.",
        discussion: """
            1. minimise x over x ~ uniform(0, 1), 100 evaluations;
            2. minimise x² over x ~ uniform(−5, 5), 50 evaluations;
            3. minimise x² + y² over {x: uniform(0, 1), y: normal(0, 1), name: choice(alice, bob)}, 100 evaluations.
            Each with every built-in algorithm that can search the space.
            """)

    @Option(help: "The seed of every search.")
    var seed: UInt32 = 1

    @Option(help: "Write each search's trials as hyperopt JSON documents into this folder.")
    var trialsOut: String?

    struct Example: Sendable {
        let name: String
        let space: Space
        let maxEvals: Int
        let objective: @Sendable (Value) -> Double
    }

    static let examples: [Example] = [
        Example(name: "identity", space: .uniform("x", 0, 1), maxEvals: 100) { $0.double! },
        Example(name: "square", space: .uniform("x", -5, 5), maxEvals: 50) { $0.double! * $0.double! },
        Example(
            name: "record",
            space: ["x": .uniform("x", 0, 1), "y": .normal("y", 0, 1), "name": .choice("name", ["alice", "bob"])],
            maxEvals: 100
        ) { point in
            let x = point["x"]!.double!, y = point["y"]!.double!
            return x * x + y * y
        },
    ]

    func run() throws {
        if let trialsOut {
            try FileManager.default.createDirectory(atPath: trialsOut, withIntermediateDirectories: true)
        }
        var rows = [["example", "algorithm", "evals", "best loss", "best point"]]
        for example in Self.examples {
            let space = try SearchSpace(example.space)
            for type in SuggesterRegistry.builtIns {
                let algorithm = try Algorithm.named(type.name)
                var trials = Trials()
                let result = try fmin(example.objective, space: space, algorithm: algorithm, maxEvals: example.maxEvals,
                                      trials: &trials, seed: seed)
                let loss = result.best?.loss.map { String(format: "%.6g", $0) } ?? "-"
                rows.append([example.name, algorithm.name, "\(trials.count)", loss, result.point.map { "\($0)" } ?? "-"])
                if let trialsOut {
                    let file = URL(fileURLWithPath: trialsOut).appendingPathComponent("\(example.name)-\(algorithm.name).json")
                    try trials.hyperoptJSON(space: space).write(to: file, options: .atomic)
                }
            }
        }
        print(TextTable.render(rows))
    }
}
