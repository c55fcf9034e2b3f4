import Foundation

// f20–f24, multimodal functions with weak global structure (numbbo/coco,
// code-experiments/src/f_schwefel.c with transform_vars_x_hat.c and transform_vars_z_hat.c,
// f_gallagher.c, f_katsuura.c, f_lunacek_bi_rastrigin.c).

extension BBOBFunction {
    static func weaklyStructured(_ s: BBOBSetup) -> Built {
        switch s.number {
        case 20: return schwefel(s)
        case 21: return gallagher(s, peaks: 101)
        case 22: return gallagher(s, peaks: 21)
        case 23: return katsuura(s)
        default: return lunacek(s)
        }
    }

    static func schwefel(_ s: BBOBSetup) -> Built {
        let fOpt = s.fOpt, d = s.dimension
        let u = BBOBGenerator.uniform(d, seed: s.seed)
        let negate = u.map { $0 < 0.5 }
        let inner = negate.map { $0 ? -(0.5 * 4.2096874637) : 0.5 * 4.2096874637 }
        let twice = inner.map { 2 * abs($0) }
        // COCO 2.8.2 conditions with Λ¹⁰ as its own layer (`transform_vars_conditioning.c`).
        let scales = (0..<d).map { pow(10.0, 0.5 * Double($0) / (Double(d) - 1.0)) }
        let raw: @Sendable ([Double]) -> Double = { z in
            var penalty = 0.0
            for v in z {
                let excess = abs(v) - 500.0
                if excess > 0 { penalty += excess * excess }
            }
            var sum = 0.0
            for v in z { sum += v * sin(abs(v).squareRoot()) }
            return 0.01 * (penalty + 418.9828872724339 - sum / Double(d))
        }
        // COCO's stored optimum is 420.96874633 in every coordinate of z, mapped back to x.
        let zBest = 420.96874633
        let xOpt = negate.map { $0 ? -(zBest / 2 / 100) : zBest / 2 / 100 }
        let best = raw([Double](repeating: zBest, count: d)) + fOpt
        return Built(evaluate: { x in
            var xHat = [Double](repeating: 0, count: d)
            for i in 0..<d { xHat[i] = 2 * (negate[i] ? -x[i] : x[i]) }
            var z = xHat
            for i in 1..<d { z[i] = xHat[i] + 0.25 * (xHat[i - 1] - 2.0 * abs(inner[i - 1])) }
            for i in 0..<d {
                let shifted = z[i] - twice[i]
                let conditioned = scales[i] * shifted
                z[i] = 100 * (conditioned - (-twice[i]))
            }
            if let bad = BBOBTransforms.nonFinite(z) { return bad }
            return raw(z) + fOpt
        }, xOpt: xOpt, optimumValue: best)
    }

    static func gallagher(_ s: BBOBSetup, peaks n: Int) -> Built {
        let fOpt = s.fOpt, d = s.dimension
        let (b, c, firstCondition): (Double, Double, Double) = n == 101 ? (10, 5, 1000.0.squareRoot()) : (9.8, 4.9, 1000)
        let rotation = s.r0
        let order = argsort(BBOBGenerator.uniform(n - 1, seed: s.seed))
        var conditions = [firstCondition], heights = [10.0]
        let fitValues = (1.1, 9.1)
        for k in 1..<n {
            conditions.append(pow(1000.0, Double(order[k - 1]) / Double(n - 2)))
            heights.append(Double(k - 1) / Double(n - 2) * (fitValues.1 - fitValues.0) + fitValues.0)
        }
        var scales = [[Double]]()
        for k in 0..<n {
            let ranks = argsort(BBOBGenerator.uniform(d, seed: s.seed + 1000 * k))
            scales.append((0..<d).map { j in pow(conditions[k], Double(ranks[j]) / Double(d - 1) - 0.5) })
        }
        let u = BBOBGenerator.uniform(d * n, seed: s.seed)
        let xOpt = (0..<d).map { 0.8 * (b * u[$0] - c) }
        var centres = [[Double]](repeating: [Double](repeating: 0, count: d), count: n)
        for i in 0..<d {
            for k in 0..<n {
                var sum = 0.0
                for m in 0..<d { sum += rotation[i, m] * (b * u[k * d + m] - c) }
                centres[k][i] = k == 0 ? sum * 0.8 : sum
            }
        }
        let peakScales = scales, peakCentres = centres, peakHeights = heights
        let raw: @Sendable ([Double]) -> Double = { x in
            let penalty = BBOBTransforms.penalty(x)
            let t = rotation.apply(x)
            let factor = -0.5 / Double(d)
            var g = 0.0
            for k in 0..<n {
                var sum = 0.0
                let centre = peakCentres[k], scale = peakScales[k]
                for j in 0..<d {
                    let delta = t[j] - centre[j]
                    sum += scale[j] * delta * delta
                }
                let value = peakHeights[k] * exp(factor * sum)
                g = g >= value ? g : value
            }
            var f = BBOBTransforms.oscillate(10.0 - g)
            f *= f
            return f + penalty
        }
        let best = raw(xOpt) + fOpt
        return Built(evaluate: { x in raw(x) + fOpt }, xOpt: xOpt, optimumValue: best)
    }

