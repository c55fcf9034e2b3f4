import Foundation
import GSLKit
@testable import ParzenBench

/// Result sets built directly (no run), shared by the Report and Plot tests.
enum ReportFixtures {
    /// A problem entry for a registered function.
    static func problem(_ label: String, _ key: String, dimension: Int, optimum: Double = 0, noise: Double = 0) -> ResultSet.Problem {
        ResultSet.Problem(label: label, functionKey: key, dimension: dimension, noise: noise, optimum: optimum)
    }

    /// Regrets whose best-so-far values are `finals[s][r]` at the last checkpoint and larger
    /// before it (×4 per earlier checkpoint), one problem.
    static func curves(_ finals: [[Double]], checkpoints: Int) -> [[[Double]]] {
        finals.map { replicates in
            replicates.map { final in
                (0..<checkpoints).map { c in final * pow(4, Double(checkpoints - 1 - c)) }
            }
        }
    }

    /// Three suggesters on square (1-D), branin (2-D) and rosenbrock (3-D), six replicates,
    /// checkpoints 5, 10, 20; pseudo-random regrets from a fixed seed; samples for the 1-D and
    /// 2-D problems. On branin `tpe` is far better than the others.
    static func small() -> ResultSet {
        let rng = MersenneTwister(seed: 42)
        let suggesters = [ResultSet.Suggester(label: "grid", algorithm: "grid"),
                          ResultSet.Suggester(label: "random", algorithm: "random"),
                          ResultSet.Suggester(label: "tpe", algorithm: "tpe")]
        let problems = [problem("square", "square", dimension: 1),
                        problem("branin", "branin", dimension: 2, optimum: 0.3978873577297384),
                        problem("rosenbrock-3d", "rosenbrock", dimension: 3)]
        let scale: [[Double]] = [[1, 0.5, 0.4], [2, 1.5, 0.001], [100, 80, 60]]
        let regrets = problems.indices.map { p in
            curves(suggesters.indices.map { s in (0..<6).map { _ in scale[p][s] * (0.5 + rng.uniform()) } }, checkpoints: 3)
        }
        var samples: [String: [String: [ResultSet.Sample]]] = [:]
        for suggester in suggesters {
            samples["square", default: [:]][suggester.label] = (0..<20).map { t in
                let x = rng.uniform(-5, 5)
                return ResultSet.Sample(trial: t, x: x, y: nil, loss: x * x)
            }
            samples["branin", default: [:]][suggester.label] = (0..<20).map { t in
                ResultSet.Sample(trial: t, x: rng.uniform(-5, 10), y: rng.uniform(0, 15), loss: t == 3 ? nil : rng.uniform(0, 50))
            }
        }
        return withSampleAxes(ResultSet(name: "fixture", checkpoints: [5, 10, 20], problems: problems, suggesters: suggesters,
                                        regrets: regrets, samples: samples))
    }

    /// ``small()``'s problems, suggesters, checkpoints and samples with every run known at each
    /// improvement (trace.csv): pseudo-random from a fixed seed, an improvement at one evaluation
    /// in ten, each by a factor of 0.05 to 0.55; 20 evaluations a run, 16 for grid on square (its
    /// short runs in ``GoldenFile/tracedResults()``). The regrets at the checkpoints are read off
    /// the traces, the last value carried past a run's end. Replicates 0 to 3 of random on
    /// rosenbrock-3d have no ok trial before evaluation 4 (their median is +∞ at evaluations 1 to 3).
    static func traced() -> ResultSet {
        let base = small()
        let rng = MersenneTwister(seed: 7)
        let scale: [[Double]] = [[1, 0.5, 0.4], [2, 1.5, 0.001], [100, 80, 60]]
        let traces = base.problems.indices.map { p in
            base.suggesters.indices.map { s in
                (0..<6).map { r in
                    let first = p == 2 && s == 1 && r < 4 ? 4 : 1
                    let length = p == 0 && s == 0 ? 16 : 20
                    var run = TraceTable.Run(evaluations: [first], regrets: [scale[p][s] * 16 * (0.5 + rng.uniform())])
                    for evaluation in first + 1...length where rng.uniform() < 0.1 {
                        run.evaluations.append(evaluation)
                        run.regrets.append(run.regrets.last! * (0.05 + 0.5 * rng.uniform()))
                    }
                    return run
                }
            }
        }
        let regrets = traces.map { $0.map { $0.map { run in base.checkpoints.map { run.regret(after: $0) } } } }
        return ResultSet(info: base.info, regrets: regrets, traces: traces)
    }

    /// The registered test function of `problem` when its space is plottable (what collect
    /// draws a sample picture over).
    static func plottableFunction(_ problem: ResultSet.Problem) -> TestFunction? {
        guard let key = problem.functionKey, let function = try? TestFunctionRegistry.function(named: key, dimension: problem.dimension),
              SamplesWriter.isPlottable(function.space) else { return nil }
        return function
    }

