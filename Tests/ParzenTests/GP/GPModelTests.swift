import Foundation
import GSLKit
import Testing
@testable import Parzen

/// The GP's pieces against independent computations: encoding, the MAP objective's gradient,
/// the posterior's gradient, the stable log EI.
@Suite struct GPModelTests {
    static let mixedSpace = try! SearchSpace([
        "x": .uniform("x", -5, 5),
        "lr": .logUniform("lr", in: 1e-4...1e-1),
        "units": .uniformint("units", 1, 10),
        "act": .choice("act", ["relu", "tanh", "sigmoid"]),
        "fixed": .quniform("fixed", 1, 2, 4),
    ])

    /// n random points of the mixed space, encoded, with smooth targets.
    static func data(_ n: Int, seed: UInt32 = 5) -> (GPEncoding, GPData) {
        let encoding = GPEncoding(mixedSpace)
        let rng = MersenneTwister(seed: seed)
        var rows: [Double] = [], losses: [Double] = []
        for _ in 0..<n {
            let x = encoding.encode(mixedSpace.sample(using: rng))!
            rows += x
            losses.append(x.enumerated().reduce(0) { $0 + sin(3 * $1.element + Double($1.offset)) })
        }
        return (encoding, GPData(rows: rows, count: n, width: encoding.featureCount, targets: GPTargets.standardize(losses)))
    }

    @Test func encodingRoundTripsAndRounds() throws {
        let encoding = GPEncoding(Self.mixedSpace)
        // x, lr, units: one feature each; act: three one-hot features; fixed: single, no feature.
        #expect(encoding.groups.count == 4 && encoding.featureCount == 6)
        #expect(encoding.continuousFeatures.count == 2)
        let assignment: Assignment = ["x": 1.5, "lr": 0.01, "units": 7, "act": 2, "fixed": 0]
        let x = try #require(encoding.encode(assignment))
        let back = encoding.decode(x)
        #expect(back.labels == Self.mixedSpace.labels)
        #expect(abs(back["x"]! - 1.5) < 1e-12 && abs(back["lr"]! - 0.01) < 1e-12)
        #expect(back["units"] == 7 && back["act"] == 2 && back["fixed"] == 0)
        // Rounding puts a lattice feature on its lattice and a categorical on one option.
        var y = x
        y[2] = 0.52   // units: 10 points at (k + ½)/10
        y[3] = 0.2; y[4] = 0.7; y[5] = 0.1
        encoding.round(&y)
        #expect(abs(y[2] - 0.55) < 1e-12)
        #expect(Array(y[3...5]) == [0, 1, 0])
        try Self.mixedSpace.validate(encoding.decode(y))
    }

    @Test func objectiveGradientMatchesFiniteDifferences() {
        let (encoding, data) = Self.data(25)
        for learnsNoise in [true, false] {
            var theta = GPHyperparameters.defaults(groupCount: encoding.groups.count, learnsNoise: learnsNoise)
            let rng = MersenneTwister(seed: 9)
            theta.vector = theta.vector.map { $0 + rng.uniform(-1, 1) }
            var gradient = [Double](repeating: 0, count: theta.vector.count)
            let value = GPHyperparameterFit.objective(theta, data: data, encoding: encoding, cache: nil, gradient: &gradient)
            #expect(value.isFinite)
            for p in theta.vector.indices {
                let h = 1e-6
                var plus = theta, minus = theta
                plus.vector[p] += h
                minus.vector[p] -= h
                var scratch = gradient
                let numeric = (GPHyperparameterFit.objective(plus, data: data, encoding: encoding, cache: nil, gradient: &scratch)
                    - GPHyperparameterFit.objective(minus, data: data, encoding: encoding, cache: nil, gradient: &scratch)) / (2 * h)
                #expect(abs(numeric - gradient[p]) < 1e-5 * max(1, abs(numeric)), "θ[\(p)]: analytic \(gradient[p]), numeric \(numeric)")
            }
        }
    }

    @Test func fitLowersTheObjective() {
        let (encoding, data) = Self.data(30)
        let start = GPHyperparameters.defaults(groupCount: encoding.groups.count, learnsNoise: true)
        var scratch = start.vector
        let before = GPHyperparameterFit.objective(start, data: data, encoding: encoding, cache: nil, gradient: &scratch)
        var curvature: [Double]?
        let fitted = GPHyperparameterFit.fit(data, encoding: encoding, start: start, cache: CovarianceCache(), curvature: &curvature)
        let after = GPHyperparameterFit.objective(fitted, data: data, encoding: encoding, cache: nil, gradient: &scratch)
        #expect(after < before)
        #expect(scratch.allSatisfy { abs($0) < 0.05 }, "gradient at the fit: \(scratch)")
    }

