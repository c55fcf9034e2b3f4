import Foundation
import GSLKit

/// Optuna's `_ParzenEstimator` (optuna/samplers/_tpe/parzen_estimator.py, 5.1.0): a mixture of
/// one component per observation plus the prior, each a product of one kernel per dimension
/// (docs/optuna-tpe.md §4).
///
/// Numeric kernels are normal distributions truncated to the working interval and normalised
/// each on its own; discrete dimensions score interval masses; categorical dimensions use
/// pseudo-count rows. One estimator over several dimensions is Optuna's multivariate model; an
/// estimator over one dimension is a 1-D model of independent mode.
struct OptunaParzenEstimator {
    /// The settings Optuna's `_ParzenEstimatorParameters` holds (weights are `default_weights`).
    struct Parameters: Sendable, Equatable {
        var priorWeight: Double
        var considerMagicClip: Bool
        var considerEndpoints: Bool
    }

    /// One dimension's kernels, the prior last.
    struct Kernels {
        /// Numeric: centres and bandwidths in working coordinates.
        var mus: [Double] = []
        var sigmas: [Double] = []
        var inverseSigmas: [Double] = []
        /// Numeric: log σ + ½ log 2π + log Z (continuous) or log Z (discrete), where Z is the
        /// kernel's mass on the working interval.
        var logNormalizers: [Double] = []
        /// Categorical: the rows W[k, c], flattened (component-major), and their logs.
        var rows: [Double] = []
        var logRows: [Double] = []
    }

    let dimensions: [OptunaTPE.Dimension]
    /// The normalised mixture weights, the prior last.
    private(set) var weights: [Double]
    private(set) var logWeights: [Double]
    private(set) var kernels: [Kernels]

    /// The number of components: observations + 1 (1 when there are none).
    var componentCount: Int { weights.count }

    /// Builds the estimator.
    ///
    /// - Parameters:
    ///   - dimensions: the dimensions, in the model's order.
    ///   - observations: one column per dimension, all of the same length n; external values
    ///     (option indexes for categorical dimensions), in trial order.
    ///   - orders: per dimension, the observation indexes in ascending order of value (ties by
    ///     index; ignored for categorical dimensions), when the caller knows them; nil sorts.
    ///   - parameters: prior weight, magic clip, endpoints.
    /// - Complexity: O(d·n) given the orders, O(d·n·log n) without.
    init(dimensions: [OptunaTPE.Dimension], observations: [[Double]], orders: [[Int]]? = nil, parameters: Parameters) {
        precondition(dimensions.count == observations.count, "one observation column per dimension")
        let n = observations.first?.count ?? 0
        self.dimensions = dimensions
        (weights, logWeights) = Self.mixtureWeights(n, priorWeight: parameters.priorWeight)
        var order: [Int] = []
        kernels = dimensions.indices.map { d in
            let dimension = dimensions[d], column = observations[d]
            precondition(column.count == n, "observation columns of unequal length")
            if case .categorical(let count) = dimension.kind {
                return Self.categoricalKernels(count: count, column, priorWeight: parameters.priorWeight)
            }
            if let orders {
                precondition(orders[d].count == n, "an order per observation")
                order = orders[d]
            } else {
                // Sorted by value; equal values by observation order (a stable order).
                order.removeAll(keepingCapacity: true)
                order.append(contentsOf: 0..<n)
                order.sort { column[$0] < column[$1] || (column[$0] == column[$1] && $0 < $1) }
            }
            return Self.numericKernels(dimension, column, parameters: parameters, order: order)
        }
    }

    /// The normalised weights of n observations and the prior (`default_weights`, then π, over
    /// their sum; 1 for the prior alone), and their logs.
    ///
    /// - Complexity: O(n).
    static func mixtureWeights(_ n: Int, priorWeight: Double) -> (weights: [Double], logWeights: [Double]) {
        var weights: [Double]
        if n == 0 {
            weights = [1]
        } else {
            weights = OptunaTPE.defaultWeights(n)
            weights.append(priorWeight)
            var total = 0.0
            for w in weights { total += w }
            for k in weights.indices { weights[k] /= total }
        }
        return (weights, weights.map { Foundation.log($0) })
    }

    /// Whether ``inserting(_:at:columns:orders:parameters:)`` applies to an estimator of n
    /// observations: at least 2, and the same smallest bandwidth for n and n + 1 (with the magic
    /// clip, (high − low)/min(100, n + 2) stops changing at n = 98).
    static func canInsert(into n: Int, parameters: Parameters) -> Bool {
        n >= 2 && (!parameters.considerMagicClip || n + 2 >= 100)
    }

