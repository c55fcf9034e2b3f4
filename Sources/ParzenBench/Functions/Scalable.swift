import Foundation
import Parzen

// Dimension-parameterised test functions, as defined in the Virtual Library of Simulation
// Experiments (Surjanovic & Bingham), on its recommended hypercube domains. Coordinates are
// labelled x1 … xd; every function defaults to d = 2 and accepts d in 1...100 (rosenbrock
// 2...100; michalewicz only 2, 5 and 10, where its optimum is tabulated).

extension TestFunctionRegistry {
    /// The dimensions a scalable function accepts (other than rosenbrock and michalewicz).
    static let scalableRange: ClosedRange<Int> = 1...100

    /// `sphere`: Σ xᵢ² over [−5.12, 5.12]ᵈ; minimum 0 at the origin.
    static let sphere = scalable(
        "sphere", summary: "sum of squares, convex, unimodal", domain: (-5.12, 5.12),
        optimum: { _ in 0 }, minimizer: { d in Array(repeating: 0, count: d) },
        source: vlse("Sphere function")
    ) { x in
        var s = 0.0
        for v in x { s += v * v }
        return s
    }

    /// `rosenbrock`: Σ 100(xᵢ₊₁ − xᵢ²)² + (xᵢ − 1)² over [−5, 10]ᵈ, d ≥ 2; minimum 0 at (1, …, 1).
    static let rosenbrock = scalable(
        "rosenbrock", summary: "Rosenbrock's banana valley", domain: (-5, 10),
        range: 2...100, optimum: { _ in 0 }, minimizer: { d in Array(repeating: 1, count: d) },
        source: vlse("Rosenbrock function") + "; Rosenbrock, H. H. (1960), An automatic method for finding the greatest or least value of a function, Comput. J. 3(3)"
    ) { x in
        var s = 0.0
        for i in 0..<(x.count - 1) {
            let a = x[i + 1] - x[i] * x[i], b = x[i] - 1
            s += 100 * a * a + b * b
        }
        return s
    }

    /// `rastrigin`: 10d + Σ (xᵢ² − 10 cos 2πxᵢ) over [−5.12, 5.12]ᵈ; minimum 0 at the origin.
    static let rastrigin = scalable(
        "rastrigin", summary: "Rastrigin, regular grid of local minima", domain: (-5.12, 5.12),
        optimum: { _ in 0 }, minimizer: { d in Array(repeating: 0, count: d) },
        source: vlse("Rastrigin function")
    ) { x in
        var s = 10 * Double(x.count)
        for v in x { s += v * v - 10 * cos(2 * Double.pi * v) }
        return s
    }

    /// `ackley` (a = 20, b = 0.2, c = 2π) over [−32.768, 32.768]ᵈ; minimum 0 at the origin.
    static let ackley = scalable(
        "ackley", summary: "Ackley, nearly flat outer region, deep central hole", domain: (-32.768, 32.768),
        optimum: { _ in 0 }, minimizer: { d in Array(repeating: 0, count: d) },
        source: vlse("Ackley function") + "; Ackley, D. H. (1987), A connectionist machine for genetic hillclimbing"
    ) { x in
        let d = Double(x.count)
        var squares = 0.0, cosines = 0.0
        for v in x {
            squares += v * v
            cosines += cos(2 * Double.pi * v)
        }
        // max(0, ·) removes the rounding residue (≈ 4e-16) at the optimum.
        return max(0, -20 * exp(-0.2 * (squares / d).squareRoot()) - exp(cosines / d) + 20 + M_E)
    }

    /// `griewank`: Σ xᵢ²/4000 − Π cos(xᵢ/√i) + 1 over [−600, 600]ᵈ; minimum 0 at the origin.
    static let griewank = scalable(
        "griewank", summary: "Griewank, many regularly spaced local minima", domain: (-600, 600),
        optimum: { _ in 0 }, minimizer: { d in Array(repeating: 0, count: d) },
        source: vlse("Griewank function")
    ) { x in
        var sum = 0.0, product = 1.0
        for (i, v) in x.enumerated() {
            sum += v * v / 4000
            product *= cos(v / Double(i + 1).squareRoot())
        }
        return sum - product + 1
    }

