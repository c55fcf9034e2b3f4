import Foundation
import GSLKit
import Testing
@testable import Parzen

/// Parzen's port of Optuna's estimator against Optuna 5.1.0's own numbers
/// (OptunaTPEKnownAnswers.swift, written by benchmarks/optuna_tpe_known_answers.py).
@Suite struct OptunaTPEKnownAnswerTests {
    static let tolerance = 1e-12

    static func close(_ a: Double, _ b: Double, relative: Double = tolerance) -> Bool {
        a == b || abs(a - b) <= relative * max(abs(a), abs(b))
    }

    static func dimension(_ d: OptunaTPEKnownAnswers.Dimension) -> OptunaTPE.Dimension {
        switch d.kind {
        case "categorical": return .init(kind: .categorical(count: d.choices), low: 0, high: Double(d.choices - 1), isLog: false)
        case "int": return .init(kind: .discrete(step: d.step ?? 1), low: d.low, high: d.high, isLog: d.log)
        default: return .init(kind: d.step.map { .discrete(step: $0) } ?? .continuous, low: d.low, high: d.high, isLog: d.log)
        }
    }

    static func estimator(_ c: OptunaTPEKnownAnswers.Case) -> OptunaParzenEstimator {
        OptunaParzenEstimator(
            dimensions: c.dimensions.map(dimension), observations: c.observations,
            parameters: .init(priorWeight: c.priorWeight, considerMagicClip: c.magicClip, considerEndpoints: c.endpoints))
    }

    @Test func gammaIsOptunasDefault() {
        for (n, gamma) in OptunaTPEKnownAnswers.gammas {
            #expect(OptunaTPE.defaultGamma(n) == gamma, "n = \(n)")
        }
    }

    @Test func weightsAreOptunasDefaultRamp() {
        for (n, weights) in OptunaTPEKnownAnswers.weights {
            let ours = OptunaTPE.defaultWeights(n)
            #expect(ours.count == weights.count && zip(ours, weights).allSatisfy { Self.close($0, $1) }, "n = \(n): \(ours)")
        }
    }

    @Test func splitsAsOptunaWithTiesAndRunningTrials() {
        for split in OptunaTPEKnownAnswers.splits {
            var trials = Trials()
            for (id, loss) in split.losses.enumerated() {
                let running = split.running.contains(id)
                trials.append(Trial(id: id, assignment: ["x": 0.5], status: running ? .pending : .ok, loss: running ? nil : loss))
            }
            let states = OptunaTPE.States(trials)
            #expect(OptunaTPE.defaultGamma(states.complete.count) == split.gamma)
            let ours = OptunaTPE.split(trials, states: states, belowCount: split.gamma, constantLiar: true)
            #expect(ours.below == split.below)
            #expect(ours.above == split.above)
        }
    }

    @Test(arguments: OptunaTPEKnownAnswers.cases.map(\.name))
    func estimatorMatchesOptuna(name: String) {
        let c = OptunaTPEKnownAnswers.cases.first { $0.name == name }!
        let estimator = Self.estimator(c)
        #expect(estimator.weights.count == c.weights.count)
        for (ours, theirs) in zip(estimator.weights, c.weights) {
            #expect(Self.close(ours, theirs), "weight \(ours) vs \(theirs)")
        }
        for (d, expected) in c.kernels.enumerated() {
            let kernels = estimator.kernels[d]
            if expected.rows.isEmpty {
                // Compared as (centre, bandwidth) pairs: NumPy's argsort is not stable, so two equal
                // observations may carry each other's gap there (the cases tie only under equal
                // weights, where the density does not depend on it).
                #expect(kernels.mus.count == expected.mus.count)
                let ours = zip(kernels.mus, kernels.sigmas).sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
                let theirs = zip(expected.mus, expected.sigmas).sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
                for (a, b) in zip(ours, theirs) {
                    #expect(Self.close(a.0, b.0) && Self.close(a.1, b.1), "\(c.dimensions[d].label): (mu, sigma) \(a) vs \(b)")
                }
            } else {
                let flat = expected.rows.flatMap { $0 }
                #expect(kernels.rows.count == flat.count)
                for (ours, theirs) in zip(kernels.rows, flat) { #expect(Self.close(ours, theirs), "\(c.dimensions[d].label) row \(ours) vs \(theirs)") }
            }
        }
        var scratch: [Double] = []
        let densities = estimator.logDensities(c.points, count: c.logPDF.count, accumulator: &scratch)
        for (ours, theirs) in zip(densities, c.logPDF) {
            #expect(Self.close(ours, theirs), "log pdf \(ours) vs \(theirs)")
        }
    }

    @Test func logMassAgreesWithTheDirectDifferenceAndHoldsInTheTails() {
        // Where no cancellation happens, log(Φ(b) − Φ(a)) directly.
        for (a, b) in [(-1.0, 2.0), (-3.0, -0.5), (0.25, 1.5), (-0.1, 0.1)] {
            let direct = log(NormalDistribution.cdf(b) - NormalDistribution.cdf(a))
            #expect(Self.close(NormalDistribution.logMass(a, b), direct, relative: 1e-13))
        }
        // Far tails: log Φ(−40) ≈ log φ(40) − log 40 − 1/40², and the mirror image above.
        let expected = -800 - 0.5 * log(2 * Double.pi) - log(40.0) + log1p(-1 / 1600 + 3 / (1600.0 * 1600))
        #expect(Self.close(NormalDistribution.logMass(-.infinity, -40), expected, relative: 1e-9))
        #expect(Self.close(NormalDistribution.logMass(40, .infinity), expected, relative: 1e-9))
        #expect(NormalDistribution.logMass(1, 1) == -.infinity)
    }
}
