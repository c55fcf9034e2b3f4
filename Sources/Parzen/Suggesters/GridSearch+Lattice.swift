import Foundation
import GSLKit

// The values a grid puts on one dimension. See ``GridSearch`` for the rules; this file is the
// per-kind arithmetic (cell centres or endpoints, lattices, central quantiles).

/// The probability mass left out of each tail when an unbounded kind is gridded: its grid covers
/// the central 99.7% of the prior, quantiles 0.0015…0.9985.
let gridTailMass = 0.0015

/// One dimension of one branch's grid.
struct GridAxis: Sendable {
    /// How the axis's values are made.
    enum Kind: Sendable, Equatable {
        /// A choice fixed by the branch (a choice whose options hold parameters): one value,
        /// the option index.
        case fixed(option: Int)
        /// choice or pchoice without parameters in its options (indexes `0..<count`), or
        /// randint (`low..<low+count`): always enumerated fully.
        case categorical(low: Int, count: Int)
        /// uniform, loguniform, normal, lognormal: any number of points.
        case continuous
        /// uniformint and the quantized kinds: at most `count` distinct values, the multiples
        /// `s·q` for `s` in `first...first+count-1` (`count` saturates at `Int.max`).
        case lattice(first: Double, count: Int, q: Double)
    }

    let label: String
    let distribution: Distribution
    let kind: Kind

    init(label: String, distribution: Distribution, fixedOption: Int? = nil) {
        self.label = label
        self.distribution = distribution
        if let fixedOption {
            kind = .fixed(option: fixedOption)
            return
        }
        switch distribution {
        case .choice(let options), .pchoice(let options, _):
            kind = .categorical(low: 0, count: options.count)
        case .randint(let low, let high):
            kind = .categorical(low: low, count: high - low)
        case .uniform, .loguniform, .normal, .lognormal:
            kind = .continuous
        case .uniformint(let low, let high):
            kind = GridAxis.lattice(Double(low), Double(high), q: 1)
        case .quniform(let low, let high, let q):
            kind = GridAxis.lattice(low, high, q: q)
        case .qloguniform(let low, let high, let q):
            kind = GridAxis.lattice(exp(low), exp(high), q: q)
        case .qnormal(let mu, let sigma, let q):
            let (lo, hi) = GridAxis.centralRange(mu: mu, sigma: sigma)
            kind = GridAxis.lattice(lo, hi, q: q)
        case .qlognormal(let mu, let sigma, let q):
            let (lo, hi) = GridAxis.centralRange(mu: mu, sigma: sigma)
            kind = GridAxis.lattice(exp(lo), exp(hi), q: q)
        }
    }

    /// The lattice of `round(x/q)·q` for x in [low, high] (half to even, as hyperopt rounds).
    private static func lattice(_ low: Double, _ high: Double, q: Double) -> Kind {
        let first = (low / q).rounded(.toNearestOrEven)
        let last = (high / q).rounded(.toNearestOrEven)
        let span = last - first + 1
        let count = span.isFinite && span < 1e15 ? max(1, Int(span)) : Int.max
        return .lattice(first: first, count: count, q: q)
    }

    /// The central 99.7% of N(mu, sigma).
    static func centralRange(mu: Double, sigma: Double) -> (Double, Double) {
        (NormalDistribution.quantile(gridTailMass, mean: mu, sd: sigma),
         NormalDistribution.quantile(1 - gridTailMass, mean: mu, sd: sigma))
    }

    /// The most distinct values this axis can hold; nil when unlimited (continuous kinds).
    var cap: Int? {
        switch kind {
        case .fixed: return 1
        case .categorical(_, let count): return count
        case .continuous: return nil
        case .lattice(_, let count, _): return count
        }
    }

    /// True for axes whose count the budget decides (continuous kinds and lattices with more
    /// than one value); categorical and fixed axes are always enumerated fully.
    var isGrowable: Bool {
        switch kind {
        case .fixed, .categorical: return false
        case .continuous: return true
        case .lattice(_, let count, _): return count > 1
        }
    }

    /// The count an axis gets at uniform resolution `k`: its full count for categorical and
    /// fixed axes, `min(k, n)` for lattices, `k` for continuous kinds.
    func count(atResolution k: Int) -> Int {
        switch kind {
        case .fixed: return 1
        case .categorical(_, let count): return count
        case .continuous: return k
        case .lattice(_, let count, _): return min(k, count)
        }
    }

