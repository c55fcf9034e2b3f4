import Foundation
import GSLKit
import Testing
@testable import Parzen

/// TPE's branch and bound over candidates must pick exactly the candidate the plain loop picks
/// (`if i == 0 || score > best`, NaN scores counted as −∞), whatever the bounds, as long as each
/// bound is at most log g.
@Suite struct TPEBranchAndBoundTests {
    static func exhaustive(_ logL: [Double], _ logG: [Double]) -> Int {
        var best = 0, bestScore = -Double.infinity
        for i in logL.indices {
            var score = logL[i] - logG[i]
            if score.isNaN { score = -.infinity }
            if i == 0 || score > bestScore { best = i; bestScore = score }
        }
        return best
    }

    @Test func picksWhatTheExhaustiveLoopPicks() {
        let rng = MersenneTwister(seed: 2026)
        var evaluations = 0, candidates = 0
        for trial in 0..<3000 {
            let count = 1 + rng.uniformInt(below: 24)
            // Coarse values make ties common; a few infinities and NaNs.
            func value() -> Double {
                switch rng.uniformInt(below: 40) {
                case 0: return -.infinity
                case 1: return .infinity
                case 2: return .nan
                default: return Double(rng.uniformInt(below: 8)) / 2 - 2
                }
            }
            candidates += count
            let logL = (0..<count).map { _ in value() }
            let logG = (0..<count).map { _ in value() }
            // Valid bounds: log g itself, log g minus a slack, −∞, or none.
            let bounds: [Double?] = logG.map { g in
                switch rng.uniformInt(below: 4) {
                case 0: return nil
                case 1: return g
                case 2: return g - rng.uniform() * 3
                default: return trial % 2 == 0 ? -.infinity : g - 0.5
                }
            }
            let picked = TPE.ParameterModel.bestCandidate(logL: logL, logG: { evaluations += 1; return logG[$0] }, bound: { bounds[$0] })
            #expect(picked == Self.exhaustive(logL, logG), "logL \(logL) logG \(logG) bounds \(bounds)")
        }
        // The point of it: about half the candidates are never scored exactly here (18,751 of 37,648).
        #expect(Double(evaluations) < 0.6 * Double(candidates), "\(evaluations) of \(candidates) scored")
    }

    @Test func theLowerBoundNeverExceedsTheDensity() {
        // Large mixtures as TPE builds them for g(x) (bounded and not, Gaussian and log-normal),
        // evaluated inside, at and beyond the bounds and in the far tails. Dense ones (many
        // components near every point) and sparse ones (the nearest few hold nearly all the
        // density, so the bound is tight and only its margin keeps it below).
        let rng = MersenneTwister(seed: 7)
        var bounded = 0
        for (size, spread) in [(400, 5.0), (1000, 5.0), (3000, 5.0), (400, 8000.0), (1000, 20000.0)] {
            for family in [GaussianMixture.Family.gaussian, .logNormal] {
                for bounds in [(low: -2.0, high: 3.0), nil] {
                    let observations = (0..<size).map { _ in
                        rng.uniformInt(below: 5) == 0 ? Double(rng.uniformInt(below: 6)) / 2 - 1 : (rng.uniform() - 0.4) * spread
                    }
                    let estimator = ParzenEstimator(observations: observations, priorMean: 0.5, priorSigma: spread > 5 ? 1 : 5, priorWeight: 1)
                    let g = GaussianMixture(estimator, family: family, bounds: bounds, quantum: nil, normalised: false)
                    #expect(g.hasLowerBound)
                    for index in 0..<400 {
                        // Near an observation half the time (where sparse mixtures are tight).
                        let y = index % 2 == 0 ? observations[index % size] + rng.uniform() - 0.5 : rng.uniform() * 40 - 20
                        let x = family == .gaussian ? y : exp(y / 4)
                        guard let bound = g.logDensityLowerBound(x) else { continue }
                        bounded += 1
                        #expect(bound <= g.logDensity(x), "size \(size) \(family) x \(x)")
                    }
                }
            }
        }
        #expect(bounded > 1000)
    }
}
