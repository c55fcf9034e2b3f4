import Foundation
import Parzen

// The Hartmann functions on the unit hypercube, as defined in the Virtual Library of
// Simulation Experiments (Surjanovic & Bingham) after Dixon & Szegö (1978).

extension TestFunctionRegistry {
    /// `hartmann3`: x ∈ [0, 1]³; minimum ≈ −3.8627798 at ≈ (0.114589, 0.555649, 0.852547).
    static let hartmann3 = TestFunctionDescriptor.box(
        key: "hartmann3", summary: "Hartmann 3-D, four local minima", bounds: Array(repeating: (0, 1), count: 3),
        // Refined with BFGS and Nelder–Mead from the Library's rounded minimiser.
        optimum: -3.862779787332663,
        minimizers: [[0.11458886908541062, 0.5556488928322367, 0.8525469854282611]],
        source: vlse("Hartmann 3-D function") + "; Dixon, L. C. W. & Szegö, G. P. (1978), The global optimisation problem: an introduction"
    ) { x in hartmannValue(x, a: Hartmann.a3, p: Hartmann.p3) }

    /// `hartmann6`: x ∈ [0, 1]⁶; minimum ≈ −3.3223680 at ≈ (0.20169, 0.150011, 0.476874,
    /// 0.275332, 0.311652, 0.6573).
    static let hartmann6 = TestFunctionDescriptor.box(
        key: "hartmann6", summary: "Hartmann 6-D, six local minima", bounds: Array(repeating: (0, 1), count: 6),
        optimum: -3.3223680114155125,
        minimizers: [[
            0.20168950923409584, 0.15001068876417922, 0.4768739724329622,
            0.275332428312954, 0.3116516115751367, 0.6573005293804641,
        ]],
        source: vlse("Hartmann 6-D function") + "; Dixon, L. C. W. & Szegö, G. P. (1978), The global optimisation problem: an introduction"
    ) { x in hartmannValue(x, a: Hartmann.a6, p: Hartmann.p6) }
}

/// The Hartmann constants.
enum Hartmann {
    static let alpha: [Double] = [1.0, 1.2, 3.0, 3.2]
    static let a3: [[Double]] = [[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]]
    static let p3: [[Double]] = [
        [3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828],
    ].map { $0.map { $0 * 1e-4 } }
    static let a6: [[Double]] = [
        [10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14],
    ]
    static let p6: [[Double]] = [
        [1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381],
    ].map { $0.map { $0 * 1e-4 } }
}

/// f(x) = −Σᵢ αᵢ exp(−Σⱼ Aᵢⱼ (xⱼ − Pᵢⱼ)²).
func hartmannValue(_ x: [Double], a: [[Double]], p: [[Double]]) -> Double {
    var total = 0.0
    for i in 0..<4 {
        var inner = 0.0
        for j in 0..<x.count {
            let d = x[j] - p[i][j]
            inner += a[i][j] * d * d
        }
        total -= Hartmann.alpha[i] * exp(-inner)
    }
    return total
}
