/// The best and worst values of the last T generations (`funhist_values` in the `cmaes`
/// package), for `should_stop`'s flat-fitness test.
struct ValueHistory: Sendable, Equatable {
    private var values: [Double]
    /// T.
    let length: Int

    init(length: Int) {
        self.length = length
        values = Array(repeating: 0, count: 2 * length)
    }

    /// Records generation `generation`'s (already incremented) best and worst values in the
    /// slot the package uses, 2·(g mod T).
    mutating func record(generation: Int, best: Double, worst: Double) {
        let slot = 2 * (generation % length)
        values[slot] = best
        values[slot + 1] = worst
    }

    /// True when more than T generations have run and the recorded values span less than
    /// `tolerance`. Every slot has been written once g > T.
    func isFlat(generation: Int, tolerance: Double) -> Bool {
        guard generation > length, let low = values.min(), let high = values.max() else { return false }
        return high - low < tolerance
    }
}
