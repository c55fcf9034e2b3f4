import CGSL

extension Statistics {
    /// The least-squares line y ≈ intercept + slope·x through the points (`gsl_fit_linear`).
    ///
    /// - Precondition: `x` and `y` have the same count; no NaN.
    /// - Returns: nil for fewer than two points or when every x is the same (no slope).
    /// - Complexity: O(n).
    public static func linearFit(x: [Double], y: [Double]) -> (intercept: Double, slope: Double)? {
        precondition(x.count == y.count, "linearFit: one y per x")
        precondition(!x.contains(where: \.isNaN) && !y.contains(where: \.isNaN), "linearFit: NaN")
        guard x.count >= 2, let first = x.first, x.contains(where: { $0 != first }) else { return nil }
        _ = GSLRuntime.prepared
        var intercept = 0.0, slope = 0.0, cov00 = 0.0, cov01 = 0.0, cov11 = 0.0, sumsq = 0.0
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                _ = gsl_fit_linear(x.baseAddress, 1, y.baseAddress, 1, x.count, &intercept, &slope, &cov00, &cov01, &cov11, &sumsq)
            }
        }
        return (intercept, slope)
    }
}
