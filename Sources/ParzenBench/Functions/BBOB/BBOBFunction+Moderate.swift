import Foundation

// f6–f9, functions with low or moderate conditioning (numbbo/coco, code-experiments/src/
// f_attractive_sector.c, f_step_ellipsoid.c, f_rosenbrock.c).

extension BBOBFunction {
    static func moderate(_ s: BBOBSetup) -> Built {
        let fOpt = s.fOpt, d = s.dimension
        switch s.number {
        case 6:
            let xOpt = s.xOpt
            let a = s.conditionedRotation(base: 10.0.squareRoot())
            return .chain([.shift(xOpt), .linear(a)], xOpt: xOpt, fOpt: fOpt) { z in
                var sum = 0.0
                for i in 0..<d {
                    if xOpt[i] * z[i] > 0 { sum += 100.0 * 100.0 * z[i] * z[i] } else { sum += z[i] * z[i] }
                }
                return pow(BBOBTransforms.oscillate(sum), 0.9)
            }
        case 7:
            let xOpt = s.xOpt, r0 = s.r0, r1 = s.r1
            let scales = (0..<d).map { i in pow(100.0 / 10.0, Double(i) / Double(d - 1)).squareRoot() }
            let weights = (0..<d).map { pow(100.0, s.ratio($0)) }
            return Built(evaluate: { x in
                let penalty = BBOBTransforms.penalty(x)
                var zHat = [Double](repeating: 0, count: d)
                for i in 0..<d {
                    var sum = 0.0
                    for j in 0..<d { sum += scales[i] * r0[i, j] * (x[j] - xOpt[j]) }
                    zHat[i] = sum
                }
                let first = zHat[0]
                for i in 0..<d {
                    zHat[i] = abs(zHat[i]) > 0.5 ? BBOBTransforms.round(zHat[i]) : BBOBTransforms.round(10.0 * zHat[i]) / 10.0
                }
                var sum = 0.0
                for i in 0..<d {
                    var zi = 0.0
                    for j in 0..<d { zi += r1[i, j] * zHat[j] }
                    sum += weights[i] * zi * zi
                }
                return 0.1 * max(abs(first) * 1.0e-4, sum) + penalty + fOpt
            }, xOpt: xOpt, optimumValue: fOpt)
        case 8:
            let xOpt = s.xOpt.map { 0.75 * $0 }
            let c = max(1.0, Double(d).squareRoot() / 8.0)
            return Built(evaluate: { x in
                var z = BBOBTransforms.shift(x, by: xOpt)
                for i in 0..<d { z[i] = c * z[i] - (-1.0) }
                if let bad = BBOBTransforms.nonFinite(z) { return bad }
                return rosenbrock(z) + fOpt
            }, xOpt: xOpt, optimumValue: fOpt)
        default:
            let (c, m) = s.rosenbrockScaling
            let xOpt = s.r0.columnSums(dividedBy: 2 * c)
            return .chain([.linear(m, offset: 0.5)], xOpt: xOpt, fOpt: fOpt) { z in rosenbrock(z) }
        }
    }

    /// 100 Σ (z_i² − z_{i+1})² + Σ (1 − z_i)² (`f_rosenbrock_raw`).
    static func rosenbrock(_ z: [Double]) -> Double {
        var s1 = 0.0, s2 = 0.0
        for i in 0..<(z.count - 1) {
            let c1 = z[i] * z[i] - z[i + 1], c2 = 1.0 - z[i]
            s1 += c1 * c1
            s2 += c2 * c2
        }
        return 100.0 * s1 + s2
    }
}
