import Foundation
import GSLKit
import Testing
@testable import Parzen

/// Known answers from the spec's §2.10 test vectors; full-precision references were computed
/// with hyperopt 0.3.0's own functions (`hyperopt.tpe.adaptive_parzen_normal`, `GMM1_lpdf`,
/// `LGMM1_lpdf`, `linear_forgetting_weights`).
@Suite struct TPEKnownAnswerTests {
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        a == b || abs(a - b) <= relative * max(abs(a), abs(b))
    }

    static func allClose(_ a: [Double], _ b: [Double], relative: Double = 1e-9) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { close($0, $1, relative: relative) }
    }

    // MARK: Split

    @Test(arguments: [(16, 1), (17, 2), (20, 2), (64, 2), (65, 3), (100, 3), (144, 3), (145, 4), (1000, 8), (9216, 24), (9217, 25), (10000, 25)])
    func splitSizes(n: Int, expected: Int) {
        #expect(TPE.belowCount(n, gamma: 0.25) == expected)
    }

    @Test func splitSizeClosedForm() {
        // n_below = k exactly for 16(k−1)² < N ≤ 16k², up to the cap of 25.
        for n in 1...10_000 {
            let k = TPE.belowCount(n, gamma: 0.25)
            #expect(16 * (k - 1) * (k - 1) < n && (n <= 16 * k * k || k == 25), "N = \(n)")
        }
    }

    @Test func goodSetBreaksTiesByIdAndPutsNaNLast() {
        let losses: [Double] = [3, .infinity, 1, .nan, 1, 0.5, 2]
        let ids = [0, 1, 2, 3, 4, 5, 6]
        #expect(TPE.goodSet(losses: losses, ids: ids, count: 2) == [false, false, true, false, false, true, false])
        #expect(TPE.goodSet(losses: losses, ids: ids, count: 3) == [false, false, true, false, true, true, false])
        // Ids, not positions, break ties.
        #expect(TPE.goodSet(losses: [1, 1], ids: [9, 4], count: 1) == [false, true])
        #expect(TPE.goodSet(losses: losses, ids: ids, count: 6) == [true, true, true, false, true, true, true])
        #expect(TPE.goodSet(losses: losses, ids: ids, count: 0) == Array(repeating: false, count: 7))
    }

    @Test func failedAndPendingTrialsCountAsInfinityInTheSplit() {
        // The spec's instrumented run: N = 23 with 2 failed trials gives n_below = 2, and the
        // failed ones appear as +∞.
        var trials = Trials()
        for id in 0..<23 {
            let failed = id == 3 || id == 11
            trials.append(Trial(
                id: id, assignment: ["x": Double(id)], status: failed ? .fail : .ok, loss: failed ? nil : Double(30 - id)))
        }
        let rows = TPE.historyRows(trials, ignoreFailed: false)
        #expect(rows.positions.count == 23)
        #expect(rows.losses[3] == .infinity && rows.losses[11] == .infinity)
        #expect(TPE.belowCount(rows.positions.count, gamma: 0.25) == 2)
        let ignoring = TPE.historyRows(trials, ignoreFailed: true)
        #expect(ignoring.positions.count == 21)
        #expect(!ignoring.ids.contains(3) && !ignoring.ids.contains(11))
    }

    // MARK: Adaptive Parzen estimator

    @Test func estimatorFourObservations() {
        let e = ParzenEstimator(observations: [7, 1, 2.5, 2], priorMean: 5, priorSigma: 10, priorWeight: 1)
        #expect(Self.allClose(e.weights, [0.2, 0.2, 0.2, 0.2, 0.2]))
        #expect(e.means == [1, 2, 2.5, 5, 7])
        #expect(Self.allClose(e.sigmas, [1.6666666666666667, 1.6666666666666667, 2.5, 10, 2]))
        #expect(e.priorIndex == 3)
    }

    @Test func estimatorOneObservationEitherSideOfThePrior() {
        let below = ParzenEstimator(observations: [3], priorMean: 5, priorSigma: 10, priorWeight: 1)
        #expect(below.weights == [0.5, 0.5] && below.means == [3, 5] && below.sigmas == [5, 10] && below.priorIndex == 1)
        let above = ParzenEstimator(observations: [7], priorMean: 5, priorSigma: 10, priorWeight: 1)
        #expect(above.weights == [0.5, 0.5] && above.means == [5, 7] && above.sigmas == [10, 5] && above.priorIndex == 0)
        // A tie puts the observation first.
        let tie = ParzenEstimator(observations: [5], priorMean: 5, priorSigma: 10, priorWeight: 1)
        #expect(tie.priorIndex == 1 && tie.sigmas == [5, 10])
    }

    @Test func estimatorNoObservationsIsThePrior() {
        let e = ParzenEstimator(observations: [], priorMean: 5, priorSigma: 10, priorWeight: 1)
        #expect(e.weights == [1] && e.means == [5] && e.sigmas == [10] && e.priorIndex == 0)
    }

    @Test func estimatorPriorGoesLeftOfEqualObservationsAndWeightIsPriorWeight() {
        let e = ParzenEstimator(observations: [5, 5, 9], priorMean: 5, priorSigma: 10, priorWeight: 2)
        #expect(e.priorIndex == 0)
        #expect(e.means == [5, 5, 5, 9])
        #expect(Self.allClose(e.weights, [0.4, 0.2, 0.2, 0.2]))
        // σ_min = 10/5 = 2: the zero gaps are clipped up; the prior keeps σ_p.
        #expect(Self.allClose(e.sigmas, [10, 2, 4, 4]))
    }

    @Test func estimatorWithLinearForgetting() {
        // 28 observations: the three oldest get linspace(1/28, 1, 3); reference from hyperopt.
        let observations = (0..<28).map { Double(($0 * 7919) % 97) / 10 }
        let e = ParzenEstimator(observations: observations, priorMean: 5, priorSigma: 10, priorWeight: 1)
        let full = 0.03629293583927414
        var weights = [Double](repeating: full, count: 29)
        weights[0] = 0.0012961762799740765  // observation 0 (value 0.0, the oldest)
        weights[19] = 0.01879455605962411  // observation 1 (value 6.2)
        #expect(Self.allClose(e.weights, weights))
        #expect(e.means == [0.0, 0.3, 0.6, 1.1, 1.4, 1.9, 2.2, 2.5, 2.7, 3.0, 3.3, 3.8, 4.1, 4.6, 4.9, 5.0, 5.4, 5.7, 6.0, 6.2, 6.5, 6.8, 7.3, 7.6, 8.1, 8.4, 8.9, 9.2, 9.5])
        let third = 0.3333333333333333, half = 0.5
        let sigmas = [third, third, 0.5000000000000001, 0.5000000000000001, half, half, third, third, third, third, half, half, half, half, third, 10.0, 0.40000000000000036, third, third, third, third, half, half, half, half, half, half, third, third]
        #expect(Self.allClose(e.sigmas, sigmas))
        #expect(e.priorIndex == 15)
    }

    // MARK: Linear forgetting

    @Test func forgettingWeights() {
        #expect(ParzenEstimator.linearForgettingWeights(count: 0) == [])
        #expect(ParzenEstimator.linearForgettingWeights(count: 25) == Array(repeating: 1, count: 25))
        let w26 = ParzenEstimator.linearForgettingWeights(count: 26)
        #expect(w26.count == 26 && Self.close(w26[0], 0.038461538461538464) && w26[1...].allSatisfy { $0 == 1 })
        let w28 = ParzenEstimator.linearForgettingWeights(count: 28)
        #expect(Self.allClose(Array(w28[0..<4]), [0.03571428571428571, 0.5178571428571429, 1, 1]))
        #expect(w28[3...].allSatisfy { $0 == 1 })
        let w30 = ParzenEstimator.linearForgettingWeights(count: 30)
        #expect(Self.allClose(Array(w30[0..<5]), [0.03333333333333333, 0.275, 0.5166666666666667, 0.7583333333333333, 1.0]))
    }

    // MARK: Log-densities

    @Test func gmm1TruncatedLogDensity() {
        let m = GaussianMixture(family: .gaussian, weights: [0.5, 0.5], means: [2, 5], sigmas: [1, 10], bounds: (0, 10))
        let got = [0.5, 2, 9.9].map(m.logDensity)
        #expect(Self.allClose(got, [-2.105972663780348, -1.13524981863109, -3.649186840187941]))
        #expect(Self.allClose(got, [-2.105973, -1.135250, -3.649187], relative: 1e-6))
    }

    @Test func gmm1TruncatedQuantizedLogMass() {
        let m = GaussianMixture(family: .gaussian, weights: [0.5, 0.5], means: [2, 5], sigmas: [1, 10], bounds: (0, 10), quantum: 1)
        let got = [0, 2, 10].map(m.logDensity)
        #expect(Self.allClose(got, [-3.090256298230531, -1.1726186874117177, -4.335177182537695]))
    }

    @Test func gmm1UnboundedLogDensities() {
        let m = GaussianMixture(family: .gaussian, weights: [0.3, 0.7], means: [0, 2], sigmas: [1, 3])
        #expect(Self.allClose([-3, 0.5, 7].map(m.logDensity), [-3.7074146990095005, -1.6725471926270468, -3.76311465458234]))
        let q = GaussianMixture(family: .gaussian, weights: [0.3, 0.7], means: [0, 2], sigmas: [1, 3], quantum: 0.5)
        #expect(Self.allClose([-3, 0.5, 7].map(q.logDensity), [-4.394071695642203, -2.370451216788039, -4.454208721364167]))
    }

    @Test func lgmm1TruncatedLogDensityHasNoAcceptanceDivision() {
        let m = GaussianMixture(family: .logNormal, weights: [0.5, 0.5], means: [-2, -3.45], sigmas: [1, 6.9], bounds: (log(1e-3), 0))
        let got = [0.01, 0.1, 1].map(m.logDensity)
        #expect(Self.allClose(got, [1.2586674351820533, 0.7841633477745332, -2.9467999584045725]))
        #expect(m.acceptance < 1)  // computed, but not used without q
    }

    @Test func lgmm1TruncatedQuantizedLogMass() {
        let m = GaussianMixture(family: .logNormal, weights: [0.5, 0.5], means: [1, 2], sigmas: [1, 4], bounds: (0, log(100)), quantum: 1)
        #expect(Self.allClose([1, 2, 10].map(m.logDensity), [-2.1141442837230784, -1.6756327328354421, -3.8520904329291294]))
    }

    @Test func lgmm1UnboundedLogDensities() {
        let m = GaussianMixture(family: .logNormal, weights: [0.3, 0.7], means: [0, 1], sigmas: [1, 0.5])
        #expect(Self.allClose([0.5, 1.5, 4].map(m.logDensity), [-1.650972247456422, -1.3582345540229386, -2.1624133418483793]))
        let q = GaussianMixture(family: .logNormal, weights: [0.3, 0.7], means: [0, 1], sigmas: [1, 0.5], quantum: 1)
        #expect(Self.allClose([0, 1, 4].map(q.logDensity), [-2.610734799595658, -1.580882559953031, -2.149067355197509]))
    }

    @Test func windowedEvaluationMatchesTheFullSum() {
        // A g(x)-sized estimator: the windowed density must equal a plain sum over all components.
        let rng = MersenneTwister(seed: 7)
        let observations = (0..<1500).map { _ in rng.uniform() < 0.7 ? rng.gaussian(mean: 1, sd: 0.3) : rng.uniform(-5, 10) }
            .map { min(max($0, -5), 9.999) }
        let e = ParzenEstimator(observations: observations, priorMean: 2.5, priorSigma: 15, priorWeight: 1)
        let m = GaussianMixture(e, family: .gaussian, bounds: (-5, 10), quantum: nil)
        let q = GaussianMixture(e, family: .gaussian, bounds: (-5, 10), quantum: 0.1)
        let plain = GaussianMixture(family: .gaussian, weights: e.weights, means: e.means, sigmas: e.sigmas, bounds: (-5, 10))
        let plainQ = GaussianMixture(family: .gaussian, weights: e.weights, means: e.means, sigmas: e.sigmas, bounds: (-5, 10), quantum: 0.1)
        for x in stride(from: -5.0, through: 10, by: 0.37) {
            #expect(abs(m.logDensity(x) - plain.logDensity(x)) < 1e-9, "x = \(x)")
            let xq = x.quantized(by: 0.1)
            #expect(abs(q.logDensity(xq) - plainQ.logDensity(xq)) < 1e-9, "x = \(xq)")
        }
    }

    /// The largest relative error of a vector exponential against libm's over [−708, 0].
    static func worstRelativeError(_ vectorExp: (SIMD4<Double>) -> SIMD4<Double>, step: Double) -> Double {
        var x = -708.0
        var worst = 0.0
        while x <= 0 {
            let v = vectorExp(SIMD4(x, x / 3, x / 7, x / 1000))
            for (i, d) in [1.0, 3, 7, 1000].enumerated() {
                let reference = exp(x / d)
                worst = max(worst, abs(v[i] - reference) / reference)
            }
            x += step
        }
        return worst
    }

    @Test func vectorExpMatchesLibmOnTheNegativeRange() {
        let worst = Self.worstRelativeError(negativeExp, step: 0.173)
        #expect(worst < 1e-15, "worst relative error \(worst)")
    }

    @Test func roughVectorExpStaysWithinItsStatedError() {
        // The branch-and-bound margin (1e-7) relies on this error (stated as 1.1e-8).
        let worst = Self.worstRelativeError(roughNegativeExp, step: 0.0173)
        #expect(worst < 1.1e-8 && worst > 1e-12, "worst relative error \(worst)")
    }

    @Test func stableOrderIsAStableArgsort() {
        let rng = MersenneTwister(seed: 12)
        for n in [0, 1, 5, 32, 33, 500] {
            // Many ties and both signs.
            let values = (0..<n).map { _ in Double(rng.uniformInt(below: 40)) / 4 - 5 }
            let order = values.withUnsafeBufferPointer { stableOrder($0) }.map { Int($0) }
            let expected = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            #expect(order == expected, "n = \(n)")
        }
        // Spread-out values (one per bucket), heavily skewed ones (crowded buckets), and signed
        // zeros, which are equal (as NumPy compares them): ties by position.
        let spread = (0..<1000).map { _ in rng.uniform() * 7 - 3 }
        let skewed = (0..<1000).map { _ in exp(rng.uniform() * 40) }
        let zeros: [Double] = (0..<200).map { (i: Int) -> Double in
            switch i % 3 {
            case 0: return -0.0
            case 1: return 0.0
            default: return Double(i % 7) - 3
            }
        }
        for values in [spread, skewed, zeros, Array(zeros.prefix(30))] {
            let order = values.withUnsafeBufferPointer { stableOrder($0) }.map { Int($0) }
            let expected = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            #expect(order == expected)
        }
    }

    // MARK: Categorical

    @Test func categoricalPseudoCounts() {
        let choice = CategoricalPosterior(observations: [0, 0], count: 3, prior: nil, priorWeight: 1)
        #expect(Self.allClose(choice.probabilities, [0.6, 0.2, 0.2]))
        let pchoice = CategoricalPosterior(observations: [1], count: 2, prior: [0.2, 0.8], priorWeight: 1)
        #expect(Self.allClose(pchoice.probabilities, [0.4 / 3, 2.6 / 3]))
        #expect(Self.allClose(pchoice.logProbabilities, [log(0.4 / 3), log(2.6 / 3)]))
    }

    @Test func categoricalCountsUseForgettingWeights() {
        // 27 observations: the oldest two weigh linspace(1/27, 1, 2) = [1/27, 1], the rest 1.
        // The oldest is category 1, all others category 0: c = [26, 1/27], plus 1 each.
        let observations: [Double] = [1] + Array(repeating: 0, count: 26)
        let p = CategoricalPosterior(observations: observations, count: 2, prior: nil, priorWeight: 1)
        let total = 27 + (1 + 1.0 / 27)
        #expect(Self.allClose(p.probabilities, [27 / total, (1 + 1.0 / 27) / total]))
    }
}
