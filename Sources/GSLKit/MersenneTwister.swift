import CGSL

/// A seeded MT19937 generator backed by GSL's `gsl_rng_mt19937`.
///
/// Every random draw in Parzen goes through one of these, passed explicitly (`using rng:`).
/// It is a reference type that owns its C state and is deliberately not `Sendable`: create
/// one per task (per experiment cell) inside that task.
///
/// Determinism: the stream is a pure function of the seed. Only 32 bits of seed exist, and
/// GSL maps seed 0 to its default 4357, so derive non-zero seeds. The same seed gives the same
/// stream in every process and on every platform GSL supports.
public final class MersenneTwister {
    let pointer: UnsafeMutablePointer<gsl_rng>

    /// The seed this generator was created with, or last reseeded with.
    public private(set) var seed: UInt32

    /// Creates a generator seeded with `seed`.
    ///
    /// - Parameter seed: the MT19937 seed; 0 behaves as 4357 (GSL's documented default).
    public init(seed: UInt32) {
        pointer = GSLRuntime.generator(cgsl_rng_mt19937(), seed: seed)
        self.seed = seed
    }

    private init(cloning other: MersenneTwister) {
        guard let state = gsl_rng_clone(other.pointer) else {
            fatalError("GSL could not clone an mt19937 generator (out of memory)")
        }
        pointer = state
        seed = other.seed
    }

    deinit { gsl_rng_free(pointer) }

    /// Starts the stream of `seed` over (`gsl_rng_set`): the draws that follow are exactly those
    /// of a new generator created with `seed`, without allocating one.
    ///
    /// - Complexity: O(1) (MT19937's 624 state words are initialised).
    public func reseed(_ seed: UInt32) {
        self.seed = seed
        gsl_rng_set(pointer, UInt(seed))
    }

    /// An independent copy whose stream continues exactly where this one is now.
    public func clone() -> MersenneTwister { MersenneTwister(cloning: self) }

    /// The generator's complete internal state (5,000 bytes for MT19937), for checkpoints.
    public var state: [UInt8] {
        let size = gsl_rng_size(pointer)
        let raw = gsl_rng_state(pointer)!.assumingMemoryBound(to: UInt8.self)
        return Array(UnsafeBufferPointer(start: raw, count: size))
    }

    /// Restores a state previously read from ``state``.
    ///
    /// - Throws: ``GSLError/invalidArgument(_:)`` if `bytes` has the wrong length.
    public func restore(state bytes: [UInt8]) throws(GSLError) {
        let size = gsl_rng_size(pointer)
        guard bytes.count == size else {
            throw .invalidArgument("generator state must be \(size) bytes, got \(bytes.count)")
        }
        bytes.withUnsafeBytes { source in
            gsl_rng_state(pointer)!.copyMemory(from: source.baseAddress!, byteCount: size)
        }
    }

    /// The next raw 32-bit output of MT19937 (`gsl_rng_get`).
    public func next() -> UInt32 { UInt32(truncatingIfNeeded: gsl_rng_get(pointer)) }
}

/// An error from GSLKit: an argument that GSL would reject, caught before it reaches C.
public enum GSLError: Error, Equatable, CustomStringConvertible {
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .invalidArgument(let message): return message
        }
    }
}
