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

    /// d² between row `a` of `rows` and the point `x` (both D features).
    @inline(__always)
    func squaredDistance(_ x: UnsafeBufferPointer<Double>, _ rows: UnsafeBufferPointer<Double>, row a: Int) -> Double {
        featureScales.withUnsafeBufferPointer { scales in
            Self.squaredDistance(x.baseAddress!, rows.baseAddress! + a * x.count, scales: scales.baseAddress!, width: x.count)
        }
    }

    /// d² = Σ_f c_f (x_f − y_f)² between two points of `width` features, with the feature
    /// scales c as a pointer, for the loops over many data points.
    @inline(__always)
    static func squaredDistance(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, scales: UnsafePointer<Double>, width: Int) -> Double {
        var sum = 0.0
        for f in 0..<width {
            let d = x[f] - y[f]
            sum += scales[f] * d * d
        }
        return sum
    }

    /// d²(x, x_a) for the n data points, from their feature-major copy (`columns`: feature f
    /// of point a at f·n + a), written to `d2`. Four points at a time, each in its own lane,
    /// summing the features in the same order as ``squaredDistance(_:_:scales:width:)``, so the
    /// results are its results.
    ///
    /// - Complexity: O(n·D).
    @inline(__always)
    static func squaredDistances(_ x: UnsafePointer<Double>, columns: UnsafePointer<Double>, count n: Int, width: Int,
                                 scales: UnsafePointer<Double>, into d2: UnsafeMutablePointer<Double>) {
        let stride = MemoryLayout<Double>.stride
        let raw = UnsafeRawPointer(columns), out = UnsafeMutableRawPointer(d2)
        var a = 0
        while a + 4 <= n {
            var sum = SIMD4<Double>()
            for f in 0..<width {
                let d = SIMD4<Double>(repeating: x[f]) - raw.loadUnaligned(fromByteOffset: (f &* n &+ a) &* stride, as: SIMD4<Double>.self)
                sum += SIMD4<Double>(repeating: scales[f]) * d * d
            }
            out.storeBytes(of: sum, toByteOffset: a &* stride, as: SIMD4<Double>.self)
            a += 4
        }
        while a < n {
            var sum = 0.0
            for f in 0..<width {
                let d = x[f] - columns[f &* n &+ a]
                sum += scales[f] * d * d
            }
            d2[a] = sum
            a += 1
        }
    }

    /// k(x, x_a) for every row of `rows` (n × D, row-major), written to `k`.
    ///
    /// - Complexity: O(n·D).
    @inline(__always)
    func covariances(_ x: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Double>, count n: Int, into k: UnsafeMutablePointer<Double>) {
        let width = x.count
        featureScales.withUnsafeBufferPointer { scales in
            for a in 0..<n {
                let d2 = Self.squaredDistance(x.baseAddress!, rows.baseAddress! + a &* width, scales: scales.baseAddress!, width: width)
                k[a] = signalVariance * Self.matern(d2)
            }
        }
    }

    /// k(x, x_a) for every row of `rows` (n × D, row-major).
    ///
    /// - Complexity: O(n·D).
    func covariances(_ x: [Double], rows: [Double], count n: Int) -> [Double] {
        var k = [Double](repeating: 0, count: n)
        x.withUnsafeBufferPointer { x in
            rows.withUnsafeBufferPointer { rows in
                k.withUnsafeMutableBufferPointer { k in covariances(x, rows: rows, count: n, into: k.baseAddress!) }
            }
        }
        return k
    }
}
