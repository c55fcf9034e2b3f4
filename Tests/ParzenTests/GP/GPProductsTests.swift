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
}
