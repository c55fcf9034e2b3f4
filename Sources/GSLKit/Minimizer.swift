import CGSL

/// Unconstrained minimisation of a smooth function with its gradient: GSL's BFGS2
/// (`gsl_multimin_fdfminimizer_vector_bfgs2`, Fletcher's BFGS with a bracketing line search).
///
/// ```swift
/// let result = Minimizer.minimize(start: [1, 1], gradientTolerance: 1e-8, maxIterations: 200) { x, gradient in
///     gradient[0] = 2 * (x[0] - 3); gradient[1] = 4 * (x[1] + 1)
///     return (x[0] - 3) * (x[0] - 3) + 2 * (x[1] + 1) * (x[1] + 1)
/// }
/// // result.point ≈ [3, -1]
/// ```
public enum Minimizer {
    /// The end of a minimisation.
    public struct Result: Sendable, Equatable {
        /// The best point evaluated (the smallest finite value seen, the start when none is finite).
        public var point: [Double]
        /// The function's value there (+∞ when no evaluation was finite).
        public var value: Double
        /// BFGS iterations run.
        public var iterations: Int
        /// Function evaluations made.
        public var evaluations: Int
        /// True when the gradient test passed (max |∂f/∂x_i| < tolerance); false when the
        /// iteration limit was reached or GSL could make no more progress.
        public var converged: Bool
    }

    /// Minimises `evaluate` from `start`.
    ///
    /// - Parameters:
    ///   - start: the first point (at least one coordinate).
    ///   - stepSize: the length of the first trial step (GSL's `step_size`).
    ///   - lineTolerance: the line search's accuracy (GSL's `tol`, 0.1 recommended for BFGS).
    ///   - gradientTolerance: stop when every component of the gradient is below this in
    ///     absolute value (SciPy's `gtol` test).
    ///   - maxIterations: the iteration limit.
    ///   - evaluate: f(x), writing ∇f(x) into `gradient` (pre-sized to x's length). A non-finite
    ///     value is allowed; the line search then backs away, and such points are never returned.
    /// - Returns: the best point evaluated, its value and the counts.
    /// - Complexity: O(iterations · (evaluation cost + d²)) for d coordinates.
    /// - Determinism: draws nothing; a pure function of its arguments.
    public static func minimize(
        start: [Double], stepSize: Double = 0.1, lineTolerance: Double = 0.1, gradientTolerance: Double, maxIterations: Int,
        _ evaluate: (_ x: [Double], _ gradient: inout [Double]) -> Double
    ) -> Result {
        precondition(!start.isEmpty, "need at least one coordinate")
        precondition(stepSize > 0 && lineTolerance > 0 && gradientTolerance >= 0 && maxIterations >= 0, "invalid settings")
        _ = GSLRuntime.prepared
        return withoutActuallyEscaping(evaluate) { evaluate in
            MinimizerContext(dimension: start.count, value: nil, valueAndGradient: evaluate)
                .run(start: start, stepSize: stepSize, lineTolerance: lineTolerance, gradientTolerance: gradientTolerance, maxIterations: maxIterations)
        }
    }

    /// Minimises f from `start` when f alone is cheaper than f with ∇f: the line search asks
    /// for f first at each trial step and for ∇f only where the step passes its sufficient-decrease
    /// test, so `value` is called at the rejected steps and `valueAndGradient` elsewhere. The
    /// iterates are exactly those of ``minimize(start:stepSize:lineTolerance:gradientTolerance:maxIterations:_:)``
    /// with the same function.
    ///
    /// - Parameters:
    ///   - value: f(x). Called at most once per distinct point, and never at a point after
    ///     `valueAndGradient` was called there.
    ///   - valueAndGradient: f(x), writing ∇f(x) into `gradient`; it may follow a `value` call at
    ///     the same point (an objective may keep that point's intermediate results to reuse).
    ///   - other parameters: as in ``minimize(start:stepSize:lineTolerance:gradientTolerance:maxIterations:_:)``.
    /// - Returns: the best point evaluated, its value and the counts (``Result/evaluations``
    ///   counts the calls of either closure).
    /// - Complexity: O(iterations · (evaluation cost + d²)) for d coordinates.
    /// - Determinism: draws nothing; a pure function of its arguments.
    public static func minimize(
        start: [Double], stepSize: Double = 0.1, lineTolerance: Double = 0.1, gradientTolerance: Double, maxIterations: Int,
        value: (_ x: [Double]) -> Double,
        valueAndGradient: (_ x: [Double], _ gradient: inout [Double]) -> Double
    ) -> Result {
        precondition(!start.isEmpty, "need at least one coordinate")
        precondition(stepSize > 0 && lineTolerance > 0 && gradientTolerance >= 0 && maxIterations >= 0, "invalid settings")
        _ = GSLRuntime.prepared
        return withoutActuallyEscaping(value) { value in
            withoutActuallyEscaping(valueAndGradient) { valueAndGradient in
                MinimizerContext(dimension: start.count, value: value, valueAndGradient: valueAndGradient)
                    .run(start: start, stepSize: stepSize, lineTolerance: lineTolerance, gradientTolerance: gradientTolerance, maxIterations: maxIterations)
            }
        }
    }
}

