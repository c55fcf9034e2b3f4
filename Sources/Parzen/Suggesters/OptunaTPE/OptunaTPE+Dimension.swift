import Foundation

extension OptunaTPE {
    /// One dimension of an Optuna Parzen estimator: a parameter as Optuna's distribution sees it
    /// (FloatDistribution, IntDistribution or CategoricalDistribution), with the working
    /// coordinate its kernels live in (docs/optuna-tpe.md §4.2).
    struct Dimension: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// A float without a step: truncated normal kernels.
            case continuous
            /// An int, or a float with a step: interval masses on the lattice low, low + step, …
            case discrete(step: Double)
            /// Option indexes 0..<count.
            case categorical(count: Int)
        }

        let kind: Kind
        /// External bounds (Optuna's `low`, `high`); 0 and count − 1 for a categorical.
        let low, high: Double
        let isLog: Bool
        /// The working bounds low′, high′: widened by half a step for lattices, then ln for logs.
        let workingLow, workingHigh: Double

        init(kind: Kind, low: Double, high: Double, isLog: Bool) {
            self.kind = kind
            self.low = low
            self.high = high
            self.isLog = isLog
            var a = low, b = high
            if case .discrete(let step) = kind {
                a -= step / 2
                b += step / 2
            }
            workingLow = isLog ? Foundation.log(a) : a
            workingHigh = isLog ? Foundation.log(b) : b
        }

        /// The dimension of a coordinate of the numeric view.
        init(_ coordinate: NumericCoordinate) {
            switch coordinate.domain {
            case .continuous:
                self.init(kind: .continuous, low: coordinate.low, high: coordinate.high, isLog: coordinate.scale == .log)
            case .lattice(let step):
                self.init(kind: .discrete(step: step), low: coordinate.low, high: coordinate.high, isLog: coordinate.scale == .log)
            case .categorical(let count):
                self.init(kind: .categorical(count: count), low: 0, high: Double(count - 1), isLog: false)
            }
        }

        var isCategorical: Bool {
            if case .categorical = kind { return true }
            return false
        }

        /// The working coordinate of an external value: ln for log dimensions.
        @inline(__always)
        func working(_ value: Double) -> Double { isLog ? Foundation.log(value) : value }

        /// A draw in working coordinates made an external value: exp for logs, then rounded
        /// half to even onto the lattice and clipped, as Optuna's `_MixtureOfProductDistribution.sample`.
        @inline(__always)
        func external(fromWorking u: Double) -> Double {
            let v = isLog ? exp(u) : u
            guard case .discrete(let step) = kind else { return v }
            return min(max(low + ((v - low) / step).rounded(.toNearestOrEven) * step, low), high)
        }
    }
}
