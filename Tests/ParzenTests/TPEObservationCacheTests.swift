import Foundation
import GSLKit
import Testing
@testable import Parzen

/// TPE keeps its observations between calls (``TPE/ObservationCache``); a suggester that has
/// followed a search must propose exactly what a new one proposes on the same history, whatever
/// happened to the history in between.
@Suite struct TPEObservationCacheTests {
    /// The proposal of a suggester that has seen earlier histories and of a new one, from
    /// generators in the same state; they must agree bit for bit.
    static func expectSameProposal(
        _ warm: inout TPE, _ space: SearchSpace, _ history: Trials, seed: UInt32, _ comment: Comment
    ) throws {
        let warmRNG = MersenneTwister(seed: seed), coldRNG = MersenneTwister(seed: seed)
        var cold = try TPE(space: space, options: warm.options, budget: 1000, using: coldRNG)
        let warmProposal = warm.suggest(history: history, using: warmRNG)
        let coldProposal = cold.suggest(history: history, using: coldRNG)
        let a = try #require(warmProposal), b = try #require(coldProposal)
        #expect(a.labels == b.labels && a.values.map(\.bitPattern) == b.values.map(\.bitPattern), comment)
        // The proposal hardly moves with one observation; the cache's contents must match exactly.
        let ordered = zip(history.trials, history.trials.dropFirst()).allSatisfy { $0.id < $1.id }
        let modelled = TPE.historyRows(history, ignoreFailed: warm.options.ignoreFailed).positions.count >= warm.options.nStartupJobs
        if ordered && modelled {
            var fresh = TPE.ObservationCache(width: warm.cache.width)
            fresh.rebuild(from: history.trials, layout: warm.layout)
            #expect(warm.cache.rows.map(\.bitPattern) == fresh.rows.map(\.bitPattern), comment)
            #expect(warm.cache.sortedPositions == fresh.sortedPositions, comment)
            #expect(warm.cache.sortedValues.map { $0.map(\.bitPattern) } == fresh.sortedValues.map { $0.map(\.bitPattern) }, comment)
        }
    }

    @Test(arguments: ["branin", "cube", "conditional"], [false, true])
    func aSearchMatchesNewSuggestersAtEveryStep(_ name: String, ignoreFailed: Bool) throws {
        let (source, loss) = TPERegressionTests.space(named: name)
        let space = try SearchSpace(source)
        var warm = try TPE(space: space, options: .init(ignoreFailed: ignoreFailed), budget: 1000, using: MersenneTwister(seed: 1))
        let rng = MersenneTwister(seed: 11)
        var history = Trials()
        for id in 0..<140 {
            // A mix of proposals and prior draws, with failed and pending trials among them.
            let assignment: Assignment
            if id >= 20 && id % 3 != 0 {
                let proposal = warm.suggest(history: history, using: rng)
                assignment = try #require(proposal)
            } else {
                assignment = space.sample(using: rng)
            }
            switch id % 17 {
            case 5: history.append(Trial(id: id, assignment: assignment, status: .fail, message: "failed"))
            case 9: history.append(Trial(id: id, assignment: assignment, status: .pending))
            default: history.append(Trial(id: id, assignment: assignment, status: .ok, loss: loss(try space.evaluate(assignment))))
            }
            if id >= 20 && id % 10 == 0 {
                try Self.expectSameProposal(&warm, space, history, seed: UInt32(id), "\(name) after trial \(id)")
            }
        }
    }

