import Foundation
import GSLKit
import Testing

@testable import Parzen

/// Lays out a grid with a fixed seed.
private func grid(_ space: Space, budget: Int, seed: UInt32 = 7, placement: GridSearch.Placement = .centres) throws -> GridSearch {
    try GridSearch(space: SearchSpace(space), options: GridSearch.Options(placement: placement), budget: budget, using: MersenneTwister(seed: seed))
}

/// Every point the suggester proposes, through `suggest`, until it returns nil.
private func drain(_ search: GridSearch) -> [Assignment] {
    var search = search
    var out: [Assignment] = []
    let rng = MersenneTwister(seed: 1)
    while let point = search.suggest(history: Trials(), using: rng) { out.append(point) }
    return out
}

private func sortedValues(_ points: [Assignment], _ label: String) -> [Double] {
    Array(Set(points.compactMap { $0[label] })).sorted()
}

@Suite("GridSearch")
struct GridSearchTests {
    @Test func twoUniformsFitTheBudgetAtCellCentres() throws {
        let search = try grid(["x": .uniform("x", 0, 7), "y": .uniform("y", -1, 1)], budget: 50)
        #expect(search.resolution == [7, 7])
        #expect(search.planDescription == "grid 7×7 = 49 points for budget 50")
        let points = drain(search)
        #expect(points.count == 49)
        #expect(Set(points).count == 49)
        #expect(sortedValues(points, "x") == (0..<7).map { Double($0) + 0.5 })
        let ys = sortedValues(points, "y")
        #expect(ys.count == 7)
        for (i, y) in ys.enumerated() { #expect(abs(y - (-1 + (Double(i) + 0.5) * 2 / 7)) < 1e-12) }
        // The exact lattice: every (x, y) pair once.
        for x in sortedValues(points, "x") {
            #expect(points.filter { $0["x"] == x }.count == 7)
        }
    }

    @Test func extraPointsGoToLeadingDimensions() throws {
        let two = try grid(["x": .uniform("x", 0, 1), "y": .uniform("y", 0, 1)], budget: 60)
        #expect(two.resolution == [8, 7])
        #expect(drain(two).count == 56)
        let three = try grid(["a": .uniform("a", 0, 1), "b": .uniform("b", 0, 1), "c": .uniform("c", 0, 1)], budget: 100)
        #expect(three.resolution == [5, 5, 4])
        #expect(three.planDescription == "grid 5×5×4 = 100 points for budget 100")
        let one = try grid(["a": .uniform("a", 0, 1)], budget: 13)
        #expect(one.resolution == [13])
    }

    @Test func integerDimensionsCapAndTheRestGoesToContinuous() throws {
        // randint(3) is categorical (3), uniformint(1, 4) has n = 4 < k, x takes the rest.
        let search = try grid(["c": .randint("c", 3), "i": .uniformint("i", 1, 4), "x": .uniform("x", 0, 1)], budget: 100)
        // k = 8: 3·4·8 = 96 ≤ 100 < 3·4·9; no extra fits.
        #expect(search.resolution == [3, 4, 8])
        let points = drain(search)
        #expect(points.count == 96 && Set(points).count == 96)
        #expect(sortedValues(points, "i") == [1, 2, 3, 4])
        #expect(sortedValues(points, "c") == [0, 1, 2])
    }

    @Test func quantizedDimensionsSnapAndDeduplicate() throws {
        // uniformint(1, 10) with k = 5: five distinct integers, never two centres on one value.
        let five = drain(try grid(["i": .uniformint("i", 1, 10)], budget: 5))
        #expect(five.count == 5 && Set(five).count == 5)
        // k = 9 < n = 10: still 9 distinct values (centres of [1, 10] snapped half to even would give 5).
        let nine = try grid(["i": .uniformint("i", 1, 10)], budget: 9)
        #expect(nine.resolution == [9])
        #expect(Set(drain(nine)).count == 9)
        // quniform(0, 1, 0.1): 11 lattice values; the budget is larger, so all of them and stop.
        let q = try grid(["q": .quniform("q", 0, 1, 0.1)], budget: 100)
        #expect(q.resolution == [11])
        #expect(q.plan.isComplete)
        let qs = sortedValues(drain(q), "q")
        #expect(qs.count == 11)
        for (i, v) in qs.enumerated() { #expect(abs(v - Double(i) * 0.1) < 1e-12) }
        // quniform(1, 10, 4) is hyperopt's {0, 4, 8}.
        #expect(sortedValues(drain(try grid(["q": .quniform("q", 1, 10, 4)], budget: 10)), "q") == [0, 4, 8])
        // qloguniform snaps log-spaced points; where several would snap to one value near the
        // low end they take the next values up instead, so no budget is lost.
        let ql = try grid(["v": .qloguniform("v", 0, log(1000), 1)], budget: 200)
        let values = drain(ql)
        #expect(ql.resolution == [200])
        #expect(values.count == 200 && Set(values).count == 200)
        let vs = sortedValues(values, "v")
        #expect(Array(vs.prefix(5)) == [1, 2, 3, 4, 5])
        #expect(vs.last! <= 1000)
        let space = try SearchSpace(["v": .qloguniform("v", 0, log(1000), 1)])
        for point in values { try space.validate(point) }
        // qnormal(0, 1, 1): the central 99.7% holds -3...3 (7 values); 5 centres, all distinct.
        let qn = try grid(["n": .qnormal("n", 0, 1, 1)], budget: 5)
        let ns = sortedValues(drain(qn), "n")
        #expect(ns.count == 5 && ns.allSatisfy { $0 >= -3 && $0 <= 3 && $0 == $0.rounded() })
        #expect(try grid(["n": .qnormal("n", 0, 1, 1)], budget: 50).resolution == [7])
    }

    @Test func logDimensionsAreGeometric() throws {
        let search = try grid(["c": .loguniform("c", log(1e-3), log(1e3))], budget: 7)
        let cs = sortedValues(drain(search), "c")
        #expect(cs.count == 7)
        for i in 1..<cs.count { #expect(abs(cs[i] / cs[i - 1] - cs[1] / cs[0]) < 1e-9) }
        // Cell centres: the first point is half a cell above the lower bound, in log space.
        #expect(abs(log(cs[0]) - (log(1e-3) + 0.5 * (log(1e3) - log(1e-3)) / 7)) < 1e-12)
        let ends = sortedValues(drain(try grid(["c": .loguniform("c", log(1e-3), log(1e3))], budget: 7, placement: .endpoints)), "c")
        #expect(abs(ends[0] - 1e-3) < 1e-15 && abs(ends[6] - 1e3) < 1e-9)
        #expect(abs(ends[3] - 1) < 1e-12)
    }

    @Test func endpointsPlacementIncludesBothBounds() throws {
        let search = try grid(["x": .uniform("x", -5, 5)], budget: 11, placement: .endpoints)
        #expect(sortedValues(drain(search), "x") == (0...10).map { Double($0) - 5 })
        let one = drain(try grid(["x": .uniform("x", -5, 5), "c": .randint("c", 5)], budget: 5, placement: .endpoints))
        #expect(sortedValues(one, "x") == [0])
    }

    @Test func choicesAreEnumeratedFully() throws {
        let space: Space = ["name": .choice("name", ["alice", "bob", "carol"]), "w": .pchoice("w", [(0.9, "a"), (0.1, "b")]), "x": .uniform("x", 0, 1)]
        let search = try grid(space, budget: 30)
        #expect(search.resolution == [3, 2, 5])
        let points = drain(search)
        #expect(points.count == 30 && Set(points).count == 30)
        #expect(sortedValues(points, "name") == [0, 1, 2])
        #expect(sortedValues(points, "w") == [0, 1])
        let compiled = try SearchSpace(space)
        for point in points {
            try compiled.validate(point)
            #expect(point.labels == ["name", "w", "x"])
        }
    }

    @Test func unboundedKindsStayInsideTheCentral997Percent() throws {
        let space: Space = [
            "n": .normal("n", 1, 2), "ln": .lognormal("ln", 0, 1),
            "qn": .qnormal("qn", 0, 3, 1), "qln": .qlognormal("qln", 2, 0.5, 0.5),
        ]
        let compiled = try SearchSpace(space)
        for placement in GridSearch.Placement.allCases {
            let points = drain(try grid(space, budget: 300, placement: placement))
            #expect(!points.isEmpty && Set(points).count == points.count)
            let z = NormalDistribution.quantile(0.9985)
            for point in points {
                try compiled.validate(point)
                #expect(abs(point["n"]! - 1) <= 2 * z + 1e-9)
                #expect(abs(log(point["ln"]!)) <= z + 1e-9)
                #expect(abs(point["qn"]!) <= 3 * z + 0.5)
                #expect(point["qln"]! >= exp(2 - 0.5 * z) - 0.25 && point["qln"]! <= exp(2 + 0.5 * z) + 0.25)
            }
            if placement == .centres {
                // Quantile centres are symmetric about the mean.
                let ns = sortedValues(points, "n")
                #expect(abs(ns.first! + ns.last! - 2) < 1e-9)
            }
        }
        // One point: the median.
        #expect(drain(try grid(["n": .normal("n", 3, 2)], budget: 1)) == [["n": 3]])
    }

    @Test func conditionalSpaceSplitsTheBudgetInProportion() throws {
        let space: Space = [
            "clf": .choice("clf", [
                ["kind": "svm", "C": .uniform("C", 0, 10), "g": .uniform("g", 0, 1)],
                ["kind": "knn", "k": .uniformint("k", 1, 50)],
                ["kind": "none"],
            ]),
        ]
        let search = try grid(space, budget: 60)
        let branches = search.plan.branches
        #expect(branches.map(\.choices) == [["clf": 0], ["clf": 1], ["clf": 2]])
        #expect(branches.map(\.labels) == [["C", "g"], ["k"], []])
        // Alone: svm 8×7 = 56, knn 50, none 1. Floors 1 each; 57 split 55 : 49 : 0 → 30, 27, 0
        // (largest remainder to knn); svm at 31 → 6×5 = 30, knn 28, none 1; the unspent 1 → knn 29.
        #expect(branches.map(\.resolution) == [[6, 5], [29], []])
        #expect(search.plan.pointCount == 60)
        #expect(search.planDescription == "grid over 3 branches, 60 points for budget 60: clf=0 6×5 = 30; clf=1 29 = 29; clf=2 1 = 1")
        let points = drain(search)
        #expect(points.count == 60 && Set(points).count == 60)
        let compiled = try SearchSpace(space)
        for point in points {
            try compiled.validate(point)
            #expect(point.labels == compiled.activeLabels(in: point))
        }
        #expect(points.filter { $0["clf"] == 0 }.count == 30)
        #expect(points.filter { $0["clf"] == 2 } == [["clf": 2]])
    }

    @Test func nestedConditionalsAreGriddedPerBranch() throws {
        let space: Space = [
            "lr": .loguniform("lr", -5, 0),
            "a": .choice("a", [
                ["x": .uniform("x", 0, 1)],
                ["b": .choice("b", [["y": .uniform("y", 0, 1)], ["z": .uniformint("z", 1, 3), "t": .choice("t", ["p", "q"])]])],
            ]),
        ]
        let compiled = try SearchSpace(space)
        let search = try grid(space, budget: 100)
        #expect(search.plan.branches.map(\.choices) == [["a": 0], ["a": 1, "b": 0], ["a": 1, "b": 1]])
        #expect(search.plan.branches.map(\.labels) == [["lr", "x"], ["lr", "y"], ["lr", "z", "t"]])
        let points = drain(search)
        #expect(points.count == search.plan.pointCount && points.count <= 100 && points.count >= 95)
        #expect(Set(points).count == points.count)
        for point in points {
            try compiled.validate(point)
            #expect(point.labels == compiled.activeLabels(in: point))
        }
        for choices in search.plan.branches.map(\.choices) {
            #expect(points.contains { p in choices.allSatisfy { p[$0.label] == $0.value } })
        }
        // Fewer points than branches: a seeded part of the coarsest grids, each point valid.
        let tiny = try grid(space, budget: 2)
        #expect(tiny.plan.isPartial && tiny.plan.pointCount == 2)
        let few = drain(tiny)
        #expect(few.count == 2 && Set(few).count == 2)
        for point in few { try compiled.validate(point) }
        // As many points as branches: one each.
        let three = try grid(space, budget: 3)
        #expect(three.plan.branches.map(\.taken) == [1, 1, 1])
    }

    @Test func seedsChangeTheOrderButNotTheSet() throws {
        let space: Space = ["x": .uniform("x", 0, 1), "c": .choice("c", ["a", "b"]), "i": .uniformint("i", 0, 5)]
        let a = drain(try grid(space, budget: 40, seed: 1))
        let b = drain(try grid(space, budget: 40, seed: 2))
        let again = drain(try grid(space, budget: 40, seed: 1))
        #expect(a == again)
        #expect(a != b)
        #expect(Set(a) == Set(b))
        // base 2; k = 4 (2·4·4 = 32), then x grows to 5 (40).
        #expect(try grid(space, budget: 40).resolution == [5, 2, 4])
        #expect(a.count == 40)
    }

    @Test func aGridSmallerThanTheBudgetStopsWithExhausted() throws {
        let space: Space = ["c": .choice("c", ["a", "b", "c"]), "i": .uniformint("i", 1, 4)]
        var trials = Trials()
        let result = try fmin({ point in Double(point["i"]!.int!) }, space: space, algorithm: .grid, maxEvals: 100, trials: &trials, seed: 3)
        #expect(result.stopReason == .exhausted)
        #expect(trials.count == 12)
        #expect(Set(trials.trials.map(\.assignment)).count == 12)
        #expect(result.plan == "grid 3×4 = 12 points, fewer than budget 100 (every value enumerated)")
        #expect(result.best?.loss == 1)
    }

    @Test func aGridLargerThanTheBudgetIsPartial() throws {
        let space: Space = ["a": .randint("a", 10), "b": .randint("b", 10), "x": .uniform("x", 0, 1)]
        let search = try grid(space, budget: 50)
        #expect(search.plan.isPartial)
        #expect(search.planDescription == "partial grid: 50 of 10×10×1 = 100 points (shuffled) for budget 50")
        let points = drain(search)
        #expect(points.count == 50 && Set(points).count == 50)
        #expect(points.allSatisfy { $0["x"] == 0.5 })
        var trials = Trials()
        let result = try fmin({ _ in 0.0 }, space: space, algorithm: .grid, maxEvals: 50, trials: &trials, seed: 9)
        #expect(result.stopReason == .maxEvals && trials.count == 50)
        // Beyond 2^20 points the prefix is drawn without shuffling the whole index list.
        let huge = try grid(["a": .randint("a", 2000), "b": .randint("b", 2000)], budget: 100)
        let hugePoints = drain(huge)
        #expect(huge.plan.isPartial && hugePoints.count == 100 && Set(hugePoints).count == 100)
        #expect(hugePoints == drain(try grid(["a": .randint("a", 2000), "b": .randint("b", 2000)], budget: 100)))
    }

    @Test func resumingSkipsPointsAlreadyInTheHistory() throws {
        let space: Space = ["x": .uniform("x", 0, 1), "y": .uniform("y", 0, 1)]
        var trials = Trials()
        let first = try fmin(
            { p in p["x"]!.double! }, space: space, algorithm: .grid, maxEvals: 50, trials: &trials, seed: 5,
            options: FMinOptions(earlyStop: { $0.count >= 20 }))
        #expect(first.stopReason == .earlyStop && trials.count == 20)
        let second = try fmin({ p in p["x"]!.double! }, space: space, algorithm: .grid, maxEvals: 50, trials: &trials, seed: 5)
        #expect(second.stopReason == .exhausted)
        #expect(trials.count == 49)
        #expect(Set(trials.trials.map(\.assignment)).count == 49)
    }

    @Test func budgetZeroProposesNothing() throws {
        let search = try grid(["x": .uniform("x", 0, 1)], budget: 0)
        #expect(drain(search).isEmpty)
    }

    @Test func apportionSplitsByLargestRemainder() {
        #expect(GridSearch.apportion(57, weights: [55, 49, 0]) == [30, 27, 0])
        #expect(GridSearch.apportion(10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(GridSearch.apportion(0, weights: [3, 4]) == [0, 0])
        #expect(GridSearch.apportion(5, weights: [Int.max, Int.max]) == [3, 2])
    }

    @Test func optionsDecodeAndRejectUnknownKeysAndValues() throws {
        #expect(try GridSearch.Options.decode(from: [:]) == GridSearch.Options())
        #expect(try GridSearch.Options.decode(from: ["placement": "endpoints"]).placement == .endpoints)
        #expect(GridSearch.Options().record == ["placement": "centres"])
        do {
            _ = try GridSearch.Options.decode(from: ["placement": "centers"])
            Issue.record("an unknown placement was accepted")
        } catch {
            guard case .invalidOption(let name, let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(name == "placement")
            #expect(message.contains("centres, endpoints"))
            #expect(message.contains("centers"))
        }
        do {
            _ = try GridSearch.Options.decode(from: ["placment": "centres"])
            Issue.record("an unknown key was accepted")
        } catch {
            guard case .invalidOption(let name, let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(name == "placment")
            #expect(message.contains("placement"))
        }
        #expect(throws: SuggesterError.self) { try GridSearch.Options.decode(from: ["placement": 3]) }
        let algorithm = try Algorithm.named("grid", options: ["placement": "endpoints"])
        #expect(algorithm.options == ["placement": "endpoints"])
        #expect(GridSearch.capabilities == [.conditionalSpaces, .needsFiniteSpace, .budgetAware, .deterministic])
    }
}
