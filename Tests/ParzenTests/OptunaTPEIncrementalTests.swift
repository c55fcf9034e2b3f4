import Foundation
import GSLKit
import Testing
@testable import Parzen

/// The shortcuts of `tpe-optuna` change no bit: the *above* estimator extended by one observation
/// equals the one built anew, a suggester that follows a search proposes what a new one proposes on
/// the same history, and the lane-wise log-sum-exp equals the plain loops.
@Suite struct OptunaTPEIncrementalTests {
    static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    static func same(_ a: OptunaParzenEstimator, _ b: OptunaParzenEstimator) -> Bool {
        guard sameBits(a.weights, b.weights) && sameBits(a.logWeights, b.logWeights) && a.kernels.count == b.kernels.count else {
            return false
        }
        return zip(a.kernels, b.kernels).allSatisfy { x, y in
            sameBits(x.mus, y.mus) && sameBits(x.sigmas, y.sigmas) && sameBits(x.inverseSigmas, y.inverseSigmas)
                && sameBits(x.logNormalizers, y.logNormalizers) && sameBits(x.rows, y.rows) && sameBits(x.logRows, y.logRows)
        }
    }

    static let dimensions: [OptunaTPE.Dimension] = [
        .init(kind: .continuous, low: -5, high: 10, isLog: false),
        .init(kind: .continuous, low: 1e-4, high: 1, isLog: true),
        .init(kind: .discrete(step: 1), low: 1, high: 12, isLog: false),
        .init(kind: .discrete(step: 1), low: 1, high: 64, isLog: true),
        .init(kind: .discrete(step: 0.5), low: 0, high: 5, isLog: false),
        .init(kind: .categorical(count: 3), low: 0, high: 2, isLog: false),
    ]

    /// A value of `dimension`, often on a few values only (ties) and now and then on a bound.
    static func value(_ dimension: OptunaTPE.Dimension, _ rng: MersenneTwister) -> Double {
        switch dimension.kind {
        case .categorical(let count):
            return Double(rng.uniformInt(below: count))
        case .discrete(let step):
            let cells = Int(((dimension.high - dimension.low) / step).rounded()) + 1
            return dimension.low + Double(rng.uniformInt(below: cells)) * step
        case .continuous:
            let u = rng.uniform()
            if u < 0.05 { return dimension.low }
            if u < 0.1 { return dimension.high }
            if u < 0.3 { return dimension.low + Double(rng.uniformInt(below: 4)) * (dimension.high - dimension.low) / 3 }
            return dimension.isLog ? exp(log(dimension.low) + rng.uniform() * (log(dimension.high) - log(dimension.low)))
                : dimension.low + rng.uniform() * (dimension.high - dimension.low)
        }
    }

    static func orders(_ columns: [[Double]]) -> [[Int]] {
        columns.map { column in column.indices.sorted { column[$0] < column[$1] || (column[$0] == column[$1] && $0 < $1) } }
    }

    @Test(arguments: [(true, false, 1.0), (true, true, 1.0), (false, false, 1.0), (false, true, 0.5), (true, false, 2.0)])
    func insertingEqualsBuildingAnew(magicClip: Bool, endpoints: Bool, priorWeight: Double) {
        let parameters = OptunaParzenEstimator.Parameters(
            priorWeight: priorWeight, considerMagicClip: magicClip, considerEndpoints: endpoints)
        let rng = MersenneTwister(seed: magicClip ? 3 : 4)
        for trial in 0..<8 {
            // Random subsets of the dimensions, in random order, one to all of them.
            var chosen = Self.dimensions.indices.filter { _ in rng.uniform() < 0.6 }
            if chosen.isEmpty { chosen = [rng.uniformInt(below: Self.dimensions.count)] }
            let dimensions = chosen.map { Self.dimensions[$0] }
            let start = OptunaParzenEstimator.canInsert(into: 2, parameters: parameters) ? 2 + rng.uniformInt(below: 20) : 98
            var columns = dimensions.map { d in (0..<start).map { _ in Self.value(d, rng) } }
            var orders = Self.orders(columns)
            var estimator = OptunaParzenEstimator(dimensions: dimensions, observations: columns, orders: orders, parameters: parameters)
            for step in 0..<150 {
                let n = columns[0].count
                #expect(OptunaParzenEstimator.canInsert(into: n, parameters: parameters))
                // Mostly at the end (a new trial), else anywhere (a trial leaving the good set).
                let k = rng.uniform() < 0.5 ? n : rng.uniformInt(below: n + 1)
                let values = dimensions.map { Self.value($0, rng) }
                estimator.insert(values, at: k, columns: &columns, orders: &orders, parameters: parameters)
                let sorted = Self.orders(columns)
                for (d, dimension) in dimensions.enumerated() where !dimension.isCategorical {
                    #expect(orders[d] == sorted[d], "orders, case \(trial) step \(step)")
                }
                let anew = OptunaParzenEstimator(dimensions: dimensions, observations: columns, parameters: parameters)
                #expect(Self.same(estimator, anew), "case \(trial) step \(step): k = \(k) of n = \(n)")
            }
        }
    }