    /// Adds one observation as component k (the components from k on move up by one), as the
    /// estimator built from the observations with that one inserted at k would hold it, bit for
    /// bit: the weights anew, the new centre, and the bandwidths and normalisers of the new
    /// component and of its neighbours in value order (the only ones whose gaps change); a
    /// categorical dimension's rows anew (their pseudo-count depends on n).
    ///
    /// - Parameters:
    ///   - values: the observation's external value per dimension.
    ///   - k: its index among the observations (0...n).
    ///   - columns: the observation columns the estimator was built from; the value is inserted.
    ///   - orders: per dimension, the observation indexes in ascending order of (value, index),
    ///     as the estimator used them (ignored for categorical dimensions); updated.
    ///   - parameters: the parameters the estimator was built with.
    /// - Precondition: ``canInsert(into:parameters:)`` for the current n.
    /// - Complexity: O(d·n).
    mutating func insert(_ values: [Double], at k: Int, columns: inout [[Double]], orders: inout [[Int]],
                         parameters: Parameters) {
        let n = weights.count  // observations after the insertion
        precondition(Self.canInsert(into: n - 1, parameters: parameters) && (0..<n).contains(k))
        (weights, logWeights) = Self.mixtureWeights(n, priorWeight: parameters.priorWeight)
        for d in dimensions.indices {
            let dimension = dimensions[d], v = values[d]
            columns[d].insert(v, at: k)
            if case .categorical(let count) = dimension.kind {
                kernels[d] = Self.categoricalKernels(count: count, columns[d], priorWeight: parameters.priorWeight)
                continue
            }
            // The order of (value, index) with the indexes from k on moved up, then k in its place.
            var order = orders[d]
            orders[d] = []
            let column = columns[d]
            var low = 0, high = order.count
            for i in order.indices where order[i] >= k { order[i] += 1 }
            while low < high {
                let middle = (low + high) / 2
                let o = order[middle], value = column[o]
                if value < v || (value == v && o < k) { low = middle + 1 } else { high = middle }
            }
            order.insert(k, at: low)
            var kernels = self.kernels[d]
            self.kernels[d] = Kernels()
            kernels.mus.insert(dimension.working(v), at: k)
            kernels.sigmas.insert(0, at: k)
            kernels.inverseSigmas.insert(0, at: k)
            kernels.logNormalizers.insert(0, at: k)
            for i in max(low - 1, 0)...min(low + 1, n - 1) {
                Self.setBandwidth(ofRank: i, dimension, order: order, kernels: &kernels, parameters: parameters)
            }
            self.kernels[d] = kernels
            orders[d] = order
        }
    }

    /// Reserves room for `count` components in every per-component array, so that the
    /// insertions that follow do not reallocate.
    mutating func reserveCapacity(_ count: Int) {
        for d in kernels.indices {
            if case .categorical = dimensions[d].kind { continue }
            kernels[d].mus.reserveCapacity(count)
            kernels[d].sigmas.reserveCapacity(count)
            kernels[d].inverseSigmas.reserveCapacity(count)
            kernels[d].logNormalizers.reserveCapacity(count)
        }
    }

    /// Sets the bandwidth, 1/σ and log normaliser of the observation of rank i in `order` as
    /// ``numericKernels(_:_:parameters:order:)`` computes them.
    private static func setBandwidth(ofRank i: Int, _ dimension: OptunaTPE.Dimension, order: [Int], kernels: inout Kernels,
                                     parameters: Parameters) {
        let low = dimension.workingLow, high = dimension.workingHigh
        let n = order.count, mus = kernels.mus
        let s = mus[order[i]]
        let previous = i == 0 ? low : mus[order[i - 1]]
        let next = i == n - 1 ? high : mus[order[i + 1]]
        var sigma = max(s - previous, next - s)
        if !parameters.considerEndpoints && n >= 2 {
            if i == 0 { sigma = mus[order[1]] - mus[order[0]] }
            if i == n - 1 { sigma = mus[order[n - 1]] - mus[order[n - 2]] }
        }
        let maxSigma = high - low
        let minSigma = parameters.considerMagicClip ? (high - low) / min(100, Double(n + 2)) : 1e-12
        sigma = min(max(sigma, minSigma), maxSigma)
        let c = order[i]
        kernels.sigmas[c] = sigma
        kernels.inverseSigmas[c] = 1 / sigma
        let logZ = Self.logMass((low - s) / sigma, (high - s) / sigma)
        kernels.logNormalizers[c] = dimension.kind == .continuous ? Foundation.log(sigma) + halfLogTwoPi + logZ : logZ
    }

