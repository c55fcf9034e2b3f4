import Foundation
import GSLKit

/// One hyperparameter seen as a number, the way Optuna sees a distribution
/// (`FloatDistribution`, `IntDistribution` or `CategoricalDistribution`), with the maps between
/// the unit interval and Parzen's stored values.
///
/// The mapping of hyperopt's twelve kinds (docs/numeric-view.md has the table):
/// - `choice` and `pchoice` are categorical over option indexes (``priorWeights`` keeps
///   pchoice's weights);
/// - `randint(a, b)` is the integer lattice a…b−1 and `uniformint(a, b)` the lattice a…b;
/// - `quniform(l, h, q)` is the lattice of multiples of q from round(l/q)·q to round(h/q)·q;
/// - the other kinds are continuous, log-scaled for the log kinds, and the normal kinds are
///   cut to μ ± 4σ (``isTruncated``); their quantized forms are modelled continuous and their
///   values re-quantized on the way out (``outputQuantum``).
///
/// A native port of an Optuna sampler and Parzen's Optuna adapter therefore model the same
/// distributions. Samplers in hyperopt's family use ``priorQuantile(_:)``, the prior's own
/// inverse CDF.
public struct NumericCoordinate: Sendable, Equatable {
    /// How values are spaced in the working coordinate.
    public enum Scale: Sendable, Equatable {
        case linear
        /// The working coordinate is the natural log of the value.
        case log
    }

    /// The set of values, in Optuna's terms.
    public enum Domain: Sendable, Equatable {
        /// Every real number in `low…high` (Optuna's `FloatDistribution` without a step).
        case continuous
        /// `low, low + step, …, high` (an `IntDistribution`, or a `FloatDistribution` with a step).
        case lattice(step: Double)
        /// Option indexes `0..<count` with no order (a `CategoricalDistribution`).
        case categorical(count: Int)
    }

    /// The sigmas either side of μ that the normal kinds are cut to (as Parzen's Optuna adapter).
    public static let normalSpan = 4.0

    public let label: String
    /// The index of this parameter in ``SearchSpace/parameters``.
    public let position: Int
    /// The choices that must all be taken for this coordinate to be active.
    public let conditions: [Condition]
    public let distribution: Distribution
    public let domain: Domain
    public let scale: Scale
    /// True when the stored value is an integer (randint, uniformint).
    public let isInteger: Bool
    /// The smallest value of the range (external units; an option index for categoricals).
    public let low: Double
    /// The largest value of the range: the last lattice point for lattices, `count − 1` for
    /// categoricals.
    public let high: Double
    /// True when the prior is unbounded (the normal kinds) and ``low``…``high`` is a cut.
    public let isTruncated: Bool
    /// The quantum of qloguniform, qnormal and qlognormal: modelled as continuous, stored
    /// re-quantized.
    public let outputQuantum: Double?
    /// The prior probability of each option (categoricals only).
    public let priorWeights: [Double]?

