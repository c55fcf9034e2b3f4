import Foundation
import GSLKit
import Testing
@testable import Parzen

@Suite struct NumericCoordinateTests {
    static func coordinate(_ distribution: Distribution) -> NumericCoordinate {
        NumericCoordinate(Parameter(label: "x", distribution: distribution, conditions: []), position: 0)
    }

    func map(_ u: Double, _ distribution: Distribution) -> Double {
        Self.coordinate(distribution).priorQuantile(u)
    }

    @Test func priorQuantileMapsAsThePrior() {
        #expect(map(0.5, .uniform(low: -5, high: 5)) == 0)
        #expect(map(0.5, .loguniform(low: 0, high: 2)) == exp(1))
        #expect(map(0.0, .uniformint(low: 1, high: 10)) == 1)
        #expect(map(0.999, .uniformint(low: 1, high: 10)) == 10)
        #expect(map(0.5, .quniform(low: 1, high: 10, q: 4)) == 4) // 5.5/4 = 1.375 rounds to 1
        #expect(map(0.34, .choice(["a", "b", "c"])) == 1)
        #expect(map(0.999_999, .choice(["a", "b", "c"])) == 2)
        #expect(map(0.0, .randint(low: -3, high: 3)) == -3)
        #expect(map(0.19, .pchoice(["a", "b"], probabilities: [0.2, 0.8])) == 0)
        #expect(map(0.21, .pchoice(["a", "b"], probabilities: [0.2, 0.8])) == 1)
        #expect(map(0.5, .normal(mu: 3, sigma: 2)) == 3)
        #expect(abs(map(NormalDistribution.cdf(1), .normal(mu: 3, sigma: 2)) - 5) < 1e-9)
        #expect(abs(map(0.5, .lognormal(mu: 1, sigma: 2)) - exp(1)) < 1e-12)
        // The clamp keeps the ends finite.
        #expect(map(0, .normal(mu: 0, sigma: 1)).isFinite)
        #expect(map(0, .lognormal(mu: 0, sigma: 1)) > 0)
    }

    /// Working bounds and untransformed values from Optuna 5.1.0's `_SearchSpaceTransform` on the
    /// distribution Parzen's Optuna adapter uses for each kind
    /// (`python3 benchmarks/numeric_view_known_answers.py`).
    static let optunaAnswers: [(Distribution, Bool, Double, Double, [Double])] = [
        (.uniform(low: -5, high: 10), true, -5.0, 10.0, [-5.0, -3.5, -1.25, 2.5, 5.5, 8.5, 9.999999999999998]),
        (.uniform(low: -5, high: 10), false, -5.0, 10.0, [-5.0, -3.5, -1.25, 2.5, 5.5, 8.5, 9.999999999999998]),
        (.quniform(low: 16, high: 512, q: 16), true, 8.0, 520.0, [16.0, 64.0, 144.0, 272.0, 368.0, 464.0, 512.0]),
        (.quniform(low: 16, high: 512, q: 16), false, 16.0, 512.0, [16.0, 64.0, 144.0, 272.0, 368.0, 464.0, 512.0]),
        (.quniform(low: 1, high: 10, q: 4), true, -2.0, 10.0, [0.0, 0.0, 0.0, 4.0, 8.0, 8.0, 8.0]),
        (.quniform(low: 1, high: 10, q: 4), false, 0.0, 8.0, [0.0, 0.0, 0.0, 4.0, 4.0, 8.0, 8.0]),
        (.uniformint(low: 1, high: 8), true, 0.5, 8.5, [1, 1, 3, 5, 6, 8, 8]),
        (.uniformint(low: 1, high: 8), false, 1.0, 8.0, [1, 2, 3, 5, 6, 7, 8]),
        (.randint(low: -3, high: 3), true, -3.5, 2.5, [-3, -3, -2, 0, 1, 2, 2]),
        (.randint(low: -3, high: 3), false, -3.0, 2.0, [-3, -2, -2, 0, 1, 2, 2]),
        (.loguniform(low: -9.210340371976182, high: -2.3025850929940455), true, -9.210340371976182, -2.3025850929940455, [0.00010000000000000009, 0.00019952623149688828, 0.0005623413251903495, 0.003162277660168382, 0.012589254117941677, 0.05011872336272727, 0.1]),
        (.loguniform(low: -9.210340371976182, high: -2.3025850929940455), false, -9.210340371976182, -2.3025850929940455, [0.00010000000000000009, 0.00019952623149688828, 0.0005623413251903495, 0.003162277660168382, 0.012589254117941677, 0.05011872336272727, 0.1]),
        (.qloguniform(low: 2.0794415416798357, high: 6.931471805599453, q: 8), true, 2.0794415416798357, 6.931471805599453, [8.0, 16.0, 24.0, 88.0, 240.0, 632.0, 1024.0]),
        (.qloguniform(low: 2.0794415416798357, high: 6.931471805599453, q: 8), false, 2.0794415416798357, 6.931471805599453, [8.0, 16.0, 24.0, 88.0, 240.0, 632.0, 1024.0]),
        (.normal(mu: 0, sigma: 2), true, -8.0, 8.0, [-8.0, -6.4, -4.0, 0.0, 3.1999999999999993, 6.4, 7.999999999999999]),
        (.normal(mu: 0, sigma: 2), false, -8.0, 8.0, [-8.0, -6.4, -4.0, 0.0, 3.1999999999999993, 6.4, 7.999999999999999]),
        (.qnormal(mu: 3, sigma: 2, q: 1), true, -5.0, 11.0, [-5.0, -3.0, -1.0, 3.0, 6.0, 9.0, 11.0]),
        (.qnormal(mu: 3, sigma: 2, q: 1), false, -5.0, 11.0, [-5.0, -3.0, -1.0, 3.0, 6.0, 9.0, 11.0]),
        (.lognormal(mu: 0, sigma: 1), true, -4.0, 4.0, [0.01831563888873418, 0.04076220397836621, 0.1353352832366127, 1.0, 4.953032424395113, 24.532530197109352, 54.59815003314423]),
        (.lognormal(mu: 0, sigma: 1), false, -4.0, 4.0, [0.01831563888873418, 0.04076220397836621, 0.1353352832366127, 1.0, 4.953032424395113, 24.532530197109352, 54.59815003314423]),
        (.qlognormal(mu: 2.0794415416798357, sigma: 0.5, q: 1), true, 0.0794415416798358, 4.079441541679836, [1.0, 2.0, 3.0, 8.0, 18.0, 40.0, 59.0]),
        (.qlognormal(mu: 2.0794415416798357, sigma: 0.5, q: 1), false, 0.0794415416798358, 4.079441541679836, [1.0, 2.0, 3.0, 8.0, 18.0, 40.0, 59.0]),
    ]
    static let units = [0.0, 0.1, 0.25, 0.5, 0.7, 0.9, 1.0]

