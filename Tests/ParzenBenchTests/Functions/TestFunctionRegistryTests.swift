import GSLKit
import Parzen
import Testing

@testable import ParzenBench

/// Every registered function at its default dimension, plus the scalable ones at a few more.
let suiteCases: [(key: String, dimension: Int?)] =
    TestFunctionRegistry.keys.map { ($0, nil) } + [
        ("rosenbrock", 5), ("rastrigin", 5), ("ackley", 5), ("sphere", 10), ("griewank", 3),
        ("levy", 4), ("styblinski-tang", 5), ("michalewicz", 5), ("michalewicz", 10),
    ]

/// |a − b| within `tolerance`, relative for large values, absolute near zero.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-4) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite struct TestFunctionRegistryTests {
    @Test func listingOrderIsFixedAndKeysAreUnique() {
        #expect(TestFunctionRegistry.keys == [
            "identity", "square", "tutorial-record",
            "branin", "camel6", "goldstein-price", "hartmann3", "hartmann6", "booth", "beale",
            "sphere", "rosenbrock", "rastrigin", "ackley", "griewank", "levy", "styblinski-tang", "michalewicz",
            "logscale", "quantized", "mixed", "conditional", "deep-conditional", "weighted-choice", "gaussian-priors",
            "iris-knn",
        ] + (1...24).map { "bbob-f\($0)" })
        #expect(Set(TestFunctionRegistry.keys).count == TestFunctionRegistry.all.count)
    }

    @Test(arguments: suiteCases)
    func describesItselfConsistently(_ testCase: (key: String, dimension: Int?)) throws {
        let f = try TestFunctionRegistry.function(named: testCase.key, dimension: testCase.dimension)
        #expect(f.key == testCase.key)
        #expect(f.dimension == f.space.parameters.count)
        #expect(!f.minimizers.isEmpty)
        #expect(!f.source.isEmpty && !f.source.contains("http"))
        // Labels are unique (SearchSpace would have refused the space otherwise) and non-empty.
        #expect(Set(f.space.labels).count == f.space.labels.count)
        // Compiling the same tree again gives the same space: the space validates.
        #expect(try SearchSpace(f.space.root) == f.space)
    }

    @Test(arguments: suiteCases)
    func everyMinimizerValidatesAndAttainsTheOptimum(_ testCase: (key: String, dimension: Int?)) throws {
        let f = try TestFunctionRegistry.function(named: testCase.key, dimension: testCase.dimension)
        for minimizer in f.minimizers {
            try f.space.validate(minimizer)
            let value = try f.value(at: minimizer)
            #expect(close(value, f.optimum), "\(f.key) d=\(f.dimension) at \(minimizer): \(value) vs optimum \(f.optimum)")
            #expect(value >= f.optimum - 1e-6, "\(f.key): a listed minimiser is below the optimum")
        }
    }

    @Test(arguments: suiteCases)
    func noRandomPointBeatsTheOptimum(_ testCase: (key: String, dimension: Int?)) throws {
        let f = try TestFunctionRegistry.function(named: testCase.key, dimension: testCase.dimension)
        let rng = MersenneTwister(seed: 20_261_128)
        var lowest = Double.infinity
        for _ in 0..<10_000 {
            let assignment = f.space.sample(using: rng)
            let value = try f.value(at: assignment)
            #expect(value.isFinite, "\(f.key) at \(assignment) is \(value)")
            #expect(value >= f.optimum - 1e-6, "\(f.key) d=\(f.dimension) at \(assignment): \(value) < optimum \(f.optimum)")
            lowest = min(lowest, value)
        }
        #expect(lowest >= f.optimum - 1e-6)
    }

    @Test func lookupByNameUsesDefaultsAndSuggestsTheNearestName() throws {
        #expect(try TestFunctionRegistry.function(named: "rastrigin").dimension == 2)
        #expect(throws: TestFunctionError.self) { try TestFunctionRegistry.function(named: "rosenbrok") }
        do {
            _ = try TestFunctionRegistry.function(named: "rosenbrok")
        } catch {
            guard case .unknownFunction(let name, let suggestion, let known) = error else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(name == "rosenbrok")
            #expect(suggestion == "rosenbrock")
            #expect(known == TestFunctionRegistry.keys)
            #expect(error.description.contains("did you mean 'rosenbrock'?"))
        }
        do {
            _ = try TestFunctionRegistry.function(named: "zzzzzzzzzzzz")
            Issue.record("an unknown name was accepted")
        } catch {
            #expect(error == .unknownFunction(name: "zzzzzzzzzzzz", suggestion: nil, known: TestFunctionRegistry.keys))
        }
        #expect(TestFunctionRegistry.descriptor(named: "goldstein-price")?.key == "goldstein-price")
        #expect(TestFunctionRegistry.descriptor(named: "nope") == nil)
    }
}
