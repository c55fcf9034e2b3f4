import GSLKit
import Parzen

/// Measures how long the test functions take to evaluate (the suite's cost must stay
/// negligible next to a suggester's).
///
/// Points are drawn from each function's prior and evaluated to ``Value``s before timing, so
/// the time is the objective alone. Run it in a release build; `parzen` wires it to a command.
public enum SuiteBenchmark {
    /// The time to evaluate one function `evaluations` times.
    public struct Timing: Sendable {
        /// The function's registry key.
        public let key: String
        /// The dimension it was made with (its default).
        public let dimension: Int
        /// How many evaluations were timed.
        public let evaluations: Int
        /// Wall-clock seconds for those evaluations.
        public let seconds: Double
        /// The sum of the values, so the work cannot be optimised away (deterministic).
        public let checksum: Double
    }

    /// The whole suite's timings.
    public struct Report: Sendable {
        /// One timing per registered function, in listing order.
        public let timings: [Timing]
        /// Seconds to run the 196 cross-validations behind `iris-knn`'s table, which happens
        /// once per process (on first use) and is not part of the per-evaluation timings.
        public let irisTableSeconds: Double

        /// Seconds for all functions together.
        public var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }
    }

    /// Evaluates every registered function (at its default dimension) `times` times on points
    /// drawn from its prior with a generator seeded with `seed`.
    ///
    /// - Determinism: the points and checksums are a pure function of `seed`; the seconds are not.
    public static func evaluateAll(times: Int = 10_000, seed: UInt32 = 20_261_128) -> Report {
        let clock = ContinuousClock()
        let irisTable = clock.measure { _ = IrisKNN.computeLossTable() }
        var timings: [Timing] = []
        for descriptor in TestFunctionRegistry.all {
            // Every descriptor makes its default without error (checked by the tests).
            let function = try! descriptor.make()
            let rng = MersenneTwister(seed: seed)
            let points = (0..<times).map { _ in try! function.space.evaluate(function.space.sample(using: rng)) }
            var checksum = 0.0
            let elapsed = clock.measure {
                for point in points { checksum += function.evaluate(point) }
            }
            timings.append(Timing(
                key: function.key, dimension: function.dimension, evaluations: times,
                seconds: elapsed.seconds, checksum: checksum))
        }
        return Report(timings: timings, irisTableSeconds: irisTable.seconds)
    }
}
