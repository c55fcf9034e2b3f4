import Foundation
import GSLKit

/// Maximises a ``GPAcquisition`` over the space (docs/gp.md §6): rounded Sobol candidates,
/// Optuna's start selection (best, roulette, incumbent), then local refinement alternating
/// BFGS2 on the continuous features with discrete moves on lattices and categoricals.
struct GPAcquisitionOptimizer {
    let encoding: GPEncoding
    let model: GPRegressor
    let acquisition: GPAcquisition

    /// Local searches per proposal (at least 2: the best candidate and the incumbent).
    let startCount: Int
    /// Sweeps (continuous block, then each discrete coordinate) per local search.
    static let maxSweeps = 5
    static let bfgsIterations = 30
    static let bfgsGradientTolerance = 1e-2
    /// Lattices with at most this many points are searched exhaustively (Optuna's threshold).
    static let exhaustiveLatticeSize = 16
    /// Continuous starts are kept this far inside [0, 1], where the sine map's slope is not 0.
    static let edgeMargin = 1e-6

    /// The best point found: a rounded feature vector.
    ///
    /// - Parameters:
    ///   - candidateCount: the number of Sobol (or uniform) candidates.
    ///   - incumbent: the features of the best observed trial, one of the starts.
    /// - Determinism: D draws for the Sobol shift (candidateCount·D uniform draws when D > 40),
    ///   then one draw per roulette start.
    func maximize(candidateCount: Int, incumbent: [Double], using rng: MersenneTwister) -> [Double] {
        let width = encoding.featureCount
        var candidates = Self.candidates(count: candidateCount, width: width, using: rng)
        for i in 0..<candidateCount {
            var x = Array(candidates[(i * width)..<((i + 1) * width)])
            encoding.round(&x)
            candidates.replaceSubrange((i * width)..<((i + 1) * width), with: x)
        }
        let values = evaluate(candidates, count: candidateCount)
        var starts: [[Double]] = []
        if let best = Self.argmax(values) {
            starts.append(Array(candidates[(best * width)..<((best + 1) * width)]))
            for index in Self.roulette(values, best: best, count: startCount - 2, using: rng) {
                starts.append(Array(candidates[(index * width)..<((index + 1) * width)]))
            }
        }
        starts.append(incumbent)
        var bestPoint = incumbent
        var bestValue = -Double.infinity
        for start in starts {
            let (point, value) = refine(start)
            if value > bestValue {
                bestValue = value
                bestPoint = point
            }
        }
        return bestPoint
    }

    // MARK: - Candidates and starts

    /// `count` points of [0, 1)^width: GSL's Sobol sequence with a random Cranley–Patterson
    /// shift, or uniform draws beyond Sobol's 40 dimensions.
    static func candidates(count: Int, width: Int, using rng: MersenneTwister) -> [Double] {
        guard width > 0 else { return [] }
        guard width <= QuasiRandomSequence.Kind.sobol.maximumDimension,
              let sequence = try? QuasiRandomSequence(.sobol, dimension: width) else {
            return (0..<(count * width)).map { _ in rng.uniform() }
        }
        let shift = (0..<width).map { _ in rng.uniform() }
        var points = [Double](repeating: 0, count: count * width)
        for i in 0..<count {
            let point = sequence.next()
            for f in 0..<width {
                var u = point[f] + shift[f]
                if u >= 1 { u -= 1 }
                points[i * width + f] = u
            }
        }
        return points
    }

    /// The first index of the largest finite value; nil when none is finite.
    static func argmax(_ values: [Double]) -> Int? {
        var best: Int?
        for (i, value) in values.enumerated() where value.isFinite {
            if best == nil || value > values[best!] { best = i }
        }
        return best
    }

    /// Up to `count` indexes other than `best`, drawn without replacement with probability
    /// ∝ exp(a_i − a_best) (Optuna's roulette); non-finite values are never drawn.
    static func roulette(_ values: [Double], best: Int, count: Int, using rng: MersenneTwister) -> [Int] {
        var weights = values.map { $0.isFinite ? exp($0 - values[best]) : 0 }
        weights[best] = 0
        var chosen: [Int] = []
        while chosen.count < count {
            let total = weights.reduce(0, +)
            guard total > 0 && total.isFinite else { break }
            let target = rng.uniform() * total
            var cumulative = 0.0
            var pick = weights.lastIndex { $0 > 0 }!
            for (i, weight) in weights.enumerated() where weight > 0 {
                cumulative += weight
                if target < cumulative { pick = i; break }
            }
            chosen.append(pick)
            weights[pick] = 0
        }
        return chosen
    }

    // MARK: - Evaluation