    /// `_calculate_categorical_distributions`: with a = π/(n + 1), row k is a everywhere plus 1
    /// at the observed option, normalised; the prior row is uniform (all zero when π = 0).
    private static func categoricalKernels(count: Int, _ column: [Double], priorWeight: Double) -> Kernels {
        var kernels = Kernels()
        let n = column.count
        guard n > 0 else {
            kernels.rows = [Double](repeating: 1 / Double(count), count: count)
            kernels.logRows = kernels.rows.map { Foundation.log($0) }
            return kernels
        }
        let a = priorWeight / Double(n + 1)
        var rows = [Double](repeating: a, count: (n + 1) * count)
        for (k, option) in column.enumerated() { rows[k * count + Int(option)] += 1 }
        for k in 0...n {
            var sum = 0.0
            for c in 0..<count { sum += rows[k * count + c] }
            if sum == 0 { continue }
            for c in 0..<count { rows[k * count + c] /= sum }
        }
        kernels.rows = rows
        kernels.logRows = rows.map { Foundation.log($0) }
        return kernels
    }

    /// `_calculate_numerical_distributions`: centres at the observations, bandwidths by the
    /// neighbour-gap rule, clipped; the prior at the interval's middle with bandwidth R.
    private static func numericKernels(_ dimension: OptunaTPE.Dimension, _ column: [Double], parameters: Parameters,
                                       order: [Int]) -> Kernels {
        let low = dimension.workingLow, high = dimension.workingHigh
        let n = column.count
        var kernels = Kernels()
        var mus = [Double](repeating: 0, count: n + 1)
        for k in 0..<n { mus[k] = dimension.working(column[k]) }
        var sigmas = [Double](repeating: 0, count: n + 1)
        if n > 0 {
            // The working coordinate is monotone in the value, so `order` sorts the centres.
            for i in 0..<n {
                let s = mus[order[i]]
                let previous = i == 0 ? low : mus[order[i - 1]]
                let next = i == n - 1 ? high : mus[order[i + 1]]
                sigmas[order[i]] = max(s - previous, next - s)
            }
            if !parameters.considerEndpoints && n >= 2 {
                sigmas[order[0]] = mus[order[1]] - mus[order[0]]
                sigmas[order[n - 1]] = mus[order[n - 1]] - mus[order[n - 2]]
            }
            let maxSigma = high - low
            let minSigma = parameters.considerMagicClip ? (high - low) / min(100, Double(n + 2)) : 1e-12
            for k in 0..<n { sigmas[k] = min(max(sigmas[k], minSigma), maxSigma) }
        }
        mus[n] = 0.5 * (low + high)
        sigmas[n] = high - low
        let continuous = dimension.kind == .continuous
        var logNormalizers = [Double](repeating: 0, count: n + 1)
        // Most bandwidths of a long history are clipped to one value: its log once.
        var lastSigma = Double.nan, lastLogSigma = Double.nan
        let halfLogTwoPi = Self.halfLogTwoPi
        for k in 0...n {
            let logZ = Self.logMass((low - mus[k]) / sigmas[k], (high - mus[k]) / sigmas[k])
            guard continuous else {
                logNormalizers[k] = logZ
                continue
            }
            if sigmas[k] != lastSigma {
                lastSigma = sigmas[k]
                lastLogSigma = Foundation.log(lastSigma)
            }
            logNormalizers[k] = lastLogSigma + halfLogTwoPi + logZ
        }
        kernels.mus = mus
        kernels.sigmas = sigmas
        kernels.inverseSigmas = sigmas.map { 1 / $0 }
        kernels.logNormalizers = logNormalizers
        return kernels
    }

    static let halfLogTwoPi = 0.5 * Foundation.log(2 * Double.pi)

    /// log(Φ(b) − Φ(a)); exactly 0 when both bounds lie beyond 9 standard deviations (the mass
    /// then differs from 1 by less than 1e-18), which spares two CDF evaluations per kernel.
    @inline(__always)
    static func logMass(_ a: Double, _ b: Double) -> Double {
        if a <= -9 && b >= 9 { return 0 }
        return NormalDistribution.logMass(a, b)
    }
}