    /// The stored values of this axis with `count` points (`min(count, n)` for lattices),
    /// increasing, without repeats.
    ///
    /// - Continuous kinds: `count` points at positions `t` in [0, 1] of the transformed range
    ///   (the bounds for uniform, the log-space bounds for loguniform, the quantile levels
    ///   0.0015 + 0.997·t for normal and lognormal), then mapped back (`exp` for log kinds).
    /// - Lattices with `count >= n`: every allowed value.
    /// - Linear lattices (quniform, uniformint) with `count < n`: the positions are laid over
    ///   the lattice's own extent, each allowed value owning its rounding cell of width q, and
    ///   snapped half to even; cells wider than q never snap two points to one value.
    /// - Other lattices (qloguniform, qnormal, qlognormal): the continuous kind's points,
    ///   snapped to the lattice half to even and clamped to it; where two points would snap to
    ///   one value (log-spaced points near a small lower bound, central quantiles finer than q)
    ///   the later one takes the next allowed value up, and points pushed past the last value
    ///   are pulled back, so the axis holds exactly `count` distinct values.
    func values(count: Int, placement: GridSearch.Placement) -> [Double] {
        precondition(count >= 1, "an axis holds at least one value")
        // Position i as a fraction num/den of the transformed range.
        func position(_ i: Int) -> (num: Double, den: Double) {
            switch placement {
            case .centres: return (Double(i) + 0.5, Double(count))
            case .endpoints: return count == 1 ? (1, 2) : (Double(i), Double(count - 1))
            }
        }
        switch kind {
        case .fixed(let option):
            return [Double(option)]
        case .categorical(let low, let n):
            return (0..<n).map { Double(low + $0) }
        case .continuous:
            return (0..<count).map { continuousValue(at: position($0)) }
        case .lattice(let first, let n, let q):
            if count >= n {
                return (0..<n).map { (first + Double($0)) * q }
            }
            let last = first + Double(n - 1)
            var steps: [Double] = []
            for i in 0..<count {
                let t = position(i)
                var s: Double
                switch distribution {
                case .quniform, .uniformint:
                    switch placement {
                    case .centres: s = first - 0.5 + t.num * Double(n) / t.den
                    case .endpoints: s = first + t.num * Double(n - 1) / t.den
                    }
                default:
                    s = continuousValue(at: t) / q
                }
                s = min(max(s.rounded(.toNearestOrEven), first), last)
                // A point that would land on the previous one's value takes the next value up.
                if let previous = steps.last, s <= previous { s = previous + 1 }
                steps.append(s)
            }
            // Pull back any pushed past the last value (count < n leaves room below).
            var ceiling = last
            for i in steps.indices.reversed() {
                steps[i] = min(steps[i], ceiling)
                ceiling = steps[i] - 1
            }
            return steps.map { $0 * q }
        }
    }

    /// The point at position `t.num / t.den` in [0, 1] of the transformed range, before any
    /// quantization: `low + num·(high − low)/den`, exactly `high` at the upper end.
    private func continuousValue(at t: (num: Double, den: Double)) -> Double {
        func lerp(_ low: Double, _ high: Double) -> Double {
            if t.num == t.den { return high }
            return min(max(low + t.num * (high - low) / t.den, low), high)
        }
        func quantile(_ mu: Double, _ sigma: Double) -> Double {
            NormalDistribution.quantile(gridTailMass + (1 - 2 * gridTailMass) * (t.num / t.den), mean: mu, sd: sigma)
        }
        switch distribution {
        case .uniform(let low, let high), .quniform(let low, let high, _):
            return lerp(low, high)
        case .uniformint(let low, let high):
            return lerp(Double(low), Double(high))
        case .loguniform(let low, let high), .qloguniform(let low, let high, _):
            return min(max(exp(lerp(low, high)), exp(low)), exp(high))
        case .normal(let mu, let sigma), .qnormal(let mu, let sigma, _):
            return quantile(mu, sigma)
        case .lognormal(let mu, let sigma), .qlognormal(let mu, let sigma, _):
            return exp(quantile(mu, sigma))
        case .choice, .pchoice, .randint:
            preconditionFailure("categorical kinds have no continuous position")
        }
    }
}