    /// The numeric view of `parameter`, the `position`-th parameter of its space.
    ///
    /// - Complexity: O(1), or O(options) for a categorical.
    public init(_ parameter: Parameter, position: Int) {
        label = parameter.label
        self.position = position
        conditions = parameter.conditions
        distribution = parameter.distribution
        var domain = Domain.continuous
        var scale = Scale.linear
        var truncated = false
        var quantum: Double?
        let low: Double, high: Double
        switch parameter.distribution {
        case .choice(let options), .pchoice(let options, _):
            domain = .categorical(count: options.count)
            (low, high) = (0, Double(options.count - 1))
        case .randint(let a, let b):
            domain = .lattice(step: 1)
            (low, high) = (Double(a), Double(b - 1))
        case .uniformint(let a, let b):
            domain = .lattice(step: 1)
            (low, high) = (Double(a), Double(b))
        case .uniform(let l, let h):
            (low, high) = (l, h)
        case .quniform(let l, let h, let q):
            domain = .lattice(step: q)
            low = l.quantized(by: q)
            high = max(low, h.quantized(by: q))
        case .loguniform(let l, let h):
            scale = .log
            (low, high) = (Foundation.exp(l), Foundation.exp(h))
        case .qloguniform(let l, let h, let q):
            scale = .log
            quantum = q
            (low, high) = (Foundation.exp(l), Foundation.exp(h))
        case .normal(let mu, let sigma), .qnormal(let mu, let sigma, _):
            truncated = true
            quantum = parameter.distribution.quantum
            (low, high) = (mu - Self.normalSpan * sigma, mu + Self.normalSpan * sigma)
        case .lognormal(let mu, let sigma), .qlognormal(let mu, let sigma, _):
            scale = .log
            truncated = true
            quantum = parameter.distribution.quantum
            (low, high) = (Foundation.exp(mu - Self.normalSpan * sigma), Foundation.exp(mu + Self.normalSpan * sigma))
        }
        self.domain = domain
        self.scale = scale
        self.isInteger = parameter.distribution.isInteger
        self.low = low
        self.high = high
        self.isTruncated = truncated
        self.outputQuantum = quantum
        self.priorWeights = parameter.distribution.categoryProbabilities.flatMap { parameter.distribution.isChoice ? $0 : nil }
    }

    /// True for choice and pchoice.
    public var isCategorical: Bool {
        if case .categorical = domain { return true }
        return false
    }

    /// True when the range holds a single value (Optuna's `single()`): such a coordinate
    /// needs no model.
    public var isSingle: Bool {
        switch domain {
        case .continuous: return low == high
        case .lattice(let step): return high - low < step
        case .categorical(let count): return count == 1
        }
    }

    /// The working coordinate of a value: its natural log on a log scale, the value otherwise.
    @inlinable
    public func working(_ value: Double) -> Double {
        scale == .log ? Foundation.log(value) : value
    }

    /// The bounds of the working coordinate.
    ///
    /// - Parameter padded: widen a lattice (and a categorical's index range) by half a step on
    ///   each side before the log is taken, so that every lattice point owns an equal share of
    ///   the interval (Optuna's `_SearchSpaceTransform` with `transform_step=True`); without it
    ///   the bounds are the first and last points (CMA-ES with margin).
    public func workingBounds(padded: Bool) -> (low: Double, high: Double) {
        let half: Double
        switch domain {
        case .continuous: half = 0
        case .lattice(let step): half = padded ? step / 2 : 0
        case .categorical: half = padded ? 0.5 : 0
        }
        return (working(low - half), working(high + half))
    }

    /// The position of a stored value in the unit interval: `(working(value) − a)/(b − a)` on
    /// the working bounds, clipped to [0, 1]; 0.5 for a single-valued coordinate.
    public func unit(_ stored: Double, padded: Bool) -> Double {
        let (a, b) = workingBounds(padded: padded)
        guard b > a else { return 0.5 }
        let u = (working(stored) - a) / (b - a)
        return u.isNaN ? 0.5 : min(max(u, 0), 1)
    }

    /// The stored value at `u` in the unit interval, by the rules of Optuna's
    /// `_SearchSpaceTransform.untransform`: a float is kept below `high`, a stepped float rounds
    /// half to even onto the lattice, an integer rounds half up, a log integer rounds
    /// `exp(t)` half to even; then ``stored(external:)``.
    public func stored(unit u: Double, padded: Bool) -> Double {
        let (a, b) = workingBounds(padded: padded)
        let t = a + min(max(u, 0), 1) * (b - a)
        switch domain {
        case .continuous:
            let x = scale == .log ? min(max(Foundation.exp(t), low), high.nextDown) : min(t, high.nextDown)
            return stored(external: x)
        case .lattice(let step):
            let x: Double
            if scale == .log {
                x = Foundation.exp(t).rounded(.toNearestOrEven)
            } else if isInteger {
                x = low + ((t - low) / step + 0.5).rounded(.down) * step
            } else {
                x = low + ((t - low) / step).rounded(.toNearestOrEven) * step
            }
            return stored(external: min(max(x, low), high))
        case .categorical:
            return stored(external: (t + 0.5).rounded(.down))
        }
    }

