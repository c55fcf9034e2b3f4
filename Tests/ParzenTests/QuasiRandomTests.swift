import Foundation
import GSLKit
import ParzenTestSupport
import Testing
@testable import Parzen

@Suite struct QuasiRandomTests {
    static let unitSquare = try! SearchSpace(["x": .uniform("x", 0, 1), "y": .uniform("y", 0, 1)])

    /// The first `n` proposals of a suggester on an empty-then-growing history.
    static func proposals<S: Suggester>(_ suggester: inout S, _ n: Int) throws -> [Assignment] {
        var trials = Trials()
        let rng = MersenneTwister(seed: 1)
        var points: [Assignment] = []
        for id in 0..<n {
            let proposed = try suggester.suggest(history: trials, using: rng)
            let point = try #require(proposed)
            points.append(point)
            trials.append(Trial(id: id, assignment: point, status: .ok, loss: 0))
        }
        return points
    }

    static func counts(_ values: [Double], bins: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: bins)
        for v in values { counts[min(Int(v * Double(bins)), bins - 1)] += 1 }
        return counts
    }

    // MARK: Sobol

    @Test func sobolPowerOfTwoPrefixesAreBalanced() throws {
        var sobol = try Sobol(space: Self.unitSquare, shifts: [0, 0])
        let points = try Self.proposals(&sobol, 64)
        #expect(points[0] == ["x": 0.5, "y": 0.5], "GSL's Sobol skips the origin")
        for k in 2...6 {
            let prefix = points.prefix(1 << k)
            for label in ["x", "y"] {
                let values = prefix.map { $0[label]! }
                // Each half of each axis holds exactly half of the first 2^k points …
                #expect(Self.counts(values, bins: 2) == [1 << (k - 1), 1 << (k - 1)], "k = \(k), \(label)")
                // … and with the origin GSL skips, the first 2^k − 1 points put exactly one point
                // in each interval of length 2^−k (a (0, k, 1)-net in each projection).
                let net = values.dropLast() + [0]
                #expect(Self.counts(Array(net), bins: 1 << k) == Array(repeating: 1, count: 1 << k), "k = \(k), \(label)")
            }
        }
        // In 2-D, each quadrant of the square holds a quarter of the first 64.
        var quadrants = [Int](repeating: 0, count: 4)
        for p in points { quadrants[(p["x"]! < 0.5 ? 0 : 1) + (p["y"]! < 0.5 ? 0 : 2)] += 1 }
        #expect(quadrants == [16, 16, 16, 16])
    }

    @Test func shiftedSobolIsUniformAndSeeded() throws {
        func first(_ n: Int, seed: UInt32, shift: Bool = true) throws -> [Assignment] {
            var trials = Trials()
            try fmin({ _ in 0.0 }, space: Self.unitSquare, algorithm: Algorithm(Sobol.self, options: .init(shift: shift)),
                     maxEvals: n, trials: &trials, seed: seed)
            return trials.trials.map(\.assignment)
        }
        let a = try first(256, seed: 1), b = try first(256, seed: 2)
        #expect(a != b)
        #expect(Set(a).isDisjoint(with: Set(b)))
        // Shifted, each marginal is still spread evenly: KS distance far below random's.
        for label in ["x", "y"] {
            let d = TestSupport.kolmogorovSmirnov(a.map { $0[label]! }) { min(max($0, 0), 1) }
            #expect(d < 0.02, "\(label): KS \(d)")
        }
        // Without the shift every seed gives GSL's raw sequence.
        #expect(try first(16, seed: 1, shift: false) == first(16, seed: 2, shift: false))
        var raw = try Sobol(space: Self.unitSquare, shifts: [0, 0])
        #expect(try first(16, seed: 5, shift: false) == Self.proposals(&raw, 16))
    }

    @Test func sobolDimensionLimitIsAClearError() throws {
        func space(_ n: Int) throws -> SearchSpace {
            try SearchSpace(.record(OrderedRecord((0..<n).map { ("p\($0)", Space.uniform("p\($0)", 0, 1)) })))
        }
        #expect(throws: SuggesterError.unsupportedSpace("sobol supports at most 40 parameters, this space has 57")) {
            _ = try Algorithm.sobol.makeSuggester(space: try space(57), budget: 10, using: MersenneTwister(seed: 1))
        }
        _ = try Algorithm.sobol.makeSuggester(space: try space(40), budget: 10, using: MersenneTwister(seed: 1))
        _ = try Algorithm.halton.makeSuggester(space: try space(57), budget: 10, using: MersenneTwister(seed: 1))
        #expect(throws: SuggesterError.unsupportedSpace("halton supports at most 1229 parameters, this space has 1230")) {
            _ = try Algorithm.halton.makeSuggester(space: try space(1230), budget: 10, using: MersenneTwister(seed: 1))
        }
        // Through fmin, the error reaches the caller before any evaluation.
        var trials = Trials()
        #expect(throws: FMinError.self) {
            try fmin({ _ in 0.0 }, space: try space(41), algorithm: .sobol, maxEvals: 5, trials: &trials, seed: 1)
        }
        #expect(trials.isEmpty)
    }

    // MARK: Halton

    @Test func haltonCoordinatesAreVanDerCorputInBases2And3() throws {
        var halton = try Halton(space: Self.unitSquare, shifts: [0, 0])
        let points = try Self.proposals(&halton, 81)
        for p in points { try Self.unitSquare.validate(p) }
        // Base 2 on x: any 2^k consecutive points from the start cover the halves evenly up to
        // one point (GSL starts at index 1); base 3 on y likewise for thirds.
        let xs = points.prefix(64).map { $0["x"]! }, ys = points.prefix(81).map { $0["y"]! }
        #expect(Self.counts(xs, bins: 8).allSatisfy { abs($0 - 8) <= 1 })
        #expect(Self.counts(ys, bins: 9).allSatisfy { abs($0 - 9) <= 1 })
        #expect(Set(points).count == points.count)
    }

    @Test func haltonProposalsAreValidOnEveryKind() throws {
        let space = try SearchSpace([
            "c": .choice("c", [["a": .uniform("a", 0, 1)], ["b": .qlognormal("b", 1, 1, 2)], "none"]),
            "p": .pchoice("p", [(0.25, "a"), (0.75, "b")]),
            "r": .randint("r", -3, 3),
            "q": .quniform("q", 1, 10, 4),
            "i": .uniformint("i", 1, 10),
            "l": .qloguniform("l", 0, 5, 3),
            "n": .qnormal("n", 0, 1, 0.25),
            "ln": .lognormal("ln", 0, 3),
        ])
        var trials = Trials()
        try fmin({ _ in 1.0 }, space: space, algorithm: .halton, maxEvals: 500, trials: &trials, seed: 3)
        for trial in trials.trials { try space.validate(trial.assignment) }
        // Every option and integer gets used, in proportion to the prior.
        let values = { (label: String) in trials.trials.compactMap { $0.assignment[label] } }
        #expect(Set(values("c")) == [0, 1, 2])
        #expect(Set(values("r")) == Set((-3..<3).map(Double.init)))
        #expect(Set(values("i")) == Set((1...10).map(Double.init)))
        #expect(Set(values("q")) == [0, 4, 8])
        let bShare = values("p").filter { $0 == 1 }.count
        #expect(abs(bShare - 375) <= 5, "pchoice option b \(bShare) of 500")
    }

    // MARK: Cursor

    @Test func resumedSearchContinuesTheSequence() throws {
        // A search interrupted after 10 trials and resumed with a fresh instance (same seed, so
        // the same shifts) proposes what the uninterrupted search proposed next.
        func run(_ n: Int, resumeAt: Int?) throws -> [Assignment] {
            var trials = Trials()
            if let resumeAt {
                try fmin({ _ in 0.0 }, space: Self.unitSquare, algorithm: .sobol, maxEvals: resumeAt, trials: &trials, seed: 8)
            }
            try fmin({ _ in 0.0 }, space: Self.unitSquare, algorithm: .sobol, maxEvals: n, trials: &trials, seed: 8)
            return trials.trials.map(\.assignment)
        }
        #expect(try run(20, resumeAt: 10) == run(20, resumeAt: nil))
    }

    @Test func copiesOfAnInstanceDoNotShareTheCursor() throws {
        var a = try Sobol(space: Self.unitSquare, shifts: [0.25, 0.5])
        let rng = MersenneTwister(seed: 1)
        let p0 = a.suggest(history: Trials(), using: rng)
        var b = a
        let aNext = a.suggest(history: Trials(), using: rng)
        let bNext = b.suggest(history: Trials(), using: rng)
        #expect(aNext == bNext)
        #expect(aNext != p0)
        var fresh = try Sobol(space: Self.unitSquare, shifts: [0.25, 0.5])
        #expect(try Self.proposals(&fresh, 2) == [p0!, aNext!])
    }
}
