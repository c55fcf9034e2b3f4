import Foundation
import Parzen

// Classic fixed-dimension continuous test functions, as defined in the Virtual Library of
// Simulation Experiments (Surjanovic & Bingham), with its recommended domains.

extension TestFunctionRegistry {
    /// `branin` (Branin–Hoo): x1 ∈ [−5, 10], x2 ∈ [0, 15]; minimum 5/(4π) ≈ 0.397887 at
    /// (−π, 12.275), (π, 2.275) and (3π, 2.475).
    static let branin = TestFunctionDescriptor.box(
        key: "branin", summary: "Branin-Hoo, 2-D, three global minima", bounds: [(-5, 10), (0, 15)],
        optimum: 5 / (4 * Double.pi),
        minimizers: [[-Double.pi, 12.275], [Double.pi, 2.275], [3 * Double.pi, 2.475]],
        source: vlse("Branin function") + "; Branin, F. H. (1972), Widely convergent method for finding multiple solutions of simultaneous nonlinear equations, IBM J. Res. Dev. 16(5)"
    ) { x in braninValue(x[0], x[1]) }

    /// `camel6` (six-hump camel): x1 ∈ [−3, 3], x2 ∈ [−2, 2]; minimum ≈ −1.0316285 at
    /// ±(0.0898420, −0.7126564).
    static let camel6 = TestFunctionDescriptor.box(
        key: "camel6", summary: "six-hump camel, 2-D, two global minima", bounds: [(-3, 3), (-2, 2)],
        optimum: -1.031628453489877,
        minimizers: [[0.08984200651937332, -0.7126564084370965], [-0.08984200651937332, 0.7126564084370965]],
        source: vlse("Six-Hump Camel function") + "; Molga, M. & Smutnicki, C. (2005), Test functions for optimization needs"
    ) { x in
        let (x1, x2) = (x[0], x[1])
        let x1s = x1 * x1, x2s = x2 * x2
        return (4 - 2.1 * x1s + x1s * x1s / 3) * x1s + x1 * x2 + (-4 + 4 * x2s) * x2s
    }

    /// `goldstein-price`: x ∈ [−2, 2]²; minimum 3 at (0, −1).
    static let goldsteinPrice = TestFunctionDescriptor.box(
        key: "goldstein-price", summary: "Goldstein-Price, 2-D, steep with several local minima", bounds: [(-2, 2), (-2, 2)],
        optimum: 3, minimizers: [[0, -1]],
        source: vlse("Goldstein-Price function") + "; Goldstein, A. A. & Price, J. F. (1971), On descent from local minima, Math. Comp. 25"
    ) { x in
        let (x1, x2) = (x[0], x[1])
        let a = x1 + x2 + 1
        let fact1 = 1 + a * a * (19 - 14 * x1 + 3 * x1 * x1 - 14 * x2 + 6 * x1 * x2 + 3 * x2 * x2)
        let b = 2 * x1 - 3 * x2
        let fact2 = 30 + b * b * (18 - 32 * x1 + 12 * x1 * x1 + 48 * x2 - 36 * x1 * x2 + 27 * x2 * x2)
        return fact1 * fact2
    }

    /// `booth`: x ∈ [−10, 10]²; minimum 0 at (1, 3).
    static let booth = TestFunctionDescriptor.box(
        key: "booth", summary: "Booth, 2-D, plate-shaped quadratic", bounds: [(-10, 10), (-10, 10)],
        optimum: 0, minimizers: [[1, 3]], source: vlse("Booth function")
    ) { x in
        let a = x[0] + 2 * x[1] - 7, b = 2 * x[0] + x[1] - 5
        return a * a + b * b
    }

    /// `beale`: x ∈ [−4.5, 4.5]²; minimum 0 at (3, 0.5).
    static let beale = TestFunctionDescriptor.box(
        key: "beale", summary: "Beale, 2-D, sharp peaks at the corners", bounds: [(-4.5, 4.5), (-4.5, 4.5)],
        optimum: 0, minimizers: [[3, 0.5]], source: vlse("Beale function")
    ) { x in
        let (x1, x2) = (x[0], x[1])
        let a = 1.5 - x1 + x1 * x2
        let b = 2.25 - x1 + x1 * x2 * x2
        let c = 2.625 - x1 + x1 * x2 * x2 * x2
        return a * a + b * b + c * c
    }
}

/// Branin–Hoo with the standard constants a = 1, b = 5.1/(4π²), c = 5/π, r = 6, s = 10, t = 1/(8π).
func braninValue(_ x1: Double, _ x2: Double) -> Double {
    let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, s = 10.0, t = 1 / (8 * Double.pi)
    let a = x2 - b * x1 * x1 + c * x1 - 6
    return a * a + s * (1 - t) * cos(x1) + s
}
