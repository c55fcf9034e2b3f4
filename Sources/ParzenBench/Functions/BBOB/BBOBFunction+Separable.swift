import Foundation

// f1–f5, the separable functions (numbbo/coco, code-experiments/src/f_sphere.c,
// f_ellipsoid.c, f_rastrigin.c, f_bueche_rastrigin.c, f_linear_slope.c).

extension BBOBFunction {
    static func separable(_ s: BBOBSetup) -> Built {
        let fOpt = s.fOpt, d = s.dimension
        switch s.number {
        case 1:
            return .chain([.shift(s.xOpt)], xOpt: s.xOpt, fOpt: fOpt) { z in
                var sum = 0.0
                for v in z { sum += v * v }
                return sum
            }
        case 2:
            let xOpt = s.xOpt
            return .chain([.shift(xOpt), .oscillate], xOpt: xOpt, fOpt: fOpt) { z in ellipsoid(z, conditioning: 1e6) }
        case 3:
            let xOpt = s.xOpt
            return .chain([.shift(xOpt), .oscillate, .asymmetric(beta: 0.2), .conditioning(alpha: 10)], xOpt: xOpt, fOpt: fOpt) { z in
                rastrigin(z)
            }
        case 4:
            var xOpt = s.xOpt
            for i in stride(from: 0, to: d, by: 2) { xOpt[i] = abs(xOpt[i]) }
            let scales = (0..<d).map { pow(10.0.squareRoot(), s.ratio($0)) }
            let optimum = xOpt
            return .chain([.shift(optimum), .oscillate], xOpt: optimum, fOpt: fOpt, penalty: 100) { t in
                var z = t
                for i in 0..<d {
                    var factor = scales[i]
                    if t[i] > 0 && i % 2 == 0 { factor *= 10 }
                    z[i] = factor * t[i]
                }
                if let bad = BBOBTransforms.nonFinite(z) { return bad }
                var cosines = 0.0, squares = 0.0
                for v in z {
                    cosines += cos(2 * Double.pi * v)
                    squares += v * v
                }
                return 10.0 * (Double(d) - cosines) + squares + 0
            }
        default:
            let xOpt = s.xOpt.map { $0 < 0 ? -5.0 : 5.0 }
            let slopes = (0..<d).map { i in
                let magnitude = pow(100.0.squareRoot(), s.ratio(i))
                return xOpt[i] > 0 ? magnitude : -magnitude
            }
            return Built(evaluate: { x in
                var sum = 0.0
                for i in 0..<d {
                    let si = slopes[i]
                    if x[i] * xOpt[i] < 25 { sum += 5 * abs(si) - si * x[i] } else { sum += 5 * abs(si) - si * xOpt[i] }
                }
                return sum + fOpt
            }, xOpt: xOpt, optimumValue: fOpt)
        }
    }

    /// E(z, c) = z₀² + Σ_{i≥1} c^(i/(D−1)) z_i² (`f_ellipsoid_raw`).
    static func ellipsoid(_ z: [Double], conditioning: Double) -> Double {
        let d = Double(z.count)
        var sum = z[0] * z[0]
        for i in 1..<z.count { sum += pow(conditioning, 1.0 * Double(i) / (d - 1.0)) * z[i] * z[i] }
        return sum
    }

    /// 10(D − Σ cos 2πz_i) + Σ z_i², or Σ z_i² when that is infinite (`f_rastrigin_raw`).
    static func rastrigin(_ z: [Double]) -> Double {
        var cosines = 0.0, squares = 0.0
        for v in z {
            cosines += cos(2 * Double.pi * v)
            squares += v * v
        }
        if squares.isInfinite { return squares }
        return 10.0 * (Double(z.count) - cosines) + squares
    }
}
