import CGSL

// Continuous and integer draws. Each consumes a fixed, documented number of raw outputs, so
// streams stay aligned however callers mix them.

extension MersenneTwister {
    /// A uniform draw from [0, 1) (`gsl_rng_uniform`; one raw output).
    public func uniform() -> Double { gsl_rng_uniform(pointer) }

    /// A uniform draw from (0, 1), never exactly 0 (`gsl_rng_uniform_pos`).
    public func uniformPositive() -> Double { gsl_rng_uniform_pos(pointer) }

    /// A uniform draw from [low, high) (`gsl_ran_flat`, computed as `low·(1−u) + high·u`).
    ///
    /// - Precondition: both bounds finite and `low <= high`.
    public func uniform(_ low: Double, _ high: Double) -> Double {
        precondition(low.isFinite && high.isFinite && low <= high, "uniform(\(low), \(high)): need finite low <= high")
        return gsl_ran_flat(pointer, low, high)
    }

    /// A uniform integer in `0..<count` (`gsl_rng_uniform_int`, unbiased by rejection).
    ///
    /// - Precondition: `1 <= count <= 2^32` (the generator's range).
    public func uniformInt(below count: Int) -> Int {
        precondition(count >= 1 && UInt64(count) <= 1 << 32, "uniformInt(below: \(count)): need 1...2^32")
        if count == 1 { return 0 }
        // gsl_rng_uniform_int rejects n > range (2^32 - 1); use the raw output for n = 2^32.
        if UInt64(count) == 1 << 32 { return Int(next()) }
        return Int(gsl_rng_uniform_int(pointer, UInt(count)))
    }

    /// A uniform integer in `range` (`low + uniformInt(below: count)`).
    public func uniformInt(in range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "uniformInt(in:): empty range")
        return range.lowerBound + uniformInt(below: range.count)
    }

    /// A Gaussian draw with the given mean and standard deviation (`gsl_ran_gaussian`,
    /// Box–Muller polar method).
    ///
    /// - Precondition: `sd >= 0`, both finite.
    public func gaussian(mean: Double = 0, sd: Double = 1) -> Double {
        precondition(mean.isFinite && sd.isFinite && sd >= 0, "gaussian(mean: \(mean), sd: \(sd)): need finite mean and sd >= 0")
        return mean + gsl_ran_gaussian(pointer, sd)
    }

    /// A log-normal draw, `exp(N(zeta, sigma))` (`gsl_ran_lognormal`).
    ///
    /// - Precondition: `sigma >= 0`, both finite.
    public func lognormal(zeta: Double, sigma: Double) -> Double {
        precondition(zeta.isFinite && sigma.isFinite && sigma >= 0, "lognormal(zeta: \(zeta), sigma: \(sigma)): need finite zeta and sigma >= 0")
        return gsl_ran_lognormal(pointer, zeta, sigma)
    }

    /// Shuffles `elements` in place with Fisher–Yates over GSL draws.
    ///
    /// Walks from the last position down, swapping position `i` with a uniform position in
    /// `0...i`; consumes one `uniformInt` draw per position after the first.
    ///
    /// - Complexity: O(n).
    public func shuffle<Element>(_ elements: inout [Element]) {
        var i = elements.count - 1
        while i > 0 {
            let j = uniformInt(below: i + 1)
            if i != j { elements.swapAt(i, j) }
            i -= 1
        }
    }

    /// A shuffled copy of `elements`; see ``shuffle(_:)``.
    public func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var copy = elements
        shuffle(&copy)
        return copy
    }
}
