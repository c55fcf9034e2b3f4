import Testing
@testable import ParzenBench

// Reference values are hand-computed from the definitions (documented per test).
@Suite struct StatisticsRuntimeECDFTests {
    @Test func cocoTargets() {
        let targets = RuntimeECDF.logSpacedTargets()
        #expect(targets.count == 51)
        #expect(targets.first == 1e2 && targets.last == 1e-8)
        #expect(abs(targets[1] - 63.095734448019336) < 1e-9)  // 10^1.8
        #expect(abs(targets[10] - 1) < 1e-12)                  // 10^0
        #expect(zip(targets, targets.dropFirst()).allSatisfy { $0 > $1 })
        #expect(RuntimeECDF.logSpacedTargets(high: 1, low: 1e-2, count: 3).map { ($0 * 1e6).rounded() / 1e6 } == [1, 0.1, 0.01])
    }

    @Test func hittingEvaluations() {
        // regrets after 1…6 evaluations (not yet best-so-far: the curve takes the running minimum)
        let curve = RuntimeECDF.Curve(regrets: [5, 3, 4, 0.5, 0.5, 1e-3])
        #expect(curve.regrets == [5, 3, 3, 0.5, 0.5, 1e-3])
        #expect(curve.hittingEvaluation(of: 10) == 1)
        #expect(curve.hittingEvaluation(of: 3) == 2)
        #expect(curve.hittingEvaluation(of: 1) == 4)
        #expect(curve.hittingEvaluation(of: 1e-3) == 6)
        #expect(curve.hittingEvaluation(of: 1e-4) == nil)
        // checkpoints and leading NaN (nothing valid yet)
        let sparse = RuntimeECDF.Curve(evaluations: [10, 20, 50], regrets: [.nan, 2, 0])
        #expect(sparse.hittingEvaluation(of: 100) == 20)
        #expect(sparse.hittingEvaluation(of: 1e-300) == 50)
    }

    @Test func fractionOfProblemTargetRunTriples() {
        // Problem A, targets {1, 0.1}, two runs:
        //   run 1 hits 1 at 2 and 0.1 at 4; run 2 hits 1 at 3, never 0.1.
        // Problem B, targets {10}, one run hitting it at 1.
        // At e: A = (#hits by e)/4, B = (#hits)/1, ECDF = (A + B)/2:
        //   e=1: (0 + 1)/2 = 0.5;  e=2: (1/4 + 1)/2 = 0.625;  e=3: (2/4 + 1)/2 = 0.75;
        //   e=4…: (3/4 + 1)/2 = 0.875;  e=0: 0.
        let a = RuntimeECDF.Problem(targets: [1, 0.1], runs: [
            RuntimeECDF.Curve(regrets: [2, 1, 0.5, 0.1, 0.1]),
            RuntimeECDF.Curve(regrets: [3, 2, 0.9, 0.9, 0.2]),
        ])
        let b = RuntimeECDF.Problem(targets: [10], runs: [RuntimeECDF.Curve(regrets: [4])])
        let fractions = RuntimeECDF.fractionReached(problems: [a, b], at: [0, 1, 2, 3, 4, 100])
        let expected = [0, 0.5, 0.625, 0.75, 0.875, 0.875]
        for (value, reference) in zip(fractions, expected) { #expect(abs(value - reference) < 1e-12) }
    }

    @Test func defaultTargetsReachedByAnExactOptimum() {
        // Regret 0 reaches all 51 targets; regret 1e-3 reaches the 26 targets 10²…10⁻³.
        let exact = RuntimeECDF.Problem(runs: [RuntimeECDF.Curve(regrets: [200, 0])])
        let close = RuntimeECDF.Problem(runs: [RuntimeECDF.Curve(regrets: [200, 1e-3])])
        #expect(RuntimeECDF.fractionReached(problems: [exact], at: [1, 2]) == [0, 1])
        let value = RuntimeECDF.fractionReached(problems: [close], at: [2])[0]
        #expect(abs(value - 26.0 / 51) < 1e-12)
    }
}

@Suite struct RuntimeECDFHitsTests {
    @Test func hitsGiveTheFractionsInAnyOrderOfCounts() {
        let problems = [
            RuntimeECDF.Problem(targets: [1, 0.1], runs: [RuntimeECDF.Curve(regrets: [2, 1, 0.5, 0.1]), RuntimeECDF.Curve(regrets: [3, 3, 3, 0.05])]),
            RuntimeECDF.Problem(targets: [5], runs: [RuntimeECDF.Curve(evaluations: [2, 4], regrets: [6, 4])]),
        ]
        let hits = problems.map { RuntimeECDF.Hits(runs: $0.runs, targets: $0.targets) }
        #expect(hits[0].evaluations == [2, 4] && hits[0].counts == [1, 3] && hits[0].pairs == 4)
        #expect(hits[0].reached(at: [1, 2, 3, 4, 9]) == [0, 1, 1, 4, 4])
        let ascending = RuntimeECDF.fractions(hits, at: [1, 2, 3, 4])
        #expect(ascending == [0, 0.125, 0.125, 1])
        #expect(RuntimeECDF.fractionReached(problems: problems, at: [4, 1, 3, 2]) == [ascending[3], ascending[0], ascending[2], ascending[1]])
    }
}
