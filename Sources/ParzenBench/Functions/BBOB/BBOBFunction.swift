import Foundation

/// One of COCO's 24 noiseless `bbob` functions at a dimension and an instance, with COCO's
/// values (numbbo/coco, code-experiments/src/suite_bbob.c and f_*.c; docs/coco-bbob.md).
///
/// ```swift
/// let f = try BBOBFunction(number: 15, dimension: 10, instance: 3)
/// let value = f.value(at: Array(repeating: 0, count: 10))
/// let regret = value - f.optimumValue
/// ```
public struct BBOBFunction: Sendable {
    /// The function's number, 1…24.
    public let number: Int
    /// The dimension: 2, 3, 5, 10, 20 or 40.
    public let dimension: Int
    /// COCO's instance number, ≥ 1.
    public let instance: Int
    /// The instance's f_opt (two decimals, in [−1000, 1000]).
    public let fOpt: Double
    /// COCO's reported optimum value (`coco_problem_get_best_value`): f_opt for most
    /// functions; f_opt plus the raw function's value at its stored optimum for f16, f20, f21,
    /// f22 and f24 (which can differ from f_opt in the last bit). Regret is measured against it.
    public let optimumValue: Double
    /// COCO's optimum (`coco_problem_get_best_parameter`).
    public let xOpt: [Double]
    let evaluator: @Sendable ([Double]) -> Double

    /// The dimensions COCO defines the suite in.
    public static let dimensions = [2, 3, 5, 10, 20, 40]
    /// The function numbers.
    public static let numbers = 1...24
    /// The suite's domain (region of interest) in every coordinate.
    public static let domain: (low: Double, high: Double) = (-5, 5)

    /// Short names, indexed by number − 1.
    public static let names = [
        "sphere", "separable ellipsoid", "Rastrigin", "Büche-Rastrigin", "linear slope",
        "attractive sector", "step ellipsoid", "Rosenbrock", "rotated Rosenbrock", "ellipsoid",
        "discus", "bent cigar", "sharp ridge", "different powers", "rotated Rastrigin",
        "Weierstrass", "Schaffers F7 (condition 10)", "Schaffers F7 (condition 1000)",
        "Griewank-Rosenbrock F8F2", "Schwefel x sin(sqrt|x|)", "Gallagher 101 peaks",
        "Gallagher 21 peaks", "Katsuura", "Lunacek bi-Rastrigin",
    ]

    /// Builds the instance's data (optimum, rotations, peaks).
    ///
    /// - Throws: ``BBOBError`` naming what is accepted when the number, the dimension or the
    ///   instance is not one COCO defines.
    /// - Complexity: O(D³) for the rotations; O(peaks·D²) for f21 and f22.
    /// - Determinism: a pure function of (number, dimension, instance), through COCO's own
    ///   generator; nothing is drawn from a run's streams.
    public init(number: Int, dimension: Int, instance: Int) throws(BBOBError) {
        guard Self.numbers.contains(number) else { throw .unknownNumber(number) }
        guard Self.dimensions.contains(dimension) else { throw .badDimension(function: number, requested: dimension) }
        guard instance >= 1 else { throw .badInstance(function: number, requested: instance) }
        self.number = number
        self.dimension = dimension
        self.instance = instance
        let setup = BBOBSetup(number: number, dimension: dimension, instance: instance)
        let built = Self.build(setup)
        fOpt = setup.fOpt
        xOpt = built.xOpt
        optimumValue = built.optimumValue
        evaluator = built.evaluate
    }

    /// COCO's f at `x` (any real point; the penalties outside [−5, 5]ᴰ are COCO's). +∞ when a
    /// coordinate is infinite, NaN when one is NaN; `x.count` must equal ``dimension``.
    ///
    /// - Complexity: O(D²) (O(peaks·D) for f21, f22).
    public func value(at x: [Double]) -> Double {
        precondition(x.count == dimension, "bbob-f\(number) takes \(dimension) coordinates, got \(x.count)")
        if let bad = BBOBTransforms.nonFinite(x) { return bad }
        return evaluator(x)
    }

    /// The registry key, `bbob-fN`.
    public var key: String { "bbob-f\(number)" }

