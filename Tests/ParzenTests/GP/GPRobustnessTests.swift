import Foundation
import GSLKit
import Testing
@testable import Parzen

/// Histories that break naive GP code: each must give a valid proposal without NaN.
@Suite struct GPRobustnessTests {
    static let space = try! SearchSpace([
        "x": .uniform("x", -5, 5),
        "y": .uniform("y", 0, 1),
        "n": .uniformint("n", 1, 20),
        "c": .choice("c", ["a", "b"]),
    ])

    /// A history of `losses.count` prior draws with the given losses (nil: a failed trial).
    static func history(_ losses: [Double?], seed: UInt32 = 3, point: Assignment? = nil) -> Trials {
        let rng = MersenneTwister(seed: seed)
        var trials = Trials()
        for (id, loss) in losses.enumerated() {
            let assignment = point ?? space.sample(using: rng)
            if let loss {
                trials.append(Trial(id: id, assignment: assignment, status: .ok, loss: loss))
            } else {
                trials.append(Trial(id: id, assignment: assignment, status: .fail, message: "failed"))
            }
        }
        return trials
    }

    /// Three proposals in a row (the fit warm-starts from the previous one), each checked.
    static func expectValidProposals(_ trials: Trials, options: GP.Options = GP.Options(), sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rng = MersenneTwister(seed: 11)
        var gp = try GP(space: space, options: options, budget: 100, using: rng)
        var history = trials
        for step in 0..<3 {
            let suggested = gp.suggest(history: history, using: rng)
            let proposal = try #require(suggested, sourceLocation: sourceLocation)
            #expect(proposal.values.allSatisfy { $0.isFinite }, "NaN or ∞ in \(proposal)", sourceLocation: sourceLocation)
            #expect(throws: Never.self, sourceLocation: sourceLocation) { try space.validate(proposal) }
            history.append(Trial(id: history.nextID, assignment: proposal, status: .ok, loss: Double(step)))
        }
    }

    @Test func duplicatePoints() throws {
        // Twenty copies of one point with different losses, then ten more copies with one loss.
        let point: Assignment = ["x": 1, "y": 0.5, "n": 4, "c": 1]
        var trials = Self.history((0..<20).map { Double($0) }, point: point)
        for loss in Self.history(Array(repeating: 2.5, count: 10), point: point).trials {
            trials.append(Trial(id: trials.nextID, assignment: loss.assignment, status: .ok, loss: loss.loss))
        }
        try Self.expectValidProposals(trials)
        try Self.expectValidProposals(trials, options: GP.Options(noise: .fixed))
    }

    @Test func constantLosses() throws {
        try Self.expectValidProposals(Self.history(Array(repeating: 7, count: 15)))
        #expect(GPTargets.standardize(Array(repeating: 7, count: 15)) == Array(repeating: 0, count: 15))
    }

    @Test func lossesFrom1e300Down() throws {
        let losses = (0..<25).map { pow(10, -300 + 25 * Double($0)) }
        let targets = GPTargets.standardize(losses)
        #expect(targets.allSatisfy { $0.isFinite })
        #expect(targets.last! < targets.first!)
        try Self.expectValidProposals(Self.history(losses))
        try Self.expectValidProposals(Self.history(losses.map { -$0 }))
    }

    @Test func infinitiesFailuresAndPendingTrials() throws {
        var losses: [Double?] = (0..<20).map { Double($0 % 5) }
        losses[3] = .infinity
        losses[7] = -.infinity
        losses[9] = nil
        losses[12] = nil
        var trials = Self.history(losses)
        trials.append(Trial(id: trials.nextID, assignment: ["x": 0, "y": 0, "n": 1, "c": 0]))  // pending
        trials.append(Trial(id: trials.nextID, assignment: ["x": 0, "y": 0, "n": 1, "c": 0], status: .ok, loss: .nan))
        try Self.expectValidProposals(trials)
        #expect(GPTargets.standardize([1, .infinity, -.infinity, 3]) == GPTargets.standardize([1, 3, 1, 3]))
        // Nothing finite at all.
        try Self.expectValidProposals(Self.history(Array(repeating: .infinity, count: 12)))
    }

    @Test func nearSingularKernelMatrixGetsJitter() throws {
        // Points 1e-9 apart, a huge signal variance and the noise at its floor: C = K + 1e-6·I
        // is singular to working precision, so the factorisation needs jitter.
        let encoding = GPEncoding(Self.space)
        var rows: [Double] = []
        for i in 0..<30 {
            var x = encoding.encode(["x": 1, "y": 0.5, "n": 4, "c": 1])!
            x[0] += 1e-9 * Double(i)
            rows += x
        }
        let data = GPData(rows: rows, count: 30, width: encoding.featureCount, targets: GPTargets.standardize((0..<30).map(Double.init)))
        var theta = GPHyperparameters.defaults(groupCount: encoding.groups.count, learnsNoise: false)
        theta.vector[encoding.groups.count] = 30   // s = e^30
        #expect(CholeskyFactor(matrix: GPRegressor.covarianceMatrix(data: data, kernel: MaternKernel(hyperparameters: theta, encoding: encoding)).enumerated().map {
            $0.offset % 31 == 0 ? $0.element + theta.noiseVariance : $0.element
        }, dimension: 30) == nil)
        let model = try #require(GPRegressor(data: data, hyperparameters: theta, encoding: encoding, cache: nil))
        #expect(model.jitter > 0)
        #expect(model.alpha.allSatisfy { $0.isFinite })
        // The whole suggester on the same points, with and without learned noise.
        let point: Assignment = ["x": 1, "y": 0.5, "n": 4, "c": 1]
        var trials = Trials()
        for i in 0..<30 {
            var assignment = point
            assignment["x"] = 1 + 1e-9 * Double(i)
            trials.append(Trial(id: i, assignment: assignment, status: .ok, loss: Double(i)))
        }
        try Self.expectValidProposals(trials)
        try Self.expectValidProposals(trials, options: GP.Options(noise: .fixed))
    }
}
