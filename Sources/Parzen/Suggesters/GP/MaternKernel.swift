import Foundation

/// The Matérn ν = 5/2 kernel with one inverse squared length scale per coordinate
/// (docs/gp.md §2): k(x, x') = s·M(d²), d² = Σ_f c_f (x_f − x'_f)² with c_f = λ_g(f)·w_f.
struct MaternKernel: Sendable {
    /// s, the signal variance.
    let signalVariance: Double
    /// c_f for each feature: the group's λ times the feature's weight.
    let featureScales: [Double]

    init(hyperparameters: GPHyperparameters, encoding: GPEncoding) {
        signalVariance = hyperparameters.signalVariance
        featureScales = (0..<encoding.featureCount).map {
            hyperparameters.inverseSquaredLengthScales[encoding.featureGroup[$0]] * encoding.featureWeight[$0]
        }
    }

    /// M(d²) = (1 + √5 r + 5r²/3)·e^(−√5 r), r = √d².
    @inline(__always)
    static func matern(_ d2: Double) -> Double {
        let r = (5 * d2).squareRoot()
        return (1 + r + r * r / 3) * exp(-r)
    }

    /// dM/d(d²) = −(5/6)(1 + √5 r)·e^(−√5 r); finite at 0.
    @inline(__always)
    static func maternDerivative(_ d2: Double) -> Double {
        let r = (5 * d2).squareRoot()
        return -(5.0 / 6.0) * (1 + r) * exp(-r)
    }

    /// d² between row `a` of `rows` (D features each) and the point `x` (D features).
    @inline(__always)
    func squaredDistance(_ x: Span<Double>, _ rows: Span<Double>, row a: Int) -> Double {
        let width = x.count
        return GPProducts.squaredDistance(x, rows.extracting((a * width)..<((a + 1) * width)), scales: featureScales.span, width: width)
    }

    /// k(x, x_a) for every row of `rows` (n × D, row-major).
    ///
    /// - Complexity: O(n·D).
    func covariances(_ x: [Double], rows: [Double], count n: Int) -> [Double] {
        var k = [Double](repeating: 0, count: n)
        let point = x.span, rows = rows.span
        for a in 0..<n { k[a] = signalVariance * Self.matern(squaredDistance(point, rows, row: a)) }
        return k
    }
}