    /// What a builder returns: the evaluator (called with a finite x of the right length), COCO's
    /// best parameter and its reported optimum value.
    struct Built {
        var evaluate: @Sendable ([Double]) -> Double
        var xOpt: [Double]
        var optimumValue: Double

        /// The function `objective(z) + fOpt`, z being x taken through `steps`
        /// (``BBOBTransforms/evaluate(_:through:_:)``, which ends early at a vector that is not
        /// finite), plus `penalty · f_pen(x)` on the untransformed x when a penalty factor is given
        /// (``BBOBTransforms/penalty(_:)``); its best parameter `xOpt` and optimum value
        /// `optimumValue` (fOpt unless given).
        static func chain(
            _ steps: [BBOBTransforms.Step], xOpt: [Double], fOpt: Double, penalty: Double? = nil, optimumValue: Double? = nil,
            _ objective: @escaping @Sendable ([Double]) -> Double
        ) -> Built {
            let evaluate: @Sendable ([Double]) -> Double
            if let penalty {
                evaluate = { x in BBOBTransforms.evaluate(x, through: steps) { z in (objective(z) + fOpt) + penalty * BBOBTransforms.penalty(x) } }
            } else {
                evaluate = { x in BBOBTransforms.evaluate(x, through: steps) { z in objective(z) + fOpt } }
            }
            return Built(evaluate: evaluate, xOpt: xOpt, optimumValue: optimumValue ?? fOpt)
        }
    }

    static func build(_ s: BBOBSetup) -> Built {
        switch s.number {
        case 1...5: return separable(s)
        case 6...9: return moderate(s)
        case 10...14: return illConditioned(s)
        case 15...19: return multimodal(s)
        default: return weaklyStructured(s)
        }
    }
}

/// The seeds and shared instance data a function's builder starts from.
struct BBOBSetup {
    let number: Int
    let dimension: Int
    let instance: Int
    /// f + 10000 i (f4 and f18 on f3's and f17's bases).
    let seed: Int
    let fOpt: Double

    init(number: Int, dimension: Int, instance: Int) {
        self.number = number
        self.dimension = dimension
        self.instance = instance
        seed = BBOBInstanceData.seed(function: number, instance: instance)
        fOpt = BBOBInstanceData.fOpt(function: number, instance: instance)
    }

    var xOpt: [Double] { BBOBInstanceData.xOpt(seed: seed, dimension: dimension) }
    /// R₀ = rotation(seed).
    var r0: BBOBMatrix { BBOBInstanceData.rotation(seed: seed, dimension: dimension) }
    /// R₁ = rotation(seed + 10⁶).
    var r1: BBOBMatrix { BBOBInstanceData.rotation(seed: seed + 1_000_000, dimension: dimension) }
    /// i/(D−1) as COCO writes it.
    func ratio(_ i: Int) -> Double { Double(i) / (Double(dimension) - 1.0) }

    /// R₁ Λ R₀ with Λ = diag(base^(i/(D−1))): the conditioned rotation of f6, f13, f15, f16 and f23
    /// (``BBOBInstanceData/conditionedProduct(outer:base:inner:)``).
    func conditionedRotation(base: Double) -> BBOBMatrix {
        BBOBInstanceData.conditionedProduct(outer: r1, base: base, inner: r0)
    }

    /// The rotated Rosenbrock layer of f9 and f19: c = max(1, √D / 8) and R₀ scaled by it.
    var rosenbrockScaling: (c: Double, m: BBOBMatrix) {
        let c = max(1.0, Double(dimension).squareRoot() / 8.0)
        return (c, r0.scaled(c))
    }
}

/// Why a `bbob` function could not be made.
public enum BBOBError: Error, Equatable, CustomStringConvertible {
    case unknownNumber(Int)
    case badDimension(function: Int, requested: Int)
    case badInstance(function: Int, requested: Int)

    public var description: String {
        switch self {
        case .unknownNumber(let n):
            return "bbob has no function \(n); accepted: bbob-f1 … bbob-f24"
        case .badDimension(let f, let d):
            return "bbob-f\(f) is not defined in dimension \(d); COCO's dimensions: 2, 3, 5, 10, 20 or 40"
        case .badInstance(let f, let i):
            return "bbob-f\(f) has no instance \(i); accepted: an instance number >= 1 (COCO's default instances are 1-5 and 71-80)"
        }
    }
}
