extension OptunaTPE {
    /// Optuna's `default_gamma`: the size of the good ("below") set for n complete trials,
    /// min(⌈0.1·n⌉, 25). ⌈0.1·n⌉ equals ⌈n/10⌉ in double precision for every n below 10⁶, and
    /// the integer form is exact beyond.
    ///
    /// - Complexity: O(1).
    static func defaultGamma(_ n: Int) -> Int {
        min((max(n, 0) + 9) / 10, 25)
    }

    /// Optuna's `default_weights`: n ones for n < 25, else NumPy's `linspace(1/n, 1, n − 25)`
    /// followed by 25 ones; the ramp falls on the oldest observations.
    ///
    /// - Complexity: O(n).
    static func defaultWeights(_ n: Int) -> [Double] {
        guard n >= 25 else { return [Double](repeating: 1, count: max(n, 0)) }
        var weights = [Double](repeating: 1, count: n)
        let rampCount = n - 25
        let start = 1 / Double(n)
        if rampCount == 1 {
            weights[0] = start
        } else if rampCount > 1 {
            // NumPy: start + i·step with step = (stop − start)/(m − 1), the last exactly stop.
            let step = (1 - start) / Double(rampCount - 1)
            for i in 0..<(rampCount - 1) { weights[i] = Double(i) * step + start }
        }
        return weights
    }
}
