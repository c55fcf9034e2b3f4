import Testing
import GSLKit
@testable import ParzenBench

// Reference values: `python3 benchmarks/statistics_reference.py`, section "Bootstrap CI of the
// median": bootstrap_median(sample, B, level, seed) re-implements GSL's mt19937 seeding and
// gsl_rng_uniform_int in Python (raw outputs from Python's MT19937 core; first outputs for seed
// 5489 are 3499211612, 581869302, 3890346734), then np.median per resample and np.percentile
// (linear) of the B medians. Same seed, same draws, so the intervals must agree exactly.
@Suite struct StatisticsBootstrapMedianTests {
    static let sample = [0.93, 0.12, 2.71, 0.44, 1.08, 0.37, 5.12, 0.81, 0.26, 1.64, 0.58, 3.30, 0.09]
    static let wide: [Double] = (0..<20).map { (i: Int) -> Double in
        let step: Double = 0.37 * Double((7 * i) % 20)
        return 0.5 + step + 0.01 * Double(i)
    }

    @Test func matchesTheIndependentPythonBootstrap() {
        let first = BootstrapMedian.confidenceInterval(Self.sample, resamples: 1000, level: 0.95,
                                                       using: MersenneTwister(seed: 42))
        #expect(abs(first.estimate - 0.81) < 1e-12)
        #expect(abs(first.lower - 0.37) < 1e-12)
        #expect(abs(first.upper - 1.64) < 1e-12)

        let second = BootstrapMedian.confidenceInterval(Array(Self.sample.prefix(12)), resamples: 500, level: 0.90,
                                                        using: MersenneTwister(seed: 7))
        #expect(abs(second.estimate - 0.8700000000000001) < 1e-12)
        #expect(abs(second.lower - 0.44) < 1e-12)
        #expect(abs(second.upper - 1.64) < 1e-12)

        let third = BootstrapMedian.confidenceInterval(Self.wide, resamples: 257, level: 0.80,
                                                       using: MersenneTwister(seed: 2024))
        #expect(abs(third.estimate - 4.1) < 1e-12)
        #expect(abs(third.lower - 3.2) < 1e-12)
        #expect(abs(third.upper - 5.1) < 1e-12)
        #expect(third.resamples == 257 && third.level == 0.80)
    }

    @Test func deterministicPerSeedAndConsumesAFixedStream() {
        let a = MersenneTwister(seed: 99), b = MersenneTwister(seed: 99)
        let x = BootstrapMedian.confidenceInterval(Self.wide, resamples: 300, using: a)
        let y = BootstrapMedian.confidenceInterval(Self.wide, resamples: 300, using: b)
        #expect(x == y)
        #expect(a.next() == b.next())
    }

    @Test func intervalPropertiesAndCoverage() {
        // Properties on every interval, and coverage near the nominal 95% for the median of
        // N(0, 1) samples of 40 (true median 0) over 200 seeded experiments.
        let rng = MersenneTwister(seed: 20_240_611)
        var covered = 0
        let experiments = 200
        for _ in 0..<experiments {
            let sample = (0..<40).map { _ in rng.gaussian() }
            let interval = BootstrapMedian.confidenceInterval(sample, resamples: 400, using: rng)
            let range = Statistics.minMax(sample)!
            #expect(range.min <= interval.lower && interval.lower <= interval.upper && interval.upper <= range.max)
            #expect(interval.lower <= interval.estimate && interval.estimate <= interval.upper)
            if interval.lower <= 0 && 0 <= interval.upper { covered += 1 }
        }
        let coverage = Double(covered) / Double(experiments)
        #expect(coverage > 0.88 && coverage < 0.995, "coverage \(coverage)")
        // A constant sample has a degenerate interval.
        let constant = BootstrapMedian.confidenceInterval([2, 2, 2], resamples: 50, using: rng)
        #expect(constant.lower == 2 && constant.upper == 2 && constant.estimate == 2)
    }
}
