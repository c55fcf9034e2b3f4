import GSLKit

/// The Vargha–Delaney A₁₂ effect size (Vargha & Delaney 2000), oriented for losses.
///
/// Direction: A₁₂(A, B) = P(a < b) + ½ P(a = b) for a drawn from A and b from B, so it is the
/// probability that A gives the *smaller* (better) loss. 0.5 means no difference; above 0.5
/// favours A (A tends to lower loss), below 0.5 favours B; A₁₂(A, B) + A₁₂(B, A) = 1.
/// It equals U₂/(n₁n₂) = 1 − U₁/(n₁n₂) with U₁ the first sample's
/// ``MannWhitneyU/Result/u``.
/// (Vargha and Delaney define A₁₂ with P(a > b), "A is larger"; for losses the order is
/// reversed so that a larger A₁₂ means a better first suggester.)
public enum VarghaDelaney {
    /// The conventional magnitude of an effect, by |A₁₂ − 0.5| (Vargha & Delaney 2000):
    /// < 0.06 negligible, < 0.14 small, < 0.21 medium, otherwise large
    /// (i.e. A₁₂ thresholds 0.56, 0.64 and 0.71, and symmetrically 0.44, 0.36, 0.29).
    public enum Magnitude: String, Sendable, Equatable, CaseIterable {
        case negligible, small, medium, large

        /// The magnitude of `a12`.
        public init(_ a12: Double) {
            let distance = abs(a12 - 0.5)
            // A small slack so that A = 0.56 (0.5 + 0.06 in floating point) counts as small.
            let slack = 1e-12
            if distance < 0.06 - slack { self = .negligible }
            else if distance < 0.14 - slack { self = .small }
            else if distance < 0.21 - slack { self = .medium }
            else { self = .large }
        }
    }

    /// A₁₂(A, B) = P(a < b) + ½ P(a = b): the probability that `first` beats `second` when lower
    /// is better.
    ///
    /// - Parameters:
    ///   - first: sample A (e.g. final losses of one suggester); non-empty, no NaN.
    ///   - second: sample B; non-empty, no NaN.
    /// - Returns: a value in [0, 1].
    /// - Complexity: O(n log n) with n = n₁ + n₂ (through ranks, not all pairs).
    /// - Determinism: a pure function of its inputs.
    public static func a12(_ first: [Double], _ second: [Double]) -> Double {
        precondition(!first.isEmpty && !second.isEmpty, "A12: both samples must be non-empty")
        let n1 = first.count, n2 = second.count
        let ranks = Statistics.ranks(first + second).ranks
        var rankSum = 0.0
        for index in 0..<n1 { rankSum += ranks[index] }
        // U₁ = #{a > b} + ½ #{a = b}; A₁₂ = (n₁n₂ − U₁)/(n₁n₂).
        let u1 = rankSum - Double(n1 * (n1 + 1)) / 2
        let pairs = Double(n1) * Double(n2)
        return (pairs - u1) / pairs
    }
}