    /// `levy` over [−10, 10]ᵈ; minimum 0 at (1, …, 1).
    static let levy = scalable(
        "levy", summary: "Levy, many local minima", domain: (-10, 10),
        optimum: { _ in 0 }, minimizer: { d in Array(repeating: 1, count: d) },
        source: vlse("Levy function")
    ) { x in
        let w = x.map { 1 + ($0 - 1) / 4 }
        let first = sin(Double.pi * w[0])
        var s = first * first
        for i in 0..<(w.count - 1) {
            let a = w[i] - 1, b = sin(Double.pi * w[i] + 1)
            s += a * a * (1 + 10 * b * b)
        }
        let last = w[w.count - 1] - 1, c = sin(2 * Double.pi * w[w.count - 1])
        return s + last * last * (1 + c * c)
    }

    /// `styblinski-tang`: ½ Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ) over [−5, 5]ᵈ; minimum ≈ −39.1661657 d at
    /// xᵢ ≈ −2.9035340 (separable, so exact for every d).
    static let styblinskiTang = scalable(
        "styblinski-tang", summary: "Styblinski-Tang, separable, minimum -39.166 d", domain: (-5, 5),
        optimum: { d in Double(d) * styblinskiTangCoordinateMinimum },
        minimizer: { d in Array(repeating: styblinskiTangCoordinateMinimizer, count: d) },
        source: vlse("Styblinski-Tang function") + "; Styblinski, M. A. & Tang, T. S. (1990), Experiments in nonconvex optimization, Neural Networks 3(4)"
    ) { x in
        var s = 0.0
        for v in x {
            let v2 = v * v
            s += v2 * v2 - 16 * v2 + 5 * v
        }
        return s / 2
    }

    /// `michalewicz` (m = 10) over [0, π]ᵈ for d = 2, 5 or 10; minima −1.8013034, −4.6876582,
    /// −9.6601517 (the Library tabulates −1.8013, −4.687658, −9.66015).
    static let michalewicz = scalable(
        "michalewicz", summary: "Michalewicz (m = 10), steep valleys; d = 2, 5 or 10", domain: (0, Double.pi),
        rule: .allowed([2, 5, 10]),
        optimum: { d in michalewiczCoordinateMinima.prefix(d).reduce(0, +) },
        minimizer: { d in Array(michalewiczCoordinateMinimizers.prefix(d)) },
        source: vlse("Michalewicz function") + "; optima for d = 2, 5, 10 as tabulated there, refined per coordinate (the function is separable)"
    ) { x in
        var s = 0.0
        for (i, v) in x.enumerated() {
            let inner = sin(Double(i + 1) * v * v / Double.pi)
            let i2 = inner * inner, i4 = i2 * i2, i8 = i4 * i4, i16 = i8 * i8
            s -= sin(v) * i16 * i4
        }
        return s
    }

    /// The minimiser of ½(x⁴ − 16x² + 5x) on [−5, 5] and its value (Brent, to 1e-15).
    static let styblinskiTangCoordinateMinimizer = -2.9035340283254087
    static let styblinskiTangCoordinateMinimum = -39.166165703771426

    /// Per-coordinate minimisers of −sin(x) sin²⁰(i x²/π) on [0, π], i = 1…10, and the minima
    /// (dense grid then Brent to 1e-15). Michalewicz is their sum, so the d-dimensional optimum
    /// is the sum of the first d.
    static let michalewiczCoordinateMinimizers: [Double] = [
        2.2029055202324983, 1.5707963268294105, 1.2849915701251637, 1.923058469876916, 1.720469772792097,
        1.5707963284208426, 1.4544139707036732, 1.7560865198888536, 1.6557174168110524, 1.5707963268294105,
    ]
    static let michalewiczCoordinateMinima: [Double] = [
        -0.8013034100985534, -1.0, -0.9590912698960068, -0.9384624184720844, -0.9888010806215053,
        -1.0, -0.9932271353558824, -0.9828720362722108, -0.9963943649251034, -1.0,
    ]

    /// A descriptor for a function over the hypercube `domain`ᵈ with labels x1 … xd.
    static func scalable(
        _ key: String, summary: String, domain: (Double, Double), range: ClosedRange<Int>? = nil,
        rule: DimensionRule? = nil, optimum: @escaping @Sendable (Int) -> Double,
        minimizer: @escaping @Sendable (Int) -> [Double], source: String,
        function: @escaping @Sendable ([Double]) -> Double
    ) -> TestFunctionDescriptor {
        TestFunctionDescriptor(
            key: key, summary: summary, dimensions: rule ?? .range(range ?? scalableRange), defaultDimension: 2
        ) { d in
            let labels = coordinateLabels(d)
            return TestFunction(
                key: key, dimension: d, space: boxSpace(Array(repeating: domain, count: d)),
                optimum: optimum(d), minimizers: [coordinateAssignment(minimizer(d))], source: source,
                evaluate: { point in function(PointReader.vector(point, labels)) })
        }
    }
}