    @Test func insertionIndexFindsOneInsertedElementOnly() {
        #expect(OptunaTPE.insertionIndex(of: [1, 2, 4], in: [1, 2, 3, 4]) == 2)
        #expect(OptunaTPE.insertionIndex(of: [1, 2, 4], in: [0, 1, 2, 4]) == 0)
        #expect(OptunaTPE.insertionIndex(of: [1, 2, 4], in: [1, 2, 4, 9]) == 3)
        #expect(OptunaTPE.insertionIndex(of: [], in: [5]) == 0)
        #expect(OptunaTPE.insertionIndex(of: [1, 2, 4], in: [1, 3, 4, 5]) == nil)
        #expect(OptunaTPE.insertionIndex(of: [1, 2, 4], in: [1, 2, 4]) == nil)
        #expect(OptunaTPE.insertionIndex(of: [1, 2], in: [1, 2, 3, 4]) == nil)
    }

    static let mixed = try! SearchSpace([
        "x": .uniform("x", -5, 10), "lr": .loguniform("lr", -9, 0), "k": .choice("k", [1, 2, 3]),
        "n": .uniformint("n", 1, 20), "q": .quniform("q", 0, 5, 0.5),
    ])
    static let branches = try! SearchSpace(.choice("type", [
        ["a": .uniform("a", -5, 5)],
        ["b": .uniform("b", -5, 5), "c": .quniform("c", 0, 10, 1)],
    ]))

    /// Prior draws with a loss, some pending (never finishing) and some failed.
    static func history(_ space: SearchSpace, count: Int, seed: UInt32) -> Trials {
        let rng = MersenneTwister(seed: seed)
        var trials = Trials()
        for id in 0..<count {
            let assignment = space.sample(using: rng)
            let loss = assignment.values.reduce(0) { $0 + sin(3 * $1) + 0.01 * $1 * $1 }
            switch rng.uniformInt(below: 20) {
            case 0: trials.append(Trial(id: id, assignment: assignment, status: .pending, loss: nil))
            case 1: trials.append(Trial(id: id, assignment: assignment, status: .fail, loss: nil))
            default: trials.append(Trial(id: id, assignment: assignment, status: .ok, loss: loss))
            }
        }
        return trials
    }

    @Test(arguments: [(0, OptunaTPE.Options()), (0, .init(constantLiar: false)), (0, .init(multivariate: false)),
                      (1, .init()), (1, .init(group: true)), (1, .init(multivariate: false))])
    func aSuggesterThatFollowsProposesAsANewOne(spaceIndex: Int, options: OptunaTPE.Options) throws {
        let space = [Self.mixed, Self.branches][spaceIndex]
        let history = Self.history(space, count: 175, seed: 9)
        let rng = MersenneTwister(seed: 1)
        var followed = try OptunaTPE(space: space, options: options, budget: 200, using: rng)
        for count in 100...history.count {
            let prefix = Trials(Array(history.trials.prefix(count)))
            let ours = followed.suggest(history: prefix, using: MersenneTwister(seed: UInt32(count)))
            var fresh = try OptunaTPE(space: space, options: options, budget: 200, using: rng)
            let theirs = fresh.suggest(history: prefix, using: MersenneTwister(seed: UInt32(count)))
            #expect(ours == theirs, "\(count) trials")
        }
    }

    /// The plain loops: the first largest, then the terms within e⁵⁰ in index order.
    static func plainLogSumExp(_ values: [Double]) -> Double {
        var largest = -Double.infinity
        for v in values where v > largest { largest = v }
        if largest == -.infinity { largest = 0 }
        var sum = 0.0
        for v in values where v - largest > -50 { sum += exp(v - largest) }
        return log(sum) + largest
    }