extension Minimizer {
    /// Minimises f from `start` as ``minimize(start:stepSize:lineTolerance:gradientTolerance:maxIterations:value:valueAndGradient:)``
    /// does, with the stopping test given by the caller instead of the gradient tolerance:
    /// `converged(∇f)` is asked with the gradient at the start and at every iterate, and the
    /// minimisation stops when it returns true. A minimisation run in transformed coordinates
    /// uses it to test the gradient in the original ones.
    ///
    /// - Parameters:
    ///   - converged: the stopping test, given ∇f at the current iterate (finite).
    ///   - other parameters: as in ``minimize(start:stepSize:lineTolerance:gradientTolerance:maxIterations:value:valueAndGradient:)``.
    /// - Returns: the best point evaluated, its value and the counts; ``Result/converged`` is
    ///   true when `converged` returned true.
    /// - Complexity: O(iterations · (evaluation cost + d²)) for d coordinates.
    /// - Determinism: draws nothing; a pure function of its arguments.
    public static func minimize(
        start: [Double], stepSize: Double = 0.1, lineTolerance: Double = 0.1, maxIterations: Int,
        value: (_ x: [Double]) -> Double,
        valueAndGradient: (_ x: [Double], _ gradient: inout [Double]) -> Double,
        converged: (_ gradient: [Double]) -> Bool
    ) -> Result {
        precondition(!start.isEmpty, "need at least one coordinate")
        precondition(stepSize > 0 && lineTolerance > 0 && maxIterations >= 0, "invalid settings")
        _ = GSLRuntime.prepared
        return withoutActuallyEscaping(value) { value in
            withoutActuallyEscaping(valueAndGradient) { valueAndGradient in
                withoutActuallyEscaping(converged) { converged in
                    MinimizerContext(dimension: start.count, value: value, valueAndGradient: valueAndGradient)
                        .run(start: start, stepSize: stepSize, lineTolerance: lineTolerance, maxIterations: maxIterations, converged: converged)
                }
            }
        }
    }
}

/// One minimisation's state, reached by GSL's callbacks through their `params` pointer: the
/// Swift functions, the last evaluation (GSL often asks for f and ∇f at the same point in two
/// calls) and the best point seen.
private final class MinimizerContext {
    let dimension: Int
    /// f alone, when the caller has a cheaper form than `valueAndGradient`.
    let value: (([Double]) -> Double)?
    let valueAndGradient: ([Double], inout [Double]) -> Double
    var lastPoint: [Double] = []
    var lastValue = Double.nan
    var lastGradient: [Double]
    /// True when `lastGradient` belongs to `lastPoint`.
    var lastHasGradient = false
    var bestPoint: [Double] = []
    var bestValue = Double.infinity
    var evaluations = 0

    init(dimension: Int, value: (([Double]) -> Double)?, valueAndGradient: @escaping ([Double], inout [Double]) -> Double) {
        self.dimension = dimension
        self.value = value
        self.valueAndGradient = valueAndGradient
        lastGradient = [Double](repeating: 0, count: dimension)
    }

    /// f at the GSL vector `x`, evaluated once per distinct point (with ∇f unless a value-only
    /// function was given).
    func value(at x: UnsafePointer<gsl_vector>) -> Double {
        let point = Self.point(x, dimension)
        if point != lastPoint {
            guard let value else { return values(at: point).0 }
            var result = value(point)
            evaluations += 1
            if result.isNaN { result = .infinity }
            record(point, result, gradient: nil)
        }
        return lastValue
    }

