import GSLKit

/// The standardised targets of a ``GP`` (docs/gp.md §1): infinite losses clipped to the finite
/// range, losses divided by their largest magnitude (so squares stay finite up to 1e308), then
/// y = −(w − mean)/max(sd, 1e−10) with the population standard deviation. Larger y is better.
enum GPTargets {
    static let standardDeviationFloor = 1e-10

    /// - Precondition: no loss is NaN.
    /// - Complexity: O(n).
    static func standardize(_ losses: [Double]) -> [Double] {
        let finite = losses.filter(\.isFinite)
        guard let (low, high) = Statistics.minMax(finite) else { return losses.map { _ in 0 } }
        let clipped = losses.map { $0 == .infinity ? high : $0 == -.infinity ? low : $0 }
        let scale = max(abs(low), abs(high))
        guard scale > 0 else { return losses.map { _ in 0 } }
        let scaled = clipped.map { $0 / scale }
        let mean = Statistics.mean(scaled)
        let n = Double(scaled.count)
        // GSL's variance divides by n − 1; the model uses the population value (divisor n).
        let sd = scaled.count < 2 ? 0 : (Statistics.variance(scaled) * (n - 1) / n).squareRoot()
        let divisor = max(sd.isFinite ? sd : 0, standardDeviationFloor)
        return scaled.map { -($0 - mean) / divisor }
    }
}
