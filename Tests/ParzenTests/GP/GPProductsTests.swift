import GSLKit
import Testing
@testable import Parzen

/// GPProducts' lane-wise loops give the bits of the plain loops they stand for, on counts
/// around their block sizes.
@Suite struct GPProductsTests {
    @Test func distancesFourAtATimeAreTheRowByRowDistances() {
        let rng = MersenneTwister(seed: 31)
        for (n, width) in [(1, 1), (3, 2), (4, 3), (7, 6), (9, 5)] {
            let rows = (0..<(n * width)).map { _ in rng.uniform(-1, 1) }
            let x = (0..<width).map { _ in rng.uniform(-1, 1) }
            let scales = (0..<width).map { _ in rng.uniform(0.1, 3) }
            var columns = [Double](repeating: 0, count: n * width)
            for a in 0..<n { for f in 0..<width { columns[f * n + a] = rows[a * width + f] } }
            var d2 = [Double](repeating: .nan, count: n)
            do {
                var out = d2.mutableSpan
                GPProducts.squaredDistances(x.span, columns: columns.span, count: n, width: width, scales: scales.span, into: &out)
            }
            for a in 0..<n {
                let one = GPProducts.squaredDistance(x.span, rows.span.extracting((a * width)..<((a + 1) * width)), scales: scales.span, width: width)
                var plain = 0.0
                for f in 0..<width { let d = x[f] - rows[a * width + f]; plain += scales[f] * d * d }
                #expect(d2[a].bitPattern == one.bitPattern && one.bitPattern == plain.bitPattern, "n = \(n), width = \(width), row \(a)")
            }
        }
    }

    @Test func scaledDifferencesTwoAtATimeAreTheScalarSums() {
        let rng = MersenneTwister(seed: 32)
        for (n, width, first, count) in [(1, 1, 0, 1), (5, 4, 1, 3), (6, 7, 0, 7), (3, 9, 2, 5)] {
            let rows = (0..<(n * width)).map { _ in rng.uniform(-1, 1) }
            let x = (0..<width).map { _ in rng.uniform(-1, 1) }
            let alpha = (0..<n).map { _ in rng.uniform(-2, 2) }, weights = (0..<n).map { _ in rng.uniform(-2, 2) }
            let slopes = (0..<n).map { _ in rng.uniform(-1, 0) }
            var u = [Double](repeating: 0, count: count), v = [Double](repeating: 0, count: count)
            do {
                var us = u.mutableSpan, vs = v.mutableSpan
                GPProducts.addScaledDifferences(alpha: alpha.span, weights: weights.span, slopes: slopes.span, x: x.span, rows: rows.span,
                                                n: n, width: width, first: first, count: count, to: &us, &vs)
            }
            var plainU = [Double](repeating: 0, count: count), plainV = [Double](repeating: 0, count: count)
            for a in 0..<n {
                let m = alpha[a] * slopes[a], w = weights[a] * slopes[a]
                for i in 0..<count {
                    let d = x[first + i] - rows[a * width + first + i]
                    plainU[i] += m * d
                    plainV[i] += w * d
                }
            }
            #expect(u.map(\.bitPattern) == plainU.map(\.bitPattern) && v.map(\.bitPattern) == plainV.map(\.bitPattern), "n = \(n), features \(first)..<\(first + count)")
        }
    }

    /// A lower-triangular n × n matrix (zeros above the diagonal) of values that round in
    /// every product, and m vectors.
    private static func triangle(_ n: Int, vectors m: Int, using rng: MersenneTwister) -> (t: [Double], x: [Double]) {
        var t = [Double](repeating: 0, count: n * n)
        for a in 0..<n { for b in 0...a { t[a * n + b] = rng.uniform(-3, 3) / 7 } }
        return (t, (0..<(n * m)).map { _ in rng.uniform(-1, 1) / 3 })
    }

    @Test func triangularProductsAreTheBitsOfThePortableLoopsOnEveryPath() {
        let rng = MersenneTwister(seed: 33)
        for n in 0...37 {
            let (t, x) = Self.triangle(n, vectors: 1, using: rng)
            var automatic = [Double](repeating: .nan, count: n), portable = automatic
            var transposed = automatic, portableTransposed = automatic
            do {
                var a = automatic.mutableSpan, p = portable.mutableSpan, at = transposed.mutableSpan, pt = portableTransposed.mutableSpan
                GPProducts.lowerProduct(t.span, x.span, into: &a, n: n)
                GPProducts.lowerProduct(t.span, x.span, into: &p, n: n, path: .portable)
                GPProducts.lowerTransposedProduct(t.span, x.span, into: &at, n: n)
                GPProducts.lowerTransposedProduct(t.span, x.span, into: &pt, n: n, path: .portable)
            }
            #expect(automatic.map(\.bitPattern) == portable.map(\.bitPattern), "T·x, n = \(n)")
            #expect(transposed.map(\.bitPattern) == portableTransposed.map(\.bitPattern), "Tᵀ·x, n = \(n)")
            // In blocks of four rows the portable loop is four partial sums per row (column b in
            // lane b mod 4, over the block's columns), added left to right.
            for a in 0..<(n - n % 4) {
                var lanes = [0.0, 0.0, 0.0, 0.0]
                for b in 0..<(a / 4 * 4 + 4) { lanes[b % 4] += t[a * n + b] * x[b] }
                #expect(portable[a].bitPattern == (((lanes[0] + lanes[1]) + lanes[2]) + lanes[3]).bitPattern, "row \(a), n = \(n)")
            }
        }
    }

    @Test func batchedProductsAreEachVectorsProduct() {
        let rng = MersenneTwister(seed: 34)
        for (n, m) in [(0, 3), (1, 1), (5, 2), (8, 3), (13, 5), (37, 4), (64, 7)] {
            let (t, x) = Self.triangle(n, vectors: m, using: rng)
            var batched = [Double](repeating: .nan, count: n * m), portableBatch = batched, single = batched
            do {
                var b = batched.mutableSpan, p = portableBatch.mutableSpan
                GPProducts.lowerProducts(t.span, x.span, into: &b, n: n, m: m)
                GPProducts.lowerProducts(t.span, x.span, into: &p, n: n, m: m, path: .portable)
            }
            for j in 0..<m {
                let xj = Array(x[(j * n)..<((j + 1) * n)])
                var yj = [Double](repeating: .nan, count: n)
                do {
                    var out = yj.mutableSpan
                    GPProducts.lowerProduct(t.span, xj.span, into: &out, n: n)
                }
                single.replaceSubrange((j * n)..<((j + 1) * n), with: yj)
            }
            #expect(batched.map(\.bitPattern) == single.map(\.bitPattern), "n = \(n), m = \(m)")
            #expect(portableBatch.map(\.bitPattern) == single.map(\.bitPattern), "portable, n = \(n), m = \(m)")
        }
    }
}
