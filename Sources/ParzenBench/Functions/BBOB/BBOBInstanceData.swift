import Foundation

/// The data of one `bbob` instance that COCO derives from its seeds (numbbo/coco,
/// code-experiments/src/suite_bbob_legacy_code.c: `bbob2009_compute_xopt`,
/// `bbob2009_compute_fopt`, `bbob2009_compute_rotation`).
enum BBOBInstanceData {
    /// The main seed of function `number`, instance `instance`: f + 10000·i, with f4 on f3's
    /// base and f18 on f17's (`coco_get_bbob_problem` in suite_bbob.c).
    static func seed(function number: Int, instance: Int) -> Int {
        let base = number == 4 ? 3 : (number == 18 ? 17 : number)
        return base + 10_000 * instance
    }

    /// x_opt: 8⌊10⁴u⌋/10⁴ − 4 per coordinate of u = unif(D, seed), and −10⁻⁵ where that is 0.
    static func xOpt(seed: Int, dimension: Int) -> [Double] {
        BBOBGenerator.uniform(dimension, seed: seed).map { u in
            let x = 8 * (1e4 * u).rounded(.down) / 1e4 - 4
            return x == 0 ? -1e-5 : x
        }
    }

    /// f_opt: round(10⁴ g₁/g₂)/100 clipped to [−1000, 1000], g₁, g₂ the first normals of
    /// the seed and the seed + 1 (the seed with f4's and f18's bases).
    static func fOpt(function number: Int, instance: Int) -> Double {
        let seed = seed(function: number, instance: instance)
        let g1 = BBOBGenerator.gauss(1, seed: seed)[0], g2 = BBOBGenerator.gauss(1, seed: seed + 1)[0]
        return min(1000, max(-1000, BBOBTransforms.round(100 * 100 * g1 / g2) / 100))
    }

    /// A D×D rotation, row-major: normals filled column-major, then modified Gram–Schmidt on
    /// the columns (each projection uses the partly orthogonalised column).
    ///
    /// Computed here rather than by a QR factorisation in GSL: the instance is defined by this
    /// exact sequence of operations, and a Householder QR yields another orthogonal matrix.
    /// - Complexity: O(D³).
    static func rotation(seed: Int, dimension d: Int) -> BBOBMatrix {
        let g = BBOBGenerator.gauss(d * d, seed: seed)
        var b = [Double](repeating: 0, count: d * d)
        for i in 0..<d { for j in 0..<d { b[i * d + j] = g[j * d + i] } }
        for c in 0..<d {
            for p in 0..<c {
                var product = 0.0
                for k in 0..<d { product += b[k * d + c] * b[k * d + p] }
                for k in 0..<d { b[k * d + c] -= product * b[k * d + p] }
            }
            var norm = 0.0
            for k in 0..<d { norm += b[k * d + c] * b[k * d + c] }
            let length = norm.squareRoot()
            for k in 0..<d { b[k * d + c] /= length }
        }
        return BBOBMatrix(dimension: d, entries: b)
    }

    /// A_β = R₁ · diag(β^(k/(D−1))) · R₀, entry (i, j) summed over k as (R₁[i][k] β^(k/(D−1))) R₀[k][j].
    static func conditionedProduct(outer r1: BBOBMatrix, base: Double, inner r0: BBOBMatrix) -> BBOBMatrix {
        let d = r1.dimension
        var a = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0..<d {
                var sum = 0.0
                for k in 0..<d {
                    let exponent = 1.0 * Double(k) / (Double(d) - 1.0)
                    sum += r1[i, k] * pow(base, exponent) * r0[k, j]
                }
                a[i * d + j] = sum
            }
        }
        return BBOBMatrix(dimension: d, entries: a)
    }
}

/// A square matrix stored row by row, applied as COCO's affine layer does.
struct BBOBMatrix: Sendable {
    let dimension: Int
    var entries: [Double]

    subscript(i: Int, j: Int) -> Double { entries[i * dimension + j] }

    /// (M v + b)_i = b_i + Σ_j v_j M[i][j], accumulated from b_i in order
    /// (`transform_vars_affine.c`).
    func apply(_ v: [Double], offset: Double = 0) -> [Double] {
        let d = dimension
        var out = [Double](repeating: 0, count: d)
        for i in 0..<d {
            var sum = offset
            let row = i * d
            for j in 0..<d { sum += v[j] * entries[row + j] }
            out[i] = sum
        }
        return out
    }

    /// Column j's entries summed from row 0 down, divided by `divisor` (f9's and f19's optimum).
    func columnSums(dividedBy divisor: Double) -> [Double] {
        (0..<dimension).map { j in
            var sum = 0.0
            for i in 0..<dimension { sum += self[i, j] }
            return sum / divisor
        }
    }

    /// Every entry times `factor` (entrywise, as COCO scales R₀ by Rosenbrock's c).
    func scaled(_ factor: Double) -> BBOBMatrix {
        BBOBMatrix(dimension: dimension, entries: entries.map { factor * $0 })
    }

    /// Row i times `factor(i)`.
    func rowsScaled(_ factor: (Int) -> Double) -> BBOBMatrix {
        var copy = entries
        for i in 0..<dimension { for j in 0..<dimension { copy[i * dimension + j] = entries[i * dimension + j] * factor(i) } }
        return BBOBMatrix(dimension: dimension, entries: copy)
    }
}
