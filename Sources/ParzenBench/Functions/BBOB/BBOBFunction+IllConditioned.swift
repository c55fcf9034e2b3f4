import Foundation

// f10–f14, unimodal functions with high conditioning (numbbo/coco, code-experiments/src/
// f_ellipsoid.c, f_discus.c, f_bent_cigar.c, f_sharp_ridge.c, f_different_powers.c).

extension BBOBFunction {
    static func illConditioned(_ s: BBOBSetup) -> Built {
        let fOpt = s.fOpt, d = s.dimension
        switch s.number {
        case 10, 11:
            let xOpt = s.xOpt, discus = s.number == 11
            return .chain([.shift(xOpt), .linear(s.r1), .oscillate], xOpt: xOpt, fOpt: fOpt) { z in
                if !discus { return ellipsoid(z, conditioning: 1e6) }
                var sum = 1.0e6 * z[0] * z[0]
                for i in 1..<d { sum += z[i] * z[i] }
                return sum
            }
        case 12:
            let xOpt = BBOBInstanceData.xOpt(seed: s.seed + 1_000_000, dimension: d), r1 = s.r1
            return .chain([.shift(xOpt), .linear(r1), .asymmetric(beta: 0.5), .linear(r1)], xOpt: xOpt, fOpt: fOpt) { z in
                var sum = z[0] * z[0]
                for i in 1..<d { sum += 1.0e6 * z[i] * z[i] }
                return sum
            }
        case 13:
            let xOpt = s.xOpt
            let a = s.conditionedRotation(base: 10.0.squareRoot())
            return .chain([.shift(xOpt), .linear(a)], xOpt: xOpt, fOpt: fOpt) { z in
                var tail = 0.0
                for i in 1..<d { tail += z[i] * z[i] }
                var result = 100.0 * (tail / 1.0).squareRoot()
                result += z[0] * z[0] / 1.0
                return result
            }
        default:
            let xOpt = s.xOpt
            let exponents = (0..<d).map { i in 2.0 + (4.0 * Double(i)) / (Double(d) - 1.0) }
            return .chain([.shift(xOpt), .linear(s.r1)], xOpt: xOpt, fOpt: fOpt) { z in
                var sum = 0.0
                for i in 0..<d { sum += pow(abs(z[i]), exponents[i]) }
                return sum.squareRoot()
            }
        }
    }
}
