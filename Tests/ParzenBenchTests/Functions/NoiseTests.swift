import GSLKit
import Parzen
import Testing

@testable import ParzenBench

@Suite struct NoiseTests {
    @Test func noisyValuesAreReproducibleForASeed() throws {
        let noisy = try TestFunctionRegistry.function(named: "branin").noisy(sigma: 0.5)
        let points = MersenneTwister(seed: 3)
        let assignments = (0..<100).map { _ in noisy.function.space.sample(using: points) }
        let first = MersenneTwister(seed: 42), second = MersenneTwister(seed: 42)
        let a = try assignments.map { try noisy.value(at: $0, using: first) }
        let b = try assignments.map { try noisy.value(at: $0, using: second) }
        #expect(a == b)
        let other = MersenneTwister(seed: 43)
        #expect(try assignments.map { try noisy.value(at: $0, using: other) } != a)
        for (evaluation, assignment) in zip(a, assignments) {
            #expect(evaluation.truth == (try noisy.function.value(at: assignment)))
            #expect(evaluation.loss != evaluation.truth)
        }
    }

    @Test(arguments: [0.01, 0.1, 2.0])
    func noiseIsCentredOnTheTruthWithTheRequestedSpread(sigma: Double) throws {
        let noisy = try TestFunctionRegistry.function(named: "rastrigin", dimension: 5).noisy(sigma: sigma)
        let point = try noisy.function.space.evaluate(coordinateAssignment([0.5, -1, 2, 0, 0.25]))
        let rng = MersenneTwister(seed: 20_261_128)
        let n = 20_000
        var sum = 0.0, squares = 0.0
        var truth = 0.0
        for _ in 0..<n {
            let e = noisy.evaluate(point, using: rng)
            truth = e.truth
            let d = e.loss - e.truth
            sum += d
            squares += d * d
        }
        let mean = sum / Double(n)
        let sd = (squares / Double(n) - mean * mean).squareRoot()
        #expect(truth == noisy.function.evaluate(point))
        #expect(abs(mean) < 4 * sigma / Double(n).squareRoot(), "mean noise \(mean)")
        #expect(abs(sd / sigma - 1) < 0.03, "sd \(sd) for sigma \(sigma)")
    }

    @Test func noiseIsOneGaussianDrawFromTheGivenStream() throws {
        let noisy = try TestFunctionRegistry.function(named: "square").noisy(sigma: 0.3)
        let rng = MersenneTwister(seed: 9), reference = MersenneTwister(seed: 9)
        let e = noisy.evaluate(2.0, using: rng)
        #expect(e.truth == 4)
        #expect(e.loss == 4 + reference.gaussian(mean: 0, sd: 0.3))
        #expect(rng.next() == reference.next())
    }

    @Test func zeroNoiseDrawsNothingAndBadSigmasAreRejected() throws {
        let f = try TestFunctionRegistry.function(named: "square")
        let rng = MersenneTwister(seed: 5), reference = MersenneTwister(seed: 5)
        let e = try f.noisy(sigma: 0).evaluate(1.5, using: rng)
        #expect(e == NoisyEvaluation(loss: 2.25, truth: 2.25))
        #expect(rng.next() == reference.next())
        #expect(throws: NoiseError(function: "square", sigma: -1)) { try f.noisy(sigma: -1) }
        #expect(throws: NoiseError.self) { try f.noisy(sigma: .infinity) }
        #expect(throws: NoiseError.self) { try f.noisy(sigma: .nan) }
    }
}