    @Test func logSumExpEqualsThePlainLoops() {
        let rng = MersenneTwister(seed: 17)
        for trial in 0..<5000 {
            let count = 1 + rng.uniformInt(below: 40)
            let values: [Double] = (0..<count).map { _ in
                switch rng.uniformInt(below: 12) {
                case 0: return -.infinity
                case 1: return .nan
                case 2: return 0
                case 3: return -49.99 - rng.uniform() * 0.02
                default: return -300 + 400 * rng.uniform()
                }
            }
            let ours = OptunaParzenEstimator.logSumExp(values), theirs = Self.plainLogSumExp(values)
            #expect(ours.bitPattern == theirs.bitPattern || (ours.isNaN && theirs.isNaN), "case \(trial): \(values)")
        }
    }

    /// The candidate chosen with bounds, hints and chunks is the plain loop's, on random
    /// estimators and candidates: some candidates repeated (tied scores), log l values tied,
    /// ±∞ and NaN, hints near, far, repeated or none; and one component's term has the bits of
    /// the same term in a whole density.
    @Test func boundedArgmaxEqualsThePlainLoop() {
        let rng = MersenneTwister(seed: 23)
        let parameters = OptunaParzenEstimator.Parameters(priorWeight: 1, considerMagicClip: true, considerEndpoints: false)
        for trial in 0..<400 {
            var chosen = Self.dimensions.indices.filter { _ in rng.uniform() < 0.5 }
            if chosen.isEmpty { chosen = [rng.uniformInt(below: 2)] }
            let dimensions = chosen.map { Self.dimensions[$0] }
            let n = rng.uniformInt(below: 4) == 0 ? rng.uniformInt(below: 5) : 20 + rng.uniformInt(below: 300)
            let columns = dimensions.map { d in (0..<n).map { _ in Self.value(d, rng) } }
            let estimator = OptunaParzenEstimator(dimensions: dimensions, observations: columns, parameters: parameters)
            let count = 1 + rng.uniformInt(below: 30)
            // Candidates: often observations themselves (near components), some repeated.
            var points = [[Double]](repeating: [], count: dimensions.count)
            for j in 0..<count {
                let repeated = j > 0 && rng.uniformInt(below: 4) == 0
                let source = n > 0 && rng.uniform() < 0.5 ? rng.uniformInt(below: n) : -1
                let earlier = repeated ? rng.uniformInt(below: j) : 0
                for d in dimensions.indices {
                    points[d].append(repeated ? points[d][earlier] : source >= 0 ? columns[d][source] : Self.value(dimensions[d], rng))
                }
            }
            let prepared = estimator.prepare(points, count: count)
            var logBelow = (0..<count).map { _ in -5 + 10 * rng.uniform() }
            for j in 0..<count {
                switch rng.uniformInt(below: 40) {
                case 0: logBelow[j] = .infinity
                case 1: logBelow[j] = -.infinity
                case 2: logBelow[j] = .nan
                case 3, 4, 5: logBelow[j] = j > 0 ? logBelow[rng.uniformInt(below: j)] : logBelow[j]
                default: break
                }
            }
            if rng.uniform() < 0.7 {
                // Mostly finite: the bounded path.
                for j in 0..<count where !logBelow[j].isFinite { logBelow[j] = 1 }
            }
            var hints: [Int] = [], starts = [0]
            for _ in 0..<count {
                for _ in 0..<rng.uniformInt(below: 10) { hints.append(rng.uniformInt(below: estimator.componentCount)) }
                starts.append(hints.count)
            }
            var scratch: [Double] = [], plainScratch: [Double] = [], work = 0
            let ours = estimator.firstBestCandidate(prepared, logBelow: logBelow, hints: hints, hintStarts: starts,
                                                    accumulator: &scratch, work: &work)
            #expect(work <= count * estimator.componentCount)
            let theirs = estimator.plainFirstBestCandidate(prepared, logBelow: logBelow, accumulator: &plainScratch)
            #expect(ours == theirs, "case \(trial): n = \(n), \(count) candidates")
            // One term against the whole density's.
            let j = rng.uniformInt(below: count)
            _ = estimator.logDensity(of: j, in: prepared, accumulator: &plainScratch)
            if !prepared.outside[j] {
                let k = rng.uniformInt(below: estimator.componentCount)
                #expect(estimator.logTerm(k, of: j, in: prepared).bitPattern == plainScratch[k].bitPattern
                        || plainScratch[k].isNaN, "case \(trial): term \(k)")
            }
        }
    }
}