    /// The acquisition at `count` points; non-finite results become −∞.
    func evaluate(_ points: [Double], count: Int) -> [Double] {
        guard count > 0 else { return [] }
        let (means, variances) = model.meansAndVariances(points, count: count)
        return (0..<count).map {
            let value = acquisition.value(mean: means[$0], variance: variances[$0])
            return value.isFinite ? value : -.infinity
        }
    }

    // MARK: - Local refinement

    /// Alternates the continuous block and each discrete coordinate until a sweep improves
    /// nothing; returns the point and its value.
    func refine(_ start: [Double]) -> ([Double], Double) {
        var point = start
        var value = evaluate(point, count: 1)[0]
        for _ in 0..<Self.maxSweeps {
            var improved = false
            if !encoding.continuousFeatures.isEmpty, let (x, v) = ascend(point), v > value {
                point = x
                value = v
                improved = true
            }
            var evaluations = 0
            for group in encoding.groups where group.kind != .continuous {
                let alternatives = Self.alternatives(of: point, in: group)
                guard !alternatives.isEmpty else { continue }
                let values = evaluate(alternatives.flatMap { $0 }, count: alternatives.count)
                evaluations += 1
                if let best = Self.argmax(values), values[best] > value {
                    point = alternatives[best]
                    value = values[best]
                    improved = true
                }
            }
            // Without a discrete coordinate a second BFGS run would start where the first ended.
            if !improved || evaluations == 0 { break }
        }
        return (point, value)
    }

    /// The points that differ from `point` in one discrete coordinate: every other lattice
    /// point of a small lattice or the neighbours ±1, ±2, ±4, … steps away on a large one;
    /// every other option of a categorical.
    static func alternatives(of point: [Double], in group: GPEncoding.Group) -> [[Double]] {
        var result: [[Double]] = []
        switch group.kind {
        case .continuous:
            break
        case .lattice:
            let units = group.latticeUnits
            let current = units.indices.min { abs(units[$0] - point[group.first]) < abs(units[$1] - point[group.first]) } ?? 0
            var indexes: [Int] = []
            if units.count <= exhaustiveLatticeSize {
                indexes = units.indices.filter { $0 != current }
            } else {
                var step = 1
                while step < units.count {
                    for index in [current - step, current + step] where units.indices.contains(index) { indexes.append(index) }
                    step *= 2
                }
            }
            for index in indexes {
                var x = point
                x[group.first] = units[index]
                result.append(x)
            }
        case .categorical:
            let current = (0..<group.width).first { point[group.first + $0] == 1 } ?? 0
            for option in 0..<group.width where option != current {
                var x = point
                for o in 0..<group.width { x[group.first + o] = o == option ? 1 : 0 }
                result.append(x)
            }
        }
        return result
    }

    /// BFGS2 on −acquisition over the continuous features, the others held, in the change of
    /// variable x_f = (1 + sin(2ℓ_f·u_f))/2 that keeps x in [0, 1] and measures u in length
    /// scales ℓ_f = 1/√c_f (Optuna's preconditioning: near the middle of the box ∂x_f/∂u_f = ℓ_f,
    /// so every direction has about the same curvature); nil when nothing finite was found.
    func ascend(_ point: [Double]) -> ([Double], Double)? {
        let features = encoding.continuousFeatures
        let scales = features.map { f -> Double in
            let c = model.kernel.featureScales[f]
            return c > 0 && c.isFinite ? 2 / c.squareRoot() : 2
        }
        let start = features.indices.map {
            asin(2 * min(max(point[features[$0]], Self.edgeMargin), 1 - Self.edgeMargin) - 1) / scales[$0]
        }
        func place(_ u: [Double]) -> [Double] {
            var x = point
            for (i, f) in features.enumerated() { x[f] = (1 + sin(scales[i] * u[i])) / 2 }
            return x
        }
        // The line search's rejected steps need the value alone; the gradient that GSL asks
        // next at the same point reuses the value's covariances and products (`scratch`).
        let scratch = GPRegressor.Scratch()
        let result = Minimizer.minimize(
            start: start, gradientTolerance: Self.bfgsGradientTolerance, maxIterations: Self.bfgsIterations,
            value: { u in
                let posterior = model.posterior(at: place(u), features: [], scratch: scratch)
                return -acquisition.value(mean: posterior.mean, variance: posterior.variance)
            },
            valueAndGradient: { u, gradient in
                let x = place(u)
                let posterior = model.posterior(at: x, features: features, scratch: scratch)
                let (value, dMean, dVariance) = acquisition.valueAndSlopes(mean: posterior.mean, variance: posterior.variance)
                for i in features.indices {
                    let dx = dMean * posterior.meanGradient[i] + dVariance * posterior.varianceGradient[i]
                    gradient[i] = -dx * scales[i] * cos(scales[i] * u[i]) / 2
                }
                return -value
            })
        guard result.value.isFinite else { return nil }
        return (place(result.point), -result.value)
    }
}