    /// f and ∇f at the GSL vector `x`, evaluated once per distinct point.
    func values(at x: UnsafePointer<gsl_vector>) -> (Double, [Double]) {
        values(at: Self.point(x, dimension))
    }

    private func values(at point: [Double]) -> (Double, [Double]) {
        if point != lastPoint || !lastHasGradient {
            var gradient = [Double](repeating: 0, count: dimension)
            var result = valueAndGradient(point, &gradient)
            evaluations += 1
            if result.isNaN || !gradient.allSatisfy(\.isFinite) { result = .infinity }
            record(point, result, gradient: result.isFinite ? gradient : [Double](repeating: 0, count: dimension))
        }
        return (lastValue, lastGradient)
    }

    private func record(_ point: [Double], _ result: Double, gradient: [Double]?) {
        if result < bestValue {
            bestValue = result
            bestPoint = point
        }
        lastPoint = point
        lastValue = result
        lastHasGradient = gradient != nil
        if let gradient { lastGradient = gradient }
    }

    private static func point(_ x: UnsafePointer<gsl_vector>, _ dimension: Int) -> [Double] {
        var point = [Double](repeating: 0, count: dimension)
        for i in 0..<dimension { point[i] = gsl_vector_get(x, i) }
        return point
    }

    func run(start: [Double], stepSize: Double, lineTolerance: Double, gradientTolerance: Double, maxIterations: Int) -> Minimizer.Result {
        run(start: start, stepSize: stepSize, lineTolerance: lineTolerance, maxIterations: maxIterations) {
            Self.small($0, gradientTolerance)
        }
    }

    func run(start: [Double], stepSize: Double, lineTolerance: Double, maxIterations: Int, converged test: ([Double]) -> Bool) -> Minimizer.Result {
        bestPoint = start
        guard let state = gsl_multimin_fdfminimizer_alloc(cgsl_multimin_vector_bfgs2(), dimension) else {
            fatalError("GSL could not allocate a BFGS2 minimiser (out of memory)")
        }
        defer { gsl_multimin_fdfminimizer_free(state) }
        let startVector = gsl_vector_alloc(dimension)!
        defer { gsl_vector_free(startVector) }
        for i in 0..<dimension { gsl_vector_set(startVector, i, start[i]) }

        var function = gsl_multimin_function_fdf()
        function.n = dimension
        function.params = Unmanaged.passUnretained(self).toOpaque()
        function.f = { x, params in
            MinimizerContext.from(params).value(at: x!)
        }
        function.df = { x, params, gradient in
            let (_, g) = MinimizerContext.from(params).values(at: x!)
            for i in 0..<g.count { gsl_vector_set(gradient, i, g[i]) }
        }
        function.fdf = { x, params, value, gradient in
            let (f, g) = MinimizerContext.from(params).values(at: x!)
            value!.pointee = f
            for i in 0..<g.count { gsl_vector_set(gradient, i, g[i]) }
        }

        var iterations = 0
        var converged = false
        let status = withUnsafeMutablePointer(to: &function) { gsl_multimin_fdfminimizer_set(state, $0, startVector, stepSize, lineTolerance) }
        if status == GSL_SUCCESS && lastValue.isFinite {
            converged = test(lastGradient)
            while !converged && iterations < maxIterations {
                iterations += 1
                let step = gsl_multimin_fdfminimizer_iterate(state)
                if step != GSL_SUCCESS { break }  // GSL_ENOPROG: no further progress possible
                let gradient = gsl_multimin_fdfminimizer_gradient(state)!
                let current = (0..<dimension).map { gsl_vector_get(gradient, $0) }
                guard current.allSatisfy(\.isFinite) else { break }
                converged = test(current)
            }
        }
        return Minimizer.Result(point: bestPoint, value: bestValue, iterations: iterations, evaluations: evaluations, converged: converged)
    }

    static func small(_ gradient: [Double], _ tolerance: Double) -> Bool {
        gradient.allSatisfy { abs($0) < tolerance }
    }

    static func from(_ params: UnsafeMutableRawPointer?) -> MinimizerContext {
        Unmanaged<MinimizerContext>.fromOpaque(params!).takeUnretainedValue()
    }
}
