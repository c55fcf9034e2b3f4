import ArgumentParser
import Foundation
import Parzen
import ParzenBench

/// `parzen bench …`: speed benchmarks (release builds; numbers go into the README with the command).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Speed benchmarks (build with -c release).",
        subcommands: [SuggestBench.self, SuiteBench.self])
}

/// `parzen bench suggest --algorithm A --function F --history N [--repeats R]`.
struct SuggestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Time one suggestion on a history of N evaluated prior draws of a test function.",
        discussion: "Each timed suggestion is made by a suggester that has suggested on the first N − 1 trials, so it sees one new trial as in a search (--cold: a new suggester). Prints median and 90th-percentile microseconds per suggestion and the peak memory of the process.")

    @Option(help: "The algorithm (see `parzen list suggesters`).")
    var algorithm: String
    @Option(help: "The test function (see `parzen list functions`).")
    var function: String
    @Option(help: "The function's dimension, for scalable functions.")
    var dims: Int?
    @Option(help: "History size N: evaluated prior draws the suggester is given.")
    var history: Int
    @Option(help: "Timed suggestions R.")
    var repeats: Int = 100
    @Option(help: "Seed of the history and the suggester.")
    var seed: UInt32 = 1
    @Option(help: "Also write the history (one CSV row per trial: id, status, loss, then each label's stored value) to this file, so another program can be timed on the same trials.")
    var writeHistory: String?
    @Option(name: .customLong("option"), help: "An option of the algorithm as key=value (repeatable), e.g. --option use_separable_cma=true.")
    var options: [String] = []
    @Option(help: "Where the history's points come from: prior (draws from the prior, the default) or search (the algorithm's own search of N trials with this seed).")
    var historyFrom: String = "prior"
    @Flag(help: "Time a new suggester on the whole history (a first call; what a stateless suggester such as hyperopt's pays on every call) instead of one that has followed the search up to the last trial.")
    var cold = false

    func validate() throws {
        guard history >= 0 else { throw ValidationError("--history must be >= 0, got \(history)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be >= 1, got \(repeats)") }
        guard SuggestBenchmark.HistorySource(rawValue: historyFrom) != nil else {
            throw ValidationError("--history-from must be one of \(SuggestBenchmark.HistorySource.allCases.map(\.rawValue).joined(separator: ", ")), got '\(historyFrom)'")
        }
    }

    func run() throws {
        let algorithm: Algorithm
        let testFunction: TestFunction
        do {
            var record = OrderedRecord<Value>()
            for option in options {
                let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw BadInput(message: "--option '\(option)': expected key=value") }
                let text = parts[1]
                record[parts[0]] = text == "true" ? .bool(true) : text == "false" ? .bool(false)
                    : Int(text).map(Value.int) ?? Double(text).map(Value.double) ?? .string(text)
            }
            algorithm = try Algorithm.named(self.algorithm, options: record)
            testFunction = try TestFunctionRegistry.function(named: function, dimension: dims)
        } catch {
            throw BadInput(message: "\(error)")
        }
        var benchmark = SuggestBenchmark(algorithm: algorithm, space: testFunction.space, objective: testFunction.evaluate,
                                         history: history, repeats: repeats, seed: seed, mode: cold ? .cold : .search)
        benchmark.source = SuggestBenchmark.HistorySource(rawValue: historyFrom)!
        if let writeHistory {
            try benchmark.historyCSV().write(toFile: writeHistory, atomically: true, encoding: .utf8)
        }
        let result = try benchmark.run()
        let peak = result.peakResidentBytes.map { String(format: "%.1f MiB", Double($0) / 1_048_576) } ?? "n/a"
        print("\(algorithm.name) on \(testFunction.key) (d=\(testFunction.dimension)), history \(history)\(historyFrom == "search" ? " (its own search)" : ""), \(repeats) suggestions (\(cold ? "cold" : "in a search")): "
              + String(format: "median %.1f us, p90 %.1f us, ", result.medianMicroseconds, result.p90Microseconds) + "peak memory \(peak)")
    }
}

/// `parzen bench suite [--times N]`: evaluates every test function N times.
struct SuiteBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suite", abstract: "Evaluate every registered test function N times and report the time.")

    @Option(help: "Evaluations per function.")
    var times: Int = 10_000

    func validate() throws {
        guard times >= 1 else { throw ValidationError("--times must be >= 1, got \(times)") }
    }

    func run() throws {
        let report = SuiteBenchmark.evaluateAll(times: times)
        var total = 0.0
        for timing in report.timings {
            total += timing.seconds
            print(String(format: "%-18@ d=%-3d %8.2f ns/eval", timing.key as NSString, timing.dimension, 1e9 * timing.seconds / Double(timing.evaluations)))
        }
        print(String(format: "all %d functions × %d evaluations: %.4f s (iris-knn table built once in %.4f s)", report.timings.count, times, total, report.irisTableSeconds))
    }
}
