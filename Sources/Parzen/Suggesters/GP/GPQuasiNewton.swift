import GSLKit

/// Quasi-Newton minimisation whose steps are GSL's (docs/gp.md §3 and §6): the BFGS method
/// with an inverse-Hessian estimate H that the caller may carry from one minimisation to the
/// next, where each iteration is one iteration of GSL's BFGS2 (`gsl_multimin_fdfminimizer_vector_bfgs2`,
/// its direction and its line search) in the coordinates u with x = x_k + R·u, R·Rᵀ = H (GSL's
/// Cholesky). There the estimate is the identity, so GSL's first trial step, set to the length
/// of Newton's step −H∇f(x_k), is that step. After each iteration H takes the BFGS update from
/// the gradients evaluated. Without an estimate the iteration is GSL's plain first step: 0.1
/// along −∇f with the line-search tolerance 0.1; with one, the tolerance is 0.9 (the Wolfe
/// curvature constant usual for quasi-Newton methods), so that a good Newton step is accepted
/// at once. GSL's own BFGS2 carries no curvature between iterations beyond the last step
/// (its update is memoryless), which costs many more evaluations on badly scaled problems.
enum GPQuasiNewton {
    /// GSL's first trial step and line-search tolerance without an estimate.
    static let plainStepSize = 0.1
    static let plainLineTolerance = 0.1
    /// The line-search tolerance with an estimate.
    static let preconditionedLineTolerance = 0.9

    /// The end of a minimisation.
    struct Outcome {
        /// The last iterate (the best point found) and f and ∇f there.
        var point: [Double]
        var value: Double
        var gradient: [Double]
        var iterations: Int
        var converged: Bool
    }

    /// Minimises f from `start`.
    ///
    /// - Parameters:
    ///   - estimate: H (d × d, row-major), nil for none; left at the final estimate.
    ///   - maximumNewtonStep: the first trial step is shortened when it would move a
    ///     coordinate by more than this.
    ///   - value: f alone (asked at the line search's rejected steps).
    ///   - valueAndGradient: f, writing ∇f.
    ///   - isConverged: the stopping test, given ∇f at the current iterate and the estimate.
    /// - Returns: nil when f is not finite at `start`.
    /// - Complexity: per iteration the evaluations of GSL's line search (f and ∇f at the start
    ///   of the iteration are reused, not asked again) plus O(d³).
    /// - Determinism: draws nothing.
    static func minimize(
        start: [Double], estimate: inout [Double]?, maxIterations: Int, maximumNewtonStep: Double,
        value: ([Double]) -> Double,
        valueAndGradient: ([Double], inout [Double]) -> Double,
        isConverged: (_ gradient: [Double], _ estimate: [Double]?) -> Bool
    ) -> Outcome? {
        let size = start.count
        if let matrix = estimate, matrix.count != size * size { estimate = nil }
        // The last evaluation with ∇f: each GSL run starts by asking for f and ∇f at its start.
        var cachedPoint: [Double] = [], cachedValue = Double.infinity, cachedGradient: [Double] = []
        func evaluate(_ x: [Double], _ gradient: inout [Double]) -> Double {
            if x == cachedPoint {
                gradient = cachedGradient
                return cachedValue
            }
            let result = valueAndGradient(x, &gradient)
            cachedPoint = x
            cachedValue = result
            cachedGradient = gradient
            return result
        }
        var current = start
        var gradient = [Double](repeating: 0, count: size)
        var currentValue = evaluate(current, &gradient)
        guard currentValue.isFinite else { return nil }
        var converged = isConverged(gradient, estimate)
        var iterations = 0
        while !converged && iterations < maxIterations {
            iterations += 1
            let root = estimate.flatMap { CholeskyFactor(matrix: $0, dimension: size) }
            var stepSize = plainStepSize
            if let root {
                // Newton's step in u is −Rᵀ∇f: its length is the first trial step.
                let scaled = transposedProduct(root, gradient)
                let newton = product(root, scaled)
                let length = scaled.reduce(0) { $0 + $1 * $1 }.squareRoot()
                let largest = newton.reduce(0) { max($0, abs($1)) }
                stepSize = max(length * min(1, maximumNewtonStep / max(largest, .leastNormalMagnitude)), 1e-12)
            }
            let origin = current
            func place(_ u: [Double]) -> [Double] {
                let step = root.map { product($0, u) } ?? u
                return (0..<size).map { origin[$0] + step[$0] }
            }
            var evaluated: [(point: [Double], gradient: [Double])] = [(origin, gradient)]
            let result = Minimizer.minimize(
                start: [Double](repeating: 0, count: size), stepSize: stepSize,
                lineTolerance: root == nil ? plainLineTolerance : preconditionedLineTolerance,
                maxIterations: 1,
                value: { u in
                    let x = place(u)
                    return x == cachedPoint ? cachedValue : value(x)
                },
                valueAndGradient: { u, g in
                    let x = place(u)
                    let result = evaluate(x, &g)
                    if result.isFinite && x != origin { evaluated.append((x, g)) }
                    // ∂f/∂u = Rᵀ∇f.
                    if let root { g = transposedProduct(root, g) }
                    return result
                },
                converged: { _ in false })
            guard result.value.isFinite else { break }
            let next = place(result.point)
            guard next != origin else { break }
            var nextGradient = [Double](repeating: 0, count: size)
            let nextValue = evaluate(next, &nextGradient)
            guard nextValue.isFinite && nextValue <= currentValue else { break }
            if next != evaluated.last?.point { evaluated.append((next, nextGradient)) }
            estimate = updatedEstimate(estimate, size: size, pairs: evaluated)
            current = next
            gradient = nextGradient
            currentValue = nextValue
            converged = isConverged(gradient, estimate)
        }
        return Outcome(point: current, value: currentValue, gradient: gradient, iterations: iterations, converged: converged)
    }

