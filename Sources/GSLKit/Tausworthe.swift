import CGSL

/// A seeded maximally equidistributed combined Tausworthe generator (L'Ecuyer 1996), GSL's
/// `gsl_rng_taus2`, for streams that are started over very often: seeding sets three state
/// words and discards six outputs, against MT19937's 624 words and their first regeneration.
///
/// Like ``MersenneTwister`` it owns its C state and is deliberately not `Sendable`: create one
/// per task and pass it explicitly.
///
/// Determinism: the stream is a pure function of the 32-bit seed (GSL maps seed 0 to its
/// default 1, so derive non-zero seeds), the same in every process and on every platform GSL
/// supports.
public final class Tausworthe {
    private let pointer: UnsafeMutablePointer<gsl_rng>

    /// Creates a generator seeded with `seed`.
    public init(seed: UInt32) {
        pointer = GSLRuntime.generator(cgsl_rng_taus2(), seed: seed)
    }

    deinit { gsl_rng_free(pointer) }

    /// Starts the stream of `seed` over (`gsl_rng_set`): the draws that follow are exactly those
    /// of a new generator created with `seed`, without allocating one.
    ///
    /// - Complexity: O(1), a few dozen operations.
    public func reseed(_ seed: UInt32) { gsl_rng_set(pointer, UInt(seed)) }

    /// The next raw 32-bit output (`gsl_rng_get`).
    public func next() -> UInt32 { UInt32(truncatingIfNeeded: gsl_rng_get(pointer)) }

    /// A uniform draw from [0, 1) (`gsl_rng_uniform`; one raw output).
    public func uniform() -> Double { gsl_rng_uniform(pointer) }

    /// A uniform integer in `0..<count` (`gsl_rng_uniform_int`, unbiased by rejection).
    ///
    /// - Precondition: `1 <= count < 2^32` (the generator's range).
    public func uniformInt(below count: Int) -> Int {
        precondition(count >= 1 && UInt64(count) < 1 << 32, "uniformInt(below: \(count)): need 1..<2^32")
        return Int(gsl_rng_uniform_int(pointer, UInt(count)))
    }

    /// A standard normal draw (`gsl_ran_gaussian` with σ = 1, Box–Muller polar method: two raw
    /// outputs per attempt).
    public func gaussian() -> Double { gsl_ran_gaussian(pointer, 1) }
}
