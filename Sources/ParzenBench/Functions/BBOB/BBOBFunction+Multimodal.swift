import Foundation

// f15–f19, multimodal functions with adequate global structure (numbbo/coco,
// code-experiments/src/f_rastrigin.c, f_weierstrass.c, f_schaffers.c, f_griewank_rosenbrock.c).

extension BBOBFunction {
    static func multimodal(_ s: BBOBSetup) -> Built {
        let fOpt = s.fOpt, d = s.dimension
        switch s.number {
        case 15:
            let xOpt = s.xOpt, r1 = s.r1
            let a = s.conditionedRotation(base: 10.0.squareRoot())
            return .chain([.shift(xOpt), .linear(r1), .oscillate, .asymmetric(beta: 0.2), .linear(a)], xOpt: xOpt, fOpt: fOpt) { z in
                rastrigin(z)
            }
        case 16:
            let xOpt = s.xOpt, r1 = s.r1
            let a = s.conditionedRotation(base: 1.0 / 100.0.squareRoot())
            let weierstrass = Weierstrass()
            let factor = 10.0 / Double(d)
            let best = weierstrass.raw([Double](repeating: 0, count: d)) + fOpt
            return .chain([.shift(xOpt), .linear(r1), .oscillate, .linear(a)], xOpt: xOpt, fOpt: fOpt, penalty: factor, optimumValue: best) { z in
                weierstrass.raw(z)
            }
        case 17, 18:
            let xOpt = s.xOpt
            let conditioning = s.number == 17 ? 10.0 : 1000.0
            let m = s.r0.rowsScaled { i in pow(conditioning.squareRoot(), 1.0 * Double(i) / (Double(d) - 1.0)) }
            return .chain([.shift(xOpt), .linear(s.r1), .asymmetric(beta: 0.5), .linear(m)], xOpt: xOpt, fOpt: fOpt, penalty: 10) { z in
                var sum = 0.0
                for i in 0..<(d - 1) {
                    let t = z[i] * z[i] + z[i + 1] * z[i + 1]
                    if t.isInfinite { return t }
                    let wave = sin(50.0 * pow(t, 0.1))
                    // COCO's compiled pow(·, 2.0) is a multiplication.
                    sum += pow(t, 0.25) * (1.0 + wave * wave)
                }
                let q = sum / (Double(d) - 1.0)
                return q * q
            }
        default:
            let (c, m) = s.rosenbrockScaling
            let xOpt = m.columnSums(dividedBy: 2 * c)
            return .chain([.linear(m)], xOpt: xOpt, fOpt: fOpt) { linear in
                var z = linear
                for i in 0..<d { z[i] = z[i] - (-0.5) }
                var sum = 0.0
                for i in 0..<(d - 1) {
                    let c1 = z[i] * z[i] - z[i + 1], c2 = 1.0 - z[i]
                    let t = 100.0 * c1 * c1 + c2 * c2
                    sum += t / 4000.0 - cos(t)
                }
                return 10.0 + 10.0 * sum / Double(d - 1)
            }
        }
    }

    /// The Weierstrass sum with 12 terms (`f_weierstrass_raw`): 10 (S/D − f₀)³.
    struct Weierstrass: Sendable {
        let a: [Double], b: [Double], f0: Double

        init() {
            a = (0..<12).map { pow(0.5, Double($0)) }
            b = (0..<12).map { pow(3.0, Double($0)) }
            var f0 = 0.0
            for k in 0..<12 { f0 += a[k] * cos(2 * Double.pi * b[k] * 0.5) }
            self.f0 = f0
        }

        func raw(_ z: [Double]) -> Double {
            var sum = 0.0
            for v in z {
                for k in 0..<12 { sum += cos(2 * Double.pi * (v + 0.5) * b[k]) * a[k] }
            }
            return 10.0 * pow(sum / Double(z.count) - f0, 3.0)
        }
    }
}
