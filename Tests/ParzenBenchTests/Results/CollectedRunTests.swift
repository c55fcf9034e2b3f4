import Foundation
import GSLKit
import Parzen
import Testing
@testable import ParzenBench

@Suite struct CollectedRunTests {
    /// A run of `trials` random rows: failed trials, ties, infinite and NaN noise-free losses,
    /// noise-free losses that differ from the loss or are missing.
    static func record(trials: Int, using rng: MersenneTwister) -> CellRecord {
        let losses: [Double] = [3, 2, 2, 1, 0.5, .infinity, -1]
        let rows = (0..<trials).map { id -> TrialRow in
            if rng.uniformInt(below: 5) == 0 {
                return TrialRow(id: id, status: .fail, loss: nil, trueLoss: nil, assignment: Assignment(), message: "no")
            }
            let loss = losses[rng.uniformInt(below: losses.count)]
            let trueLoss: Double?
            switch rng.uniformInt(below: 6) {
            case 0: trueLoss = nil
            case 1: trueLoss = .nan
            case 2: trueLoss = loss + rng.uniform(-1, 1)
            default: trueLoss = loss
            }
            return TrialRow(id: id, status: .ok, loss: loss, trueLoss: trueLoss, assignment: Assignment(), message: nil)
        }
        return CellRecord(fingerprint: "f", rows: rows, suggestSeconds: 1, evaluateSeconds: 2)
    }

    /// The best noise-free loss as one scan of every ok trial of the runs in order finds it.
    static func scannedBestTrueLoss(_ records: [CellRecord]) -> Double? {
        var best: Double?
        for record in records {
            for row in record.rows where row.status == .ok {
                guard let trueLoss = row.trueLoss else { continue }
                if best == nil || trueLoss < best! { best = trueLoss }
            }
        }
        return best
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x.bitPattern == y.bitPattern
        default: return false
        }
    }

    @Test func incumbentsAndTheFinalOneAreTheRecordsOwn() {
        let rng = MersenneTwister(seed: 11)
        let checkpoints = [1, 2, 5, 10, 25, 40]
        for _ in 0..<300 {
            let record = Self.record(trials: rng.uniformInt(below: 30), using: rng)
            let run = CollectedRun(record, replicate: 4)
            let expected = record.incumbents(at: checkpoints), got = run.incumbents(at: checkpoints)
            #expect(expected.count == got.count)
            for (e, g) in zip(expected, got) {
                #expect(Self.same(e?.loss, g?.loss) && Self.same(e?.trueLoss, g?.trueLoss))
            }
            let final = record.incumbents(at: [record.rows.count]).last ?? nil
            #expect(Self.same(final?.loss, run.final?.loss) && Self.same(final?.trueLoss, run.final?.trueLoss))
            #expect(run.trials == record.rows.count && run.replicate == 4)
            #expect(run.noisy == record.rows.contains { $0.status == .ok && $0.trueLoss != nil && $0.trueLoss != $0.loss })
        }
    }

    /// Folding the runs' summaries gives what scanning all their trials gives, NaN seen first included.
    @Test func bestTrueLossFoldsLikeOneScanOfEveryTrial() {
        let rng = MersenneTwister(seed: 12)
        var nanFirst = 0
        for _ in 0..<500 {
            let records = (0..<(1 + rng.uniformInt(below: 4))).map { _ in Self.record(trials: rng.uniformInt(below: 6), using: rng) }
            let expected = Self.scannedBestTrueLoss(records)
            if expected?.isNaN == true { nanFirst += 1 }
            #expect(Self.same(CollectedRun.bestTrueLoss(records.map { CollectedRun($0, replicate: 0) }), expected))
        }
        #expect(nanFirst > 10, "the cases where a NaN is seen first are covered")
    }
}

extension CellRecord {
    /// The incumbents read off every row, the reference ``CollectedRun/incumbents(at:)`` is
    /// checked against: the ok trial with the lowest loss so far (ties to the earliest).
    func incumbents(at checkpoints: [Int]) -> [(loss: Double, trueLoss: Double)?] {
        var results: [(loss: Double, trueLoss: Double)?] = []
        var best: (loss: Double, trueLoss: Double)?
        var index = 0
        for checkpoint in checkpoints {
            while index < min(checkpoint, rows.count) {
                let row = rows[index]
                if row.status == .ok, let loss = row.loss, best == nil || loss < best!.loss {
                    best = (loss, row.trueLoss ?? loss)
                }
                index += 1
            }
            results.append(best)
        }
        return results
    }
}
