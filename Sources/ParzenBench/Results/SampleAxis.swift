import Foundation
import Parzen

/// One axis of a sample picture: a hyperparameter's label, whether it is drawn on log₁₀, and the
/// range of stored values the picture spans (the prior's range, widened to hold every sampled
/// value). A row of sample-axes.csv (``SampleAxesTable``).
public struct SampleAxis: Sendable, Equatable {
    public let label: String
    /// True for a log-kind hyperparameter (loguniform, lognormal, …): drawn on its log₁₀.
    public let isLog: Bool
    public var low: Double
    public var high: Double

    /// Widens the range to hold the finite `values` (positive ones only on a log axis).
    public mutating func include(_ values: [Double]) {
        for value in values where value.isFinite && (!isLog || value > 0) {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
    }

    /// The drawn coordinate of a stored value (NaN for a non-positive value on a log axis).
    public func coordinate(_ value: Double) -> Double { isLog ? (value > 0 ? log10(value) : .nan) : value }

    /// `count` (≥ 2) stored values evenly spaced in drawn coordinates from ``low`` to ``high``.
    public func grid(_ count: Int) -> [Double] {
        let a = coordinate(low), b = coordinate(high)
        return (0..<count).map { i in
            let t = a + (b - a) * Double(i) / Double(count - 1)
            return isLog ? Foundation.pow(10, t) : t
        }
    }

    /// The axis title: the label, or `log10(label)`.
    public var title: String { isLog ? "log10(\(label))" : label }
}

extension SampleAxis {
    /// The prior's range of `parameter`: its bounds, μ ± 3σ for a normal kind, [0, 1] for a
    /// categorical one.
    public init(_ parameter: Parameter) {
        label = parameter.label
        isLog = parameter.distribution.isLog
        switch parameter.distribution {
        case .uniform(let l, let h), .quniform(let l, let h, _): (low, high) = (l, h)
        case .uniformint(let l, let h): (low, high) = (Double(l), Double(h))
        case .randint(let l, let h): (low, high) = (Double(l), Double(h - 1))
        case .loguniform(let l, let h), .qloguniform(let l, let h, _): (low, high) = (Foundation.exp(l), Foundation.exp(h))
        case .normal(let mu, let sigma), .qnormal(let mu, let sigma, _): (low, high) = (mu - 3 * sigma, mu + 3 * sigma)
        case .lognormal(let mu, let sigma), .qlognormal(let mu, let sigma, _):
            (low, high) = (Foundation.exp(mu - 3 * sigma), Foundation.exp(mu + 3 * sigma))
        case .choice, .pchoice: (low, high) = (0, 1)
        }
    }
}