    /// `results` with the sample axes collect writes (sample-axes.csv): for each problem with
    /// samples and a plottable function, the priors' ranges widened to hold every sampled value.
    static func withSampleAxes(_ results: ResultSet) -> ResultSet {
        var results = results
        results.info.sampleAxes = [:]
        for problem in results.problems {
            guard let function = plottableFunction(problem), let byLabel = results.samples[problem.label], !byLabel.isEmpty else { continue }
            var axes = function.space.parameters.map(SampleAxis.init)
            for suggester in results.suggesters {
                let points = byLabel[suggester.label] ?? []
                axes[0].include(points.map(\.x))
                if axes.count == 2 { axes[1].include(points.compactMap(\.y)) }
            }
            results.info.sampleAxes[problem.label] = axes
        }
        return results
    }

    /// Writes the function grid of each sample picture of `results` (PROBLEM-grid.dat, as
    /// collect does) into `folder`.
    static func writeGrids(_ results: ResultSet, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for problem in results.problems {
            guard let axes = results.sampleAxes[problem.label], let function = plottableFunction(problem) else { continue }
            try SampleGrid.text(function, axes: axes).write(to: folder.appendingPathComponent(SampleGrid.fileName(problem: problem.label)),
                                                            atomically: true, encoding: .utf8)
        }
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ tag: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-\(tag)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `results` as a collected results folder (manifest.lock.yaml in the lock's layout,
    /// runs.csv, samples.csv, sample-axes.csv; trace.csv when it has traces; short-runs.csv when
    /// it has short runs, whose runs.csv rows end at the last checkpoint they reached, as collect
    /// writes them) under base/results/NAME, with the sample pictures' grids under
    /// base/plots/NAME, and returns the results folder.
    static func writeFolder(_ results: ResultSet, base: URL) throws -> URL {
        let folder = base.appendingPathComponent("results").appendingPathComponent(results.name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lock = ["name: \(results.name)", "repeats: 6", "checkpoints: [\(results.checkpoints.map(String.init).joined(separator: ", "))]", "problems:"]
        for p in results.problems {
            lock.append("  - {label: \(p.label), function: \(p.functionKey!), dims: \(p.dimension!), noise: \(p.noise), optimum: \(p.optimum!), direction: minimize}")
        }
        lock.append("suggesters:")
        for s in results.suggesters { lock.append("  - {label: \(s.label), algorithm: \(s.algorithm), options: {}}") }
        try (lock.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("manifest.lock.yaml"), atomically: true, encoding: .utf8)
        var runs = ["problem,suggester,replicate,evaluations,best_loss,regret"]
        for (p, problem) in results.problems.enumerated() {
            for (s, suggester) in results.suggesters.enumerated() {
                let lengths = results.runLengths(problem: p, suggester: s)
                for (r, curve) in results.regrets[p][s].enumerated() {
                    let length = lengths[r]
                    for (c, evaluations) in results.checkpoints.enumerated() where evaluations <= length {
                        runs.append(CSV.row([problem.label, suggester.label, String(r), String(evaluations),
                                             CSV.number(curve[c] + problem.optimum!), CSV.number(curve[c])]))
                    }
                }
            }
        }
        try (runs.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("runs.csv"), atomically: true, encoding: .utf8)
        if let traces = results.traces {
            var trace = [TraceTable.header.joined(separator: ",")]
            for (p, problem) in results.problems.enumerated() {
                for (s, suggester) in results.suggesters.enumerated() {
                    for (r, run) in traces[p][s].enumerated() {
                        for (evaluation, regret) in zip(run.evaluations, run.regrets) {
                            trace.append(CSV.row([problem.label, suggester.label, String(r), String(evaluation),
                                                  CSV.number(regret + problem.optimum!), CSV.number(regret), ""]))
                        }
                    }
                }
            }
            try (trace.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent(TraceTable.fileName), atomically: true, encoding: .utf8)
        }
        if !results.shortRuns.isEmpty {
            try ShortRunsTable.text(results.shortRuns).write(to: folder.appendingPathComponent(ShortRunsTable.fileName), atomically: true, encoding: .utf8)
        }
        var samples = ["problem,suggester,trial,x,y,loss"]
        for problem in results.problems {
            for suggester in results.suggesters {
                for point in results.samples[problem.label]?[suggester.label] ?? [] {
                    samples.append(CSV.row([problem.label, suggester.label, String(point.trial), CSV.number(point.x),
                                            CSV.number(point.y), CSV.number(point.loss)]))
                }
            }
        }
        try (samples.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("samples.csv"), atomically: true, encoding: .utf8)
        let axes = results.problems.compactMap { problem in results.sampleAxes[problem.label].map { (problem.label, $0) } }
        if let text = SampleAxesTable.text(axes) {
            try text.write(to: folder.appendingPathComponent(SampleAxesTable.fileName), atomically: true, encoding: .utf8)
        }
        try writeGrids(results, to: base.appendingPathComponent("plots").appendingPathComponent(results.name))
        return folder
    }
}
