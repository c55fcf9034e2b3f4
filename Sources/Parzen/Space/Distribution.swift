/// The prior of one hyperparameter: hyperopt's twelve expression kinds, with hyperopt's
/// semantics (hyperopt 0.3.0, `hyperopt/pyll_utils.py`).
///
/// Log kinds keep hyperopt's convention: `loguniform(low, high)` is `exp(uniform(low, high))`,
/// so `low` and `high` are natural logs of the real bounds; `lognormal(mu, sigma)` is
/// `exp(normal(mu, sigma))`. Quantized kinds round `x/q` half to even, as NumPy does, so
/// `quniform(1, 10, 4)` yields {0, 4, 8}. `uniformint(low, high)` is `quniform(low, high, 1)`
/// read as an integer, which gives each endpoint half the mass of an inner integer.
public enum Distribution: Sendable, Equatable {
    /// One of `options`, uniformly. Options may be sub-spaces; their parameters are
    /// conditional on this choice.
    case choice([Space])
    /// One of `options`, option i with probability `probabilities[i]`.
    case pchoice([Space], probabilities: [Double])
    /// An integer uniformly from `low..<high` (`randint(upper)` is `randint(0, upper)`).
    case randint(low: Int, high: Int)
    case uniform(low: Double, high: Double)
    case quniform(low: Double, high: Double, q: Double)
    /// An integer: `round(uniform(low, high))`, endpoints at half mass.
    case uniformint(low: Int, high: Int)
    /// `exp(uniform(low, high))`; bounds in natural-log space.
    case loguniform(low: Double, high: Double)
    case qloguniform(low: Double, high: Double, q: Double)
    case normal(mu: Double, sigma: Double)
    case qnormal(mu: Double, sigma: Double, q: Double)
    /// `exp(normal(mu, sigma))`; `mu` and `sigma` in log space.
    case lognormal(mu: Double, sigma: Double)
    case qlognormal(mu: Double, sigma: Double, q: Double)

    /// hyperopt's name for the kind (`"quniform"`, `"choice"`, …).
    public var kindName: String {
        switch self {
        case .choice: return "choice"
        case .pchoice: return "pchoice"
        case .randint: return "randint"
        case .uniform: return "uniform"
        case .quniform: return "quniform"
        case .uniformint: return "uniformint"
        case .loguniform: return "loguniform"
        case .qloguniform: return "qloguniform"
        case .normal: return "normal"
        case .qnormal: return "qnormal"
        case .lognormal: return "lognormal"
        case .qlognormal: return "qlognormal"
        }
    }

    /// The options of `choice` and `pchoice`; empty for numeric kinds.
    public var options: [Space] {
        switch self {
        case .choice(let options), .pchoice(let options, _): return options
        default: return []
        }
    }

    /// True for `choice` and `pchoice`, whose stored value is an option index.
    public var isChoice: Bool {
        switch self {
        case .choice, .pchoice: return true
        default: return false
        }
    }

    /// True for kinds whose stored value is an index with no order: choice, pchoice, randint.
    public var isCategorical: Bool {
        switch self {
        case .choice, .pchoice, .randint: return true
        default: return false
        }
    }

    /// True for kinds that give the objective an `Int`: randint and uniformint.
    public var isInteger: Bool {
        switch self {
        case .randint, .uniformint: return true
        default: return false
        }
    }

    /// True for the log kinds (loguniform, qloguniform, lognormal, qlognormal).
    public var isLog: Bool {
        switch self {
        case .loguniform, .qloguniform, .lognormal, .qlognormal: return true
        default: return false
        }
    }

    /// The quantum of the quantized kinds (1 for uniformint); nil otherwise.
    public var quantum: Double? {
        switch self {
        case .quniform(_, _, let q), .qloguniform(_, _, let q), .qnormal(_, _, let q), .qlognormal(_, _, let q): return q
        case .uniformint: return 1
        default: return nil
        }
    }

    /// True for the unbounded kinds (normal, lognormal and their q-forms).
    public var isUnbounded: Bool {
        switch self {
        case .normal, .qnormal, .lognormal, .qlognormal: return true
        default: return false
        }
    }

    /// The number of options of a categorical kind (choice, pchoice, randint); nil otherwise.
    public var categoryCount: Int? {
        switch self {
        case .choice(let options), .pchoice(let options, _): return options.count
        case .randint(let low, let high): return high - low
        default: return nil
        }
    }

    /// The prior probability of each category: uniform for choice and randint, the weights for
    /// pchoice; nil for numeric kinds.
    public var categoryProbabilities: [Double]? {
        switch self {
        case .pchoice(_, let probabilities): return probabilities
        default:
            guard let count = categoryCount else { return nil }
            return Array(repeating: 1 / Double(count), count: count)
        }
    }
}

extension Double {
    /// hyperopt's `round(x / q) * q`, with NumPy's half-to-even rounding.
    @inlinable
    public func quantized(by q: Double) -> Double {
        (self / q).rounded(.toNearestOrEven) * q
    }
}
