import Foundation

/// The transformations COCO composes its `bbob` functions from (numbbo/coco,
/// code-experiments/src/transform_vars_*.c, transform_obj_*.c, coco_utilities.c), written as
/// COCO computes them so that values agree to the last bit.
enum BBOBTransforms {
    /// round(v) = ⌊v + 0.5⌋ (`coco_double_round`), not rounding half away from zero.
    @inline(__always)
    static func round(_ v: Double) -> Double { (v + 0.5).rounded(.down) }

    /// T_osz of one value: sign(v)·exp(x̂ + 0.049(sin c₁x̂ + sin c₂x̂)), x̂ = ln|v|, computed as
    /// COCO does, through exp(10 x̂ + …)^0.1; T_osz(0) = 0.
    @inline(__always)
    static func oscillate(_ v: Double) -> Double {
        if v > 0 {
            let t = log(v) / 0.1
            return pow(exp(t + 0.49 * (sin(t) + sin(0.79 * t))), 0.1)
        } else if v < 0 {
            let t = log(-v) / 0.1
            return -pow(exp(t + 0.49 * (sin(0.55 * t) + sin(0.31 * t))), 0.1)
        }
        return v  // 0 stays 0 (and NaN stays NaN, as in COCO's objective form)
    }

    /// T_osz coordinate-wise (`transform_vars_oscillate.c`).
    static func oscillate(_ v: [Double]) -> [Double] { v.map { oscillate($0) } }

    /// T_asy^β: v_i > 0 becomes v_i^(1 + β i/(D−1) √v_i) (`transform_vars_asymmetric.c`).
    static func asymmetric(_ v: [Double], beta: Double) -> [Double] {
        let d = Double(v.count)
        var out = v
        for i in v.indices where v[i] > 0 {
            let exponent = 1.0 + ((beta * Double(i)) / (d - 1.0)) * v[i].squareRoot()
            out[i] = pow(v[i], exponent)
        }
        return out
    }

    /// Λ^α: v_i times α^(0.5 i/(D−1)) (`transform_vars_conditioning.c`).
    static func conditioning(_ v: [Double], alpha: Double) -> [Double] {
        let d = Double(v.count)
        return v.indices.map { i in pow(alpha, 0.5 * Double(i) / (d - 1.0)) * v[i] }
    }

    /// Σ_i max(0, |x_i| − 5)² over the region of interest [−5, 5]ᴰ (`transform_obj_penalize.c`).
    static func penalty(_ x: [Double]) -> Double {
        var sum = 0.0
        for v in x {
            let above = v - 5, below = -5 - v
            if above > 0 { sum += above * above } else if below > 0 { sum += below * below }
        }
        return sum
    }

    /// What COCO returns for a vector that is not finite (`coco_evaluate_function`, applied to
    /// the user's point and after every variable transformation): +∞ when a coordinate is
    /// infinite, NaN when one is NaN, nil for a finite vector.
    @inline(__always)
    static func nonFinite(_ v: [Double]) -> Double? {
        var sawNaN = false
        for x in v where !x.isFinite {
            if x.isInfinite { return .infinity }
            sawNaN = true
        }
        return sawNaN ? .nan : nil
    }

    /// `v − offset` coordinate-wise (`transform_vars_shift.c`).
    static func shift(_ v: [Double], by offset: [Double]) -> [Double] {
        zip(v, offset).map { $0 - $1 }
    }

    /// One variable transformation in a function's chain.
    enum Step: Sendable {
        /// ``shift(_:by:)``; the one step not followed by a check.
        case shift([Double])
        /// ``BBOBMatrix/apply(_:offset:)``.
        case linear(BBOBMatrix, offset: Double = 0)
        /// ``oscillate(_:)-([Double])``.
        case oscillate
        /// ``asymmetric(_:beta:)``.
        case asymmetric(beta: Double)
        /// ``conditioning(_:alpha:)``.
        case conditioning(alpha: Double)
    }

    /// `objective(z)` for z, `x` taken through `steps` in turn as COCO composes its layers:
    /// after every step but a shift, a vector that is not finite ends the evaluation with
    /// ``nonFinite(_:)``'s value.
    ///
    /// - Complexity: the steps' (O(D²) per linear step) plus the objective's.
    static func evaluate(_ x: [Double], through steps: [Step], _ objective: ([Double]) -> Double) -> Double {
        var z = x
        for step in steps {
            switch step {
            case .shift(let offset):
                z = shift(z, by: offset)
                continue
            case .linear(let m, let offset): z = m.apply(z, offset: offset)
            case .oscillate: z = oscillate(z)
            case .asymmetric(let beta): z = asymmetric(z, beta: beta)
            case .conditioning(let alpha): z = conditioning(z, alpha: alpha)
            }
            if let bad = nonFinite(z) { return bad }
        }
        return objective(z)
    }
}