    @Test func unitMapsMatchOptunasTransform() {
        for (distribution, padded, low, high, stored) in Self.optunaAnswers {
            let c = Self.coordinate(distribution)
            let bounds = c.workingBounds(padded: padded)
            #expect(bounds.low == low && bounds.high == high, "\(distribution) padded \(padded): \(bounds)")
            for (u, expected) in zip(Self.units, stored) {
                let value = c.stored(unit: u, padded: padded)
                #expect(value == expected, "\(distribution) padded \(padded) at u = \(u): \(value), Optuna \(expected)")
                #expect(c.contains(value), "\(distribution): \(value) outside the support")
            }
        }
    }

    @Test func rangesFollowTheAdaptersMapping() {
        let q = Self.coordinate(.quniform(low: 1, high: 10, q: 4))
        #expect(q.domain == .lattice(step: 4) && q.low == 0 && q.high == 8 && !q.isInteger)
        let r = Self.coordinate(.randint(low: -3, high: 3))
        #expect(r.domain == .lattice(step: 1) && r.low == -3 && r.high == 2 && r.isInteger)
        let c = Self.coordinate(.pchoice(["a", "b"], probabilities: [0.2, 0.8]))
        #expect(c.domain == .categorical(count: 2) && c.priorWeights == [0.2, 0.8] && c.isCategorical)
        let third: Double = 1.0 / 3
        let uniformWeights = Self.coordinate(.choice(["a", "b", "c"])).priorWeights
        #expect(uniformWeights == [third, third, third])
        #expect(Self.coordinate(.uniform(low: 0, high: 1)).priorWeights == nil)
        let n = Self.coordinate(.qlognormal(mu: 0, sigma: 1, q: 2))
        #expect(n.scale == .log && n.isTruncated && n.outputQuantum == 2 && n.domain == .continuous)
        #expect(n.low == exp(-4.0) && n.high == exp(4.0))
        #expect(Self.coordinate(.randint(low: 4, high: 5)).isSingle)
        #expect(Self.coordinate(.quniform(low: 0.2, high: 0.4, q: 1)).isSingle)
        #expect(Self.coordinate(.choice(["only"])).isSingle)
        #expect(!Self.coordinate(.uniformint(low: 0, high: 1)).isSingle)
    }

    @Test func latticePointsRoundTripThroughTheUnitInterval() {
        let kinds: [Distribution] = [
            .uniformint(low: -2, high: 7), .randint(low: 0, high: 5), .quniform(low: 16, high: 512, q: 16),
            .choice(["a", "b", "c", "d"]),
        ]
        for distribution in kinds {
            let c = Self.coordinate(distribution)
            let step: Double
            switch c.domain {
            case .lattice(let s): step = s
            default: step = 1
            }
            for padded in [true, false] {
                var value = c.low
                while value <= c.high {
                    #expect(c.stored(unit: c.unit(value, padded: padded), padded: padded) == value, "\(distribution) \(value)")
                    value += step
                }
            }
        }
    }

    @Test func unitClipsValuesOutsideTheRange() {
        let n = Self.coordinate(.normal(mu: 0, sigma: 1))
        #expect(n.unit(100, padded: true) == 1 && n.unit(-100, padded: true) == 0)
        #expect(n.unit(0, padded: false) == 0.5)
        let single = Self.coordinate(.choice(["only"]))
        #expect(single.unit(0, padded: false) == 0.5 && single.unit(0, padded: true) == 0.5)
    }

    @Test func activityFollowsTheConditions() throws {
        let space = try SearchSpace(.choice("type", [["a": .uniform("a", 0, 1)], ["b": .uniformint("b", 1, 3)]]))
        let view = NumericSpace(space)
        #expect(view.coordinates.map(\.label) == ["type", "a", "b"])
        #expect(view.unconditional.map(\.label) == ["type"])
        #expect(view.isConditional)
        let b = try #require(view["b"])
        #expect(b.position == 2 && b.isActive(in: ["type": 1]) && !b.isActive(in: ["type": 0]))
        #expect(view["zzz"] == nil)
    }

    @Test func relativeSpaceIsNumericSortedByCodePoint() throws {
        let space = try SearchSpace([
            "b": .uniform("b", 0, 1), "B": .uniform("B", 0, 1), "a": .choice("a", ["x", "y"]),
            "c": .randint("c", 3, 4), "_": .loguniform("_", 0, 1),
        ])
        #expect(NumericSpace(space).sortedNumeric.map(\.label) == ["B", "_", "b"])
    }
}
