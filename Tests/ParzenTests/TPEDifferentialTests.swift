import Foundation
import GSLKit
import Testing
@testable import Parzen

/// ``TPE`` against ``ReferenceTPE`` on random histories: ties and NaN among the losses, failed
/// and pending trials, ids out of order, edited trials, random options. A suggester that follows
/// a growing history (its cache appending) and the stateless reference must propose the same
/// point, bit for bit, from generators in the same state. The pinned hashes of
/// ``TPERegressionTests`` stay as a tripwire; this is the test that says why a proposal changed.
@Suite struct TPEDifferentialTests {
    @Test(arguments: ["branin", "cube", "conditional"], 0..<4)
    func randomHistoriesMatchTheReference(_ name: String, round: Int) throws {
        let (source, loss) = TPERegressionTests.space(named: name)
        let space = try SearchSpace(source)
        let setup = MersenneTwister(seed: UInt32(97 + round))
        let options = TPE.Options(
            nStartupJobs: Int(setup.uniform() * 30), nEICandidates: 1 + Int(setup.uniform() * 40),
            gamma: 0.05 + 0.95 * setup.uniform(), priorWeight: 0.2 + 2 * setup.uniform(), ignoreFailed: round % 2 == 1)
        var warm = try TPE(space: space, options: options, budget: 1000, using: setup)
        let reference = ReferenceTPE(space: space, options: options)
        var history = Trials()
        for id in 0..<160 {
            let assignment = space.sample(using: setup)
            // Coarse losses (ties), a few NaN, failed and pending trials.
            var value = (loss(try space.evaluate(assignment)) * 4).rounded() / 4
            if setup.uniform() < 0.03 { value = .nan }
            switch Int(setup.uniform() * 12) {
            case 0: history.append(Trial(id: id, assignment: assignment, status: .fail, message: "failed"))
            case 1: history.append(Trial(id: id, assignment: assignment, status: .pending))
            case 2: history.append(Trial(id: id, assignment: assignment, status: .fail, loss: value, message: "failed"))
            default: history.append(Trial(id: id, assignment: assignment, status: .ok, loss: value))
            }
            if id % 7 == 3 {
                try Self.expectSame(&warm, reference, history, seed: UInt32(1000 * round + id), "\(name) round \(round) trial \(id)")
            }
        }
        // An edited assignment, then ids out of position order.
        var edited = history
        var trial = edited[50]
        trial.assignment = space.sample(using: setup)
        edited.update(trial)
        try Self.expectSame(&warm, reference, edited, seed: 1, "\(name) edited")
        var shuffled = history.trials
        for i in stride(from: 0, to: shuffled.count - 1, by: 9) { shuffled.swapAt(i, i + 1) }
        try Self.expectSame(&warm, reference, Trials(shuffled), seed: 2, "\(name) shuffled")
        try Self.expectSame(&warm, reference, history, seed: 3, "\(name) back")
    }

    static func expectSame(_ tpe: inout TPE, _ reference: ReferenceTPE, _ history: Trials, seed: UInt32, _ comment: Comment) throws {
        let proposal = tpe.suggest(history: history, using: MersenneTwister(seed: seed))
        let a = try #require(proposal)
        let b = reference.suggest(history: history, using: MersenneTwister(seed: seed))
        #expect(a.labels == b.labels && a.values.map(\.bitPattern) == b.values.map(\.bitPattern), comment)
    }
}