    /// ½∇fᵀ·H·∇f, the decrease of f that a Newton step with the estimate H predicts (Newton's
    /// decrement); +∞ without an estimate.
    static func predictedDecrease(_ h: [Double]?, _ g: [Double]) -> Double {
        guard let h, h.count == g.count * g.count else { return .infinity }
        let size = g.count
        var total = 0.0
        for i in 0..<size {
            for j in 0..<size { total += g[i] * h[i * size + j] * g[j] }
        }
        return total / 2
    }

    /// H updated by the BFGS formula H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, ρ = 1/(sᵀy), for each
    /// pair of consecutive gradient evaluations (s the change of θ, y of ∇F) with sᵀy > 0;
    /// without H, the first pair starts it at (sᵀy/yᵀy)·I (Nocedal and Wright, eq. 6.20).
    static func updatedEstimate(_ start: [Double]?, size: Int, pairs: [(point: [Double], gradient: [Double])]) -> [Double]? {
        var h = start?.count == size * size ? start : nil
        for k in pairs.indices.dropFirst() {
            let s = (0..<size).map { pairs[k].point[$0] - pairs[k - 1].point[$0] }
            let y = (0..<size).map { pairs[k].gradient[$0] - pairs[k - 1].gradient[$0] }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            let ss = s.reduce(0) { $0 + $1 * $1 }, yy = y.reduce(0) { $0 + $1 * $1 }
            guard sy.isFinite && sy > 1e-10 * (ss * yy).squareRoot() && yy > 0 else { continue }
            var matrix = h ?? (0..<(size * size)).map { $0 % (size + 1) == 0 ? sy / yy : 0 }
            let rho = 1 / sy
            let hy = (0..<size).map { i in (0..<size).reduce(0) { $0 + matrix[i * size + $1] * y[$1] } }
            let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
            for i in 0..<size {
                for j in 0..<size {
                    matrix[i * size + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
                }
            }
            guard matrix.allSatisfy(\.isFinite) else { continue }
            h = matrix
        }
        return h
    }

    /// R·u for the lower-triangular factor R.
    static func product(_ root: CholeskyFactor, _ u: [Double]) -> [Double] {
        (0..<root.dimension).map { i in (0...i).reduce(0) { $0 + root[i, $1] * u[$1] } }
    }

    /// Rᵀ·g for the lower-triangular factor R.
    static func transposedProduct(_ root: CholeskyFactor, _ g: [Double]) -> [Double] {
        (0..<root.dimension).map { j in (j..<root.dimension).reduce(0) { $0 + root[$1, j] * g[$1] } }
    }
}
