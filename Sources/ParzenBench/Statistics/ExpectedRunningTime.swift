/// COCO's expected running time (ERT; Hansen et al., "COCO: performance assessment", 2022; Price
/// 1997): the expected number of evaluations to reach a target when a run that stops without
/// reaching it is restarted, independently, until one does (simulated restarts).
///
/// With runs i = 1…n, each either reaching the target after h_i evaluations or stopping
/// unsuccessfully after its length ℓ_i, ERT = (Σ over successful runs of h_i + Σ over
/// unsuccessful ones of ℓ_i) / (number of successful runs), +∞ when no run succeeds. This is the
/// mean of the simulated-restart runtime (draw runs uniformly with replacement until a successful
/// one, adding the lengths of the unsuccessful ones drawn and the successful one's h), computed
/// exactly rather than by drawing.
public enum ExpectedRunningTime {
    /// The ERT of runs with hits `hits` (nil: never reached) and lengths `lengths`.
    ///
    /// - Precondition: `hits.count == lengths.count`.
    /// - Complexity: O(n).
    /// - Determinism: a pure function.
    public static func ert(hits: [Int?], lengths: [Int]) -> Double {
        precondition(hits.count == lengths.count, "ERT: one length per run")
        var spent = 0.0
        var successes = 0
        for (hit, length) in zip(hits, lengths) {
            if let hit {
                spent += Double(hit)
                successes += 1
            } else {
                spent += Double(length)
            }
        }
        return successes > 0 ? spent / Double(successes) : .infinity
    }
}
