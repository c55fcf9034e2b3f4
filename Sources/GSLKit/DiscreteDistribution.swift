import CGSL

/// A weighted distribution over `0..<count` using GSL's alias-table method
/// (`gsl_ran_discrete_preproc` / `gsl_ran_discrete`).
///
/// Weights need not sum to one; they are normalised. Build it once, draw many times.
/// Not `Sendable` (it owns a C table); build one per task.
public final class DiscreteDistribution {
    private let table: UnsafeMutablePointer<gsl_ran_discrete_t>

    /// The normalised probabilities, in the order given.
    public let probabilities: [Double]

    /// Creates the distribution.
    ///
    /// - Parameter weights: non-negative finite weights, at least one, with a positive sum.
    /// - Throws: ``GSLError/invalidArgument(_:)`` naming the offending weight.
    /// - Complexity: O(n).
    public init(weights: [Double]) throws(GSLError) {
        _ = GSLRuntime.prepared
        guard !weights.isEmpty else { throw .invalidArgument("discrete distribution needs at least one weight") }
        for (i, w) in weights.enumerated() where !(w.isFinite && w >= 0) {
            throw .invalidArgument("weight \(i) is \(w); weights must be finite and >= 0")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw .invalidArgument("weights sum to 0; at least one must be positive") }
        guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
            throw .invalidArgument("GSL rejected the weights \(weights)")
        }
        self.table = table
        probabilities = weights.map { $0 / total }
    }

    deinit { gsl_ran_discrete_free(table) }

    /// One draw: an index in `0..<probabilities.count`.
    ///
    /// Determinism: consumes a fixed number of generator outputs per draw (GSL's alias method).
    public func draw(using rng: MersenneTwister) -> Int {
        Int(gsl_ran_discrete(rng.pointer, table))
    }
}