    @Test func posteriorGradientMatchesFiniteDifferences() throws {
        let (encoding, data) = Self.data(20)
        var theta = GPHyperparameters.defaults(groupCount: encoding.groups.count, learnsNoise: true)
        theta.vector[0] = 1.5
        let model = try #require(GPRegressor(data: data, hyperparameters: theta, encoding: encoding, cache: nil))
        var x = Array(data.row(3))
        x[0] = 0.37; x[1] = 0.61
        let features = encoding.continuousFeatures
        let posterior = model.posterior(at: x, features: features)
        let batch = model.meansAndVariances(x, count: 1)
        #expect(abs(batch.means[0] - posterior.mean) < 1e-12 && abs(batch.variances[0] - posterior.variance) < 1e-12)
        for acquisition in [GPAcquisition.logEI(best: 1.2), .ucb(beta: 2)] {
            let (_, dMean, dVariance) = acquisition.valueAndSlopes(mean: posterior.mean, variance: posterior.variance)
            for (i, f) in features.enumerated() {
                let h = 1e-6
                var plus = x, minus = x
                plus[f] += h
                minus[f] -= h
                let p = model.posterior(at: plus, features: []), m = model.posterior(at: minus, features: [])
                let numericMean = (p.mean - m.mean) / (2 * h)
                let numericVariance = (p.variance - m.variance) / (2 * h)
                #expect(abs(numericMean - posterior.meanGradient[i]) < 1e-6)
                #expect(abs(numericVariance - posterior.varianceGradient[i]) < 1e-6)
                let numericValue = (acquisition.value(mean: p.mean, variance: p.variance) - acquisition.value(mean: m.mean, variance: m.variance)) / (2 * h)
                let analytic = dMean * posterior.meanGradient[i] + dVariance * posterior.varianceGradient[i]
                #expect(abs(numericValue - analytic) < 1e-5 * max(1, abs(analytic)))
            }
        }
    }