    /// A value on Optuna's side made a stored Parzen value: categoricals and integers rounded
    /// and clipped, lattice values put on Parzen's multiples of the step, ``outputQuantum``
    /// applied, continuous values clipped to the range (an unbounded prior's only to its
    /// support).
    public func stored(external x: Double) -> Double {
        switch domain {
        case .categorical:
            return min(max(x.rounded(.toNearestOrEven), low), high)
        case .lattice(let step):
            return min(max(isInteger ? x.rounded(.toNearestOrEven) : x.quantized(by: step), low), high)
        case .continuous:
            guard let q = outputQuantum else {
                return isTruncated ? x : min(max(x, low), high)
            }
            let y = x.quantized(by: q)
            switch distribution {
            case .qloguniform: return min(max(y, low.quantized(by: q)), high.quantized(by: q))
            case .qlognormal: return max(y, 0)
            default: return y
            }
        }
    }

    /// True when `stored` is in the support of the parameter's prior (hyperopt's kinds: a
    /// quantized value on its lattice, an integer exact, a bounded value inside its bounds).
    public func contains(_ stored: Double) -> Bool {
        (try? distribution.checkSupport(stored, label: label)) != nil
    }

    /// The prior's inverse CDF at `u` (clipped to [0, 1]), as a stored value, in hyperopt's
    /// semantics: the uniform kinds map linearly (then exp and rounding as the kind says), the
    /// normal kinds through the normal quantile (u kept within [1e-12, 1 − 1e-12]),
    /// choice and randint by equal intervals, pchoice by its cumulative weights.
    ///
    /// - Complexity: O(1), or O(options) for pchoice.
    public func priorQuantile(_ u: Double) -> Double {
        let u = min(max(u, 0), 1)
        func linear(_ low: Double, _ high: Double) -> Double { min(max(low + u * (high - low), low), high) }
        func gaussian(_ mu: Double, _ sigma: Double) -> Double {
            NormalDistribution.quantile(min(max(u, 1e-12), 1 - 1e-12), mean: mu, sd: sigma)
        }
        func interval(_ count: Int) -> Int { min(Int((u * Double(count)).rounded(.down)), count - 1) }
        switch distribution {
        case .uniform(let low, let high): return linear(low, high)
        case .quniform(let low, let high, let q): return linear(low, high).quantized(by: q)
        case .uniformint(let low, let high): return linear(Double(low), Double(high)).quantized(by: 1)
        case .loguniform(let low, let high): return Foundation.exp(linear(low, high))
        case .qloguniform(let low, let high, let q): return Foundation.exp(linear(low, high)).quantized(by: q)
        case .normal(let mu, let sigma): return gaussian(mu, sigma)
        case .qnormal(let mu, let sigma, let q): return gaussian(mu, sigma).quantized(by: q)
        case .lognormal(let mu, let sigma): return Foundation.exp(gaussian(mu, sigma))
        case .qlognormal(let mu, let sigma, let q): return Foundation.exp(gaussian(mu, sigma)).quantized(by: q)
        case .choice(let options): return Double(interval(options.count))
        case .randint(let low, let high): return Double(low + interval(high - low))
        case .pchoice(_, let probabilities):
            var cumulative = 0.0
            for (index, p) in probabilities.enumerated() {
                cumulative += p
                if u < cumulative { return Double(index) }
            }
            return Double(probabilities.count - 1)
        }
    }

    /// True when every condition holds in `assignment`.
    public func isActive(in assignment: Assignment) -> Bool {
        conditions.allSatisfy { assignment[$0.label] == Double($0.option) }
    }
}
