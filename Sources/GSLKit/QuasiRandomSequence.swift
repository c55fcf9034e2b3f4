import CGSL

/// A low-discrepancy sequence over the unit cube: GSL's Sobol or Halton generator.
///
/// Deterministic: the sequence depends only on its kind and dimension. GSL's Sobol skips the
/// origin (its first point in any dimension is (0.5, …, 0.5)).
public final class QuasiRandomSequence {
    /// The sequences GSL offers, with the largest dimension each supports.
    public enum Kind: String, Sendable, CaseIterable {
        case sobol, halton

        /// GSL's limit; beyond it Sobol silently returns garbage, so it is enforced here.
        public var maximumDimension: Int { self == .sobol ? 40 : 1229 }
    }

    private let pointer: UnsafeMutablePointer<gsl_qrng>
    public let kind: Kind
    public let dimension: Int

    /// - Throws: ``GSLError/invalidArgument(_:)`` when `dimension` is outside
    ///   `1...kind.maximumDimension`.
    public init(_ kind: Kind, dimension: Int) throws(GSLError) {
        _ = GSLRuntime.prepared
        guard (1...kind.maximumDimension).contains(dimension) else {
            throw .invalidArgument("\(kind.rawValue) sequences support 1...\(kind.maximumDimension) dimensions, got \(dimension)")
        }
        let type = kind == .sobol ? cgsl_qrng_sobol() : cgsl_qrng_halton()
        guard let pointer = gsl_qrng_alloc(type, UInt32(dimension)) else {
            throw .invalidArgument("GSL could not allocate a \(kind.rawValue) sequence of dimension \(dimension)")
        }
        self.pointer = pointer
        self.kind = kind
        self.dimension = dimension
    }

    deinit { gsl_qrng_free(pointer) }

    /// The next point, each coordinate in [0, 1).
    public func next() -> [Double] {
        var point = [Double](repeating: 0, count: dimension)
        _ = point.withUnsafeMutableBufferPointer { gsl_qrng_get(pointer, $0.baseAddress) }
        return point
    }
}