    @Test func changedHistoriesAreSeen() throws {
        let space = try SearchSpace(TPERegressionTests.conditional)
        let rng = MersenneTwister(seed: 5)
        var history = Trials()
        for id in 0..<120 {
            let a = space.sample(using: rng)
            history.append(Trial(id: id, assignment: a, status: .ok, loss: TPERegressionTests.conditionalLoss(try space.evaluate(a))))
        }
        var warm = try TPE(space: space, options: .init(), budget: 1000, using: rng)
        try Self.expectSameProposal(&warm, space, history, seed: 1, "initial")

        // A trial's values replaced (same id, same labels).
        var edited = history
        var trial = edited[40]
        var assignment = Assignment()
        for (label, value) in trial.assignment { assignment[label] = label == "top" ? -1.5 : value }
        trial.assignment = assignment
        edited.update(trial)
        try Self.expectSameProposal(&warm, space, edited, seed: 2, "edited value")

        // A pending trial completed: only its loss changes.
        var pending = history
        pending.append(Trial(id: 120, assignment: space.sample(using: rng), status: .pending))
        try Self.expectSameProposal(&warm, space, pending, seed: 3, "pending")
        var completed = pending
        var done = completed[120]
        done.status = .ok
        done.loss = -100
        completed.update(done)
        try Self.expectSameProposal(&warm, space, completed, seed: 4, "completed")

        // Trials removed, then a shorter history, then many new trials at once.
        try Self.expectSameProposal(&warm, space, Trials(Array(history.trials.dropFirst(7))), seed: 5, "removed")
        try Self.expectSameProposal(&warm, space, Trials(Array(history.trials.prefix(60))), seed: 6, "shorter")
        try Self.expectSameProposal(&warm, space, history, seed: 7, "grown by 60")

        // Ids out of position order: modelled in id order.
        var shuffled = history.trials
        shuffled.swapAt(3, 90)
        shuffled.swapAt(10, 11)
        try Self.expectSameProposal(&warm, space, Trials(shuffled), seed: 8, "ids out of order")
        try Self.expectSameProposal(&warm, space, history, seed: 9, "back in order")
    }

    @Test func generationsTellHistoriesApart() throws {
        let space = try SearchSpace(TPERegressionTests.branin)
        let rng = MersenneTwister(seed: 3)
        var base = Trials()
        for id in 0..<30 { base.append(Trial(id: id, assignment: space.sample(using: rng), status: .ok, loss: Double(id))) }
        // Two copies that grew apart share their first 30 trials, not the 31st.
        var a = base, b = base
        a.append(Trial(id: 30, assignment: space.sample(using: rng), status: .ok, loss: 0))
        b.append(Trial(id: 30, assignment: space.sample(using: rng), status: .ok, loss: 0))
        #expect(a.generation(ofFirst: 30) == base.generation)
        #expect(b.generation(ofFirst: 30) == base.generation)
        #expect(a.generation != b.generation)
        // A completed trial keeps the generation; a replaced assignment renews it.
        var completed = a
        var last = completed[30]
        last.loss = -1
        completed.update(last)
        #expect(completed.generation == a.generation)
        var edited = a
        var first = edited[0]
        first.assignment = space.sample(using: rng)
        edited.update(first)
        #expect(edited.generation(ofFirst: 1) != a.generation(ofFirst: 1))
        #expect(edited.generation(ofFirst: 30) != base.generation)
        // Equal histories are equal however they were reached.
        #expect(Trials(a.trials) == a)

        // A suggester that saw one copy proposes for the other as a new one does.
        var warm = try TPE(space: space, options: .init(nStartupJobs: 5), budget: 100, using: rng)
        try Self.expectSameProposal(&warm, space, a, seed: 1, "one copy")
        try Self.expectSameProposal(&warm, space, b, seed: 2, "the other copy")
        try Self.expectSameProposal(&warm, space, edited, seed: 3, "edited")
    }

    @Test func theCacheKeepsEqualValuesOldestFirst() throws {
        // Many ties (a coarse quantum) and signed zeros: the sorted lists must match a stable sort.
        let space = try SearchSpace(["x": .quniform("x", -2, 2, 1), "y": .uniform("y", -1, 1)] as Space)
        let rng = MersenneTwister(seed: 9)
        var history = Trials()
        var warm = try TPE(space: space, options: .init(), budget: 1000, using: rng)
        for id in 0..<200 {
            var a = space.sample(using: rng)
            if id % 4 == 0 { a["y"] = id % 8 == 0 ? 0.0 : -0.0 }
            history.append(Trial(id: id, assignment: a, status: .ok, loss: Double(id % 7)))
            if id >= 20 && id % 9 == 0 { try Self.expectSameProposal(&warm, space, history, seed: UInt32(id), "trial \(id)") }
        }
        var cache = TPE.ObservationCache(width: 2)
        cache.rebuild(from: history.trials, layout: warm.layout)
        for p in 0..<2 {
            let values = history.trials.map { $0.assignment.values[p] }
            let order = (0..<values.count).sorted { (orderKey(values[$0]), $0) < (orderKey(values[$1]), $1) }
            #expect(cache.sortedPositions[p].map(Int.init) == order)
            #expect(cache.sortedValues[p].map(\.bitPattern) == order.map { values[$0].bitPattern })
        }
    }
}