    @Test func rowAppendGivesTheSameModelAsAFreshFactor() throws {
        let (encoding, data) = Self.data(40)
        let theta = GPHyperparameters.defaults(groupCount: encoding.groups.count, learnsNoise: true)
        let cache = CovarianceCache()
        let first = GPData(rows: Array(data.rows.prefix(30 * data.width)), count: 30, width: data.width, targets: Array(data.targets.prefix(30)))
        _ = try #require(GPRegressor(data: first, hyperparameters: theta, encoding: encoding, cache: cache))
        let grown = try #require(GPRegressor(data: data, hyperparameters: theta, encoding: encoding, cache: cache))
        #expect(cache.count == 40)
        let fresh = try #require(GPRegressor(data: data, hyperparameters: theta, encoding: encoding, cache: nil))
        for a in 0..<40 { #expect(abs(grown.alpha[a] - fresh.alpha[a]) < 1e-9) }
        #expect(abs(grown.factor.logDeterminant - fresh.factor.logDeterminant) < 1e-9)
        // The inverses were bordered row by row from the cache's and match GSL's.
        let bordered = try #require(grown.inverses)
        let formed = try #require(fresh.inverses)
        #expect(bordered.count == 40)
        for e in 0..<(40 * 40) {
            #expect(abs(bordered.factor[e] - formed.factor[e]) < 1e-8 * max(1, abs(formed.factor[e])))
            #expect(abs(bordered.matrix[e] - formed.matrix[e]) < 1e-8 * max(1, abs(formed.matrix[e])))
        }
    }

    @Test func triangularProductsMatchPlainLoops() {
        let rng = MersenneTwister(seed: 12)
        for n in [1, 3, 4, 7, 8, 13, 33] {
            var t = [Double](repeating: 0, count: n * n)
            for a in 0..<n { for b in 0...a { t[a * n + b] = rng.uniform(-1, 1) } }
            let x = (0..<n).map { _ in rng.uniform(-1, 1) }
            var y = [Double](repeating: .nan, count: n), w = [Double](repeating: .nan, count: n)
            do {
                var out = y.mutableSpan
                GPProducts.lowerProduct(t.span, x.span, into: &out, n: n)
            }
            do {
                var out = w.mutableSpan
                GPProducts.lowerTransposedProduct(t.span, x.span, into: &out, n: n)
            }
            for a in 0..<n {
                let expectedY = (0...a).reduce(0.0) { $0 + t[a * n + $1] * x[$1] }
                let expectedW = (a..<n).reduce(0.0) { $0 + t[$1 * n + a] * x[$1] }
                #expect(abs(y[a] - expectedY) < 1e-13 && abs(w[a] - expectedW) < 1e-13, "n = \(n), row \(a)")
            }
            #expect(abs(GPProducts.dot(x.span, x.span, count: n) - x.reduce(0) { $0 + $1 * $1 }) < 1e-13)
        }
    }

    @Test func carriedCurvatureMakesTheNextFitShort() {
        // The second fit, on one more point, starts from the first fit's θ and curvature: it
        // ends in a couple of iterations at a point where the gradient test or the decrement
        // test passes, and F there is within that test's tolerance of a fit from the default.
        let (encoding, data) = Self.data(60)
        let first = GPData(rows: Array(data.rows.prefix(59 * data.width)), count: 59, width: data.width, targets: Array(data.targets.prefix(59)))
        let defaults = GPHyperparameters.defaults(groupCount: encoding.groups.count, learnsNoise: true)
        let cache = CovarianceCache()
        var curvature: [Double]?
        let previous = GPHyperparameterFit.fit(first, encoding: encoding, start: defaults, cache: cache, curvature: &curvature)
        #expect(curvature != nil)
        var evaluations = 0
        let likelihood = GPMarginalLikelihood(data: data, encoding: encoding, cache: nil)
        var estimate = curvature
        let outcome = GPQuasiNewton.minimize(
            start: previous.vector, estimate: &estimate, maxIterations: 200, maximumNewtonStep: 2,
            value: { v in evaluations += 1; var t = previous; t.vector = v; return likelihood.value(t) },
            valueAndGradient: { v, g in evaluations += 1; var t = previous; t.vector = v; return likelihood.value(t, gradient: &g) },
            isConverged: { g, h in
                g.allSatisfy { abs($0) < GPHyperparameterFit.gradientTolerance }
                    || GPQuasiNewton.predictedDecrease(h, g) < GPHyperparameterFit.decreaseTolerance
            })
        #expect(outcome != nil && outcome!.converged && outcome!.iterations <= 3, "iterations \(outcome?.iterations ?? -1)")
        #expect(evaluations <= 8, "evaluations \(evaluations)")
        var scratch = defaults.vector
        var fromDefault: [Double]?
        let cold = GPHyperparameterFit.fit(data, encoding: encoding, start: defaults, cache: CovarianceCache(), curvature: &fromDefault)
        let coldValue = GPHyperparameterFit.objective(cold, data: data, encoding: encoding, cache: nil, gradient: &scratch)
        // Within the decrement test's tolerance of the optimum a fit from the default finds.
        #expect(outcome!.value < coldValue + GPHyperparameterFit.decreaseTolerance)
    }

    // MARK: - Log EI

    @Test func logHMatchesTheDirectFormulaAndTheAsymptote() {
        func direct(_ z: Double) -> Double {
            log(exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() + z * NormalDistribution.cdf(z))
        }
        for z in stride(from: -8.0, through: 6, by: 0.25) {
            // Direct cancellation costs about z² ulps; both branches meet at −5.
            #expect(abs(LogExpectedImprovement.logH(z) - direct(z)) < 1e-11 * max(1, z * z), "z = \(z)")
        }
        for z in [-50.0, -1e3, -1e5] {
            let asymptote = -0.5 * z * z - 0.5 * log(2 * Double.pi) - 2 * log(-z)
            let value = LogExpectedImprovement.logH(z)
            #expect(value.isFinite && abs(value - asymptote) < 4 / (z * z) * max(1, abs(asymptote)))
        }
        // Increasing, finite, and the slope is its derivative.
        var previous = -Double.infinity
        for z in stride(from: -60.0, through: 10, by: 0.5) {
            let value = LogExpectedImprovement.logH(z)
            #expect(value.isFinite && value > previous)
            previous = value
            let h = 1e-5 * max(1, abs(z))
            let numeric = (LogExpectedImprovement.logH(z + h) - LogExpectedImprovement.logH(z - h)) / (2 * h)
            #expect(abs(numeric - LogExpectedImprovement.logHSlope(z)) < 1e-5 * max(1, abs(numeric)), "z = \(z)")
        }
    }
}
