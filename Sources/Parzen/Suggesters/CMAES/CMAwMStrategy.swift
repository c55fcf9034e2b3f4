import Foundation
import GSLKit

/// CMA-ES with margin (Hamano et al., GECCO 2022; the `cmaes` package's `CMAwM`): lattice
/// coordinates are encoded onto their grid, and after each update a margin keeps the
/// probability of leaving the current grid value at least α. docs/cmaes.md, section 8.
struct CMAwMStrategy: Sendable {
    /// The inner strategy, told the raw draws.
    var inner: CMAStrategy
    /// Coordinates with a grid (step > 0) and the rest.
    let discrete: [Int]
    let continuous: [Int]
    /// Per discrete coordinate: its step in the cube and its number of grid values.
    let steps: [Double]
    let sizes: [Int]
    /// α = 1/(nλ).
    let margin: Double
    /// The per-coordinate scale A (1 for continuous coordinates).
    private(set) var scale: [Double]
    private(set) var limitsLow: [Double] = []
    private(set) var limitsUp: [Double] = []

    /// - Parameter steps: per coordinate, the grid step in the cube, or 0 for a continuous one.
    /// - Precondition: each discrete coordinate has at least two grid values.
    init(mean: [Double], sigma: Double, popsize: Int, steps allSteps: [Double]) {
        inner = CMAStrategy(mean: mean, sigma: sigma, popsize: popsize, lrAdapt: false)
        let n = mean.count
        discrete = (0..<n).filter { allSteps[$0] > 0 }
        continuous = (0..<n).filter { allSteps[$0] <= 0 }
        steps = discrete.map { allSteps[$0] }
        // ⌈(high + s/2 − low)/s⌉ grid values on [0, 1].
        sizes = steps.map { Int(((1 + $0 / 2) / $0).rounded(.up)) }
        precondition(sizes.allSatisfy { $0 >= 2 }, "each discrete coordinate needs at least two grid values")
        margin = 1 / (Double(n) * Double(inner.state.parameters.popsize))
        scale = Array(repeating: 1, count: n)
        if !discrete.isEmpty { (limitsLow, limitsUp) = limits(of: discrete.map { mean[$0] }) }
    }

    var generation: Int { inner.state.generation }
    var popsize: Int { inner.state.parameters.popsize }

    /// The grid index nearest `value` (ties to the lower value), for discrete coordinate `z`.
    func gridIndex(_ value: Double, coordinate z: Int) -> Int {
        let s = steps[z], size = sizes[z]
        var index = min(max(Int((value / s + 0.5).rounded(.down)), 0), size - 1)
        if index > 0 && value <= threshold(index - 1, coordinate: z) { index -= 1 }
        if index < size - 1 && value > threshold(index, coordinate: z) { index += 1 }
        return index
    }

    /// t_j = (v_j + v_{j+1})/2.
    private func threshold(_ j: Int, coordinate z: Int) -> Double {
        (Double(j) * steps[z] + Double(j + 1) * steps[z]) / 2
    }

    private func limits(of values: [Double]) -> ([Double], [Double]) {
        var low: [Double] = [], up: [Double] = []
        for (z, value) in values.enumerated() {
            let p = gridIndex(value, coordinate: z)
            low.append(threshold(min(max(p - 1, 0), sizes[z] - 2), coordinate: z))
            up.append(threshold(min(max(p, 0), sizes[z] - 2), coordinate: z))
        }
        return (low, up)
    }

    /// The encoded value of raw draw `x` in discrete coordinate `z`: x′ = (x − m)A + m snapped to
    /// the grid.
    func encode(_ x: Double, coordinate z: Int) -> Double {
        let i = discrete[z]
        let shifted = (x - inner.state.mean[i]) * scale[i] + inner.state.mean[i]
        return Double(gridIndex(shifted, coordinate: z)) * steps[z]
    }

    /// `ask`: (the encoded point, the raw draw). Only continuous coordinates are kept in the box
    /// (by up to `maxResampling` draws, then clipping).
    ///
    /// - Determinism: n `gaussian` draws per attempt, at most (maxResampling + 1)·n.
    mutating func ask(maxResampling: Int, using rng: Tausworthe) -> (encoded: [Double], raw: [Double]) {
        var raw: [Double]?
        for _ in 0..<maxResampling {
            let x = inner.sample(using: rng)
            if continuous.allSatisfy({ x[$0] >= 0 && x[$0] <= 1 }) { raw = x; break }
        }
        if raw == nil {
            var x = inner.sample(using: rng)
            for i in continuous { x[i] = min(max(x[i], 0), 1) }
            raw = x
        }
        let x = raw!
        var encoded = x
        for (z, i) in discrete.enumerated() { encoded[i] = encode(x[i], coordinate: z) }
        return (encoded, x)
    }

    /// The inner update on the raw draws, then the margin correction of the mean and A.
    mutating func tell(_ raw: [[Double]], values: [Double]) {
        inner.tell(raw, values: values)
        guard !discrete.isEmpty else { return }
        let n = inner.dimension
        let sigma = inner.state.sigma
        let meanZ = discrete.map { inner.state.mean[$0] }
        (limitsLow, limitsUp) = limits(of: meanZ)
        let alpha = margin
        for (z, i) in discrete.enumerated() {
            let cii = inner.covariance[i * n + i]
            let zScale = sigma * scale[i] * cii.squareRoot()
            let low = NormalDistribution.cdf(limitsLow[z], mean: meanZ[z], sd: zScale)
            let up = 1 - NormalDistribution.cdf(limitsUp[z], mean: meanZ[z], sd: zScale)
            let mid = 1 - (low + up)
            if max(low, up) > 0.5 {
                // Edge: the mean is in an end cell; keep α beyond the threshold.
                if min(low, up) < alpha {
                    let sign: Double = meanZ[z] > limitsUp[z] ? 1 : (meanZ[z] < limitsUp[z] ? -1 : 0)
                    let distance = sigma * scale[i] * (Self.chiSquaredOneQuantile(1 - 2 * alpha) * cii).squareRoot()
                    inner.state.mean[i] = limitsUp[z] + sign * distance
                }
                continue
            }
            // Side: rescale A and move the mean so each tail keeps at least α/2.
            let lowHat = max(low, alpha / 2), upHat = max(up, alpha / 2)
            let rest = 1 - lowHat - upHat - mid
            let denominator = lowHat + mid + upHat - 3 * alpha / 2
            let lowTilde = min(max(lowHat + rest * (lowHat - alpha / 2) / denominator, 1e-10), 0.5 - 1e-10)
            let upTilde = min(max(upHat + rest * (upHat - alpha / 2) / denominator, 1e-10), 0.5 - 1e-10)
            let qLow = Self.chiSquaredOneQuantile(1 - 2 * lowTilde).squareRoot()
            let qUp = Self.chiSquaredOneQuantile(1 - 2 * upTilde).squareRoot()
            scale[i] = (limitsUp[z] - limitsLow[z]) / ((qLow + qUp) * sigma * cii.squareRoot())
            inner.state.mean[i] = (limitsLow[z] * qUp + limitsUp[z] * qLow) / (qLow + qUp)
        }
    }

    /// χ²₁⁻¹(q) = Φ⁻¹((1 + q)/2)².
    private static func chiSquaredOneQuantile(_ q: Double) -> Double {
        let x = NormalDistribution.quantile((1 + q) / 2)
        return x * x
    }

    mutating func shouldStop() -> Bool { inner.shouldStop() }
}