    /// The indices of `values` in ascending order of value (C's qsort on distinct values).
    static func argsort(_ values: [Double]) -> [Int] {
        values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
    }

    static func katsuura(_ s: BBOBSetup) -> Built {
        let fOpt = s.fOpt, d = s.dimension
        let xOpt = s.xOpt
        let a = s.conditionedRotation(base: 100.0.squareRoot())
        let powers = (1...32).map { pow(2.0, Double($0)) }
        let exponent = 10.0 / pow(Double(d), 1.2)
        return Built(evaluate: { x in
            let z = a.apply(BBOBTransforms.shift(x, by: xOpt))
            if let bad = BBOBTransforms.nonFinite(z) { return bad }
            var product = 1.0
            for i in 0..<d {
                var sum = 0.0
                for p in powers { sum += abs(p * z[i] - BBOBTransforms.round(p * z[i])) / p }
                let term = 1.0 + (Double(i) + 1) * sum
                product *= pow(term, exponent)
            }
            let raw = 10.0 / Double(d) / Double(d) * (-1.0 + product)
            return (raw + fOpt) + 1.0 * BBOBTransforms.penalty(x)
        }, xOpt: xOpt, optimumValue: fOpt)
    }

    static func lunacek(_ s: BBOBSetup) -> Built {
        let fOpt = s.fOpt, d = s.dimension
        let r0 = s.r0, r1 = s.r1
        let mu0 = 2.5, spread = 1.0
        let shape = 1.0 - 0.5 / (Double(d + 20).squareRoot() - 4.1)
        let mu1 = -((mu0 * mu0 - spread) / shape).squareRoot()
        let xOpt = BBOBGenerator.gauss(d, seed: s.seed).map { $0 < 0 ? -(0.5 * mu0) : 0.5 * mu0 }
        let scales = (0..<d).map { i in pow(100.0.squareRoot(), Double(i) / Double(d - 1)) }
        let raw: @Sendable ([Double]) -> Double = { x in
            let penalty = BBOBTransforms.penalty(x)
            var xHat = [Double](repeating: 0, count: d)
            for i in 0..<d { xHat[i] = xOpt[i] < 0 ? -(2.0 * x[i]) : 2.0 * x[i] }
            var w = [Double](repeating: 0, count: d)
            for i in 0..<d {
                var sum = 0.0
                for j in 0..<d { sum += scales[i] * r0[i, j] * (xHat[j] - mu0) }
                w[i] = sum
            }
            var s1 = 0.0, s2 = 0.0, s3 = 0.0
            for i in 0..<d {
                var zi = 0.0
                for j in 0..<d { zi += r1[i, j] * w[j] }
                s1 += (xHat[i] - mu0) * (xHat[i] - mu0)
                s2 += (xHat[i] - mu1) * (xHat[i] - mu1)
                s3 += cos(2 * Double.pi * zi)
            }
            let lower = spread * Double(d) + shape * s2
            return (s1 <= lower ? s1 : lower) + 10.0 * (Double(d) - s3) + 1e4 * penalty
        }
        let best = raw(xOpt) + fOpt
        return Built(evaluate: { x in raw(x) + fOpt }, xOpt: xOpt, optimumValue: best)
    }
}
