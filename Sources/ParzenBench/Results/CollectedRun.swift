import Foundation

/// What collect keeps of one finished cell after reading it once: the run's length and times, every
/// improvement of its best-so-far, its proposal extras, and what its problem's reference loss and
/// noise test need. A problem's runs are held this way, a few hundred bytes each whatever their
/// trials, until every run of the problem is read and its tables can be written.
struct CollectedRun: Sendable {
    /// One improvement of the best-so-far (``TraceTable/improvements(_:)``).
    typealias Improvement = (evaluation: Int, loss: Double, trueLoss: Double)

    /// The run's replicate.
    let replicate: Int
    /// The trials the run made: its budget, or fewer when it stopped short.
    let trials: Int
    /// The run's totals (``CellRecord/suggestSeconds``, ``CellRecord/evaluateSeconds``).
    let suggestSeconds: Double
    let evaluateSeconds: Double
    /// Every improvement of the incumbent, in evaluation order.
    let improvements: [Improvement]
    /// The changes of the suggester's proposal extras.
    let extras: [ExtraChange]
    /// The noise-free loss of the run's first ok trial that has one (it may be NaN), and the least
    /// non-NaN one (ties to the earliest): what ``bestTrueLoss(_:)`` folds.
    let firstTrueLoss: Double?
    let leastTrueLoss: Double?
    /// Whether some ok trial's noise-free loss differs from its loss.
    let noisy: Bool

    /// - Complexity: O(trials).
    init(_ record: CellRecord, replicate: Int) {
        self.replicate = replicate
        trials = record.rows.count
        suggestSeconds = record.suggestSeconds
        evaluateSeconds = record.evaluateSeconds
        improvements = TraceTable.improvements(record)
        extras = record.extras
        var first: Double?, least: Double?, noisy = false
        for row in record.rows where row.status == .ok {
            guard let trueLoss = row.trueLoss else { continue }
            if first == nil { first = trueLoss }
            if !trueLoss.isNaN && (least == nil || trueLoss < least!) { least = trueLoss }
            if trueLoss != row.loss { noisy = true }
        }
        firstTrueLoss = first
        leastTrueLoss = least
        self.noisy = noisy
    }

    /// The incumbent (its loss and noise-free loss) after each checkpoint, nil before any ok
    /// trial: the ok trial with the lowest loss so far, ties to the earliest.
    ///
    /// - Precondition: `checkpoints` ascending.
    /// - Complexity: O(improvements + checkpoints).
    func incumbents(at checkpoints: [Int]) -> [(loss: Double, trueLoss: Double)?] {
        var results: [(loss: Double, trueLoss: Double)?] = []
        results.reserveCapacity(checkpoints.count)
        var next = 0
        var best: (loss: Double, trueLoss: Double)?
        for checkpoint in checkpoints {
            while next < improvements.count && improvements[next].evaluation <= checkpoint {
                best = (improvements[next].loss, improvements[next].trueLoss)
                next += 1
            }
            results.append(best)
        }
        return results
    }

    /// The incumbent after the run's last trial, nil when it had no ok trial.
    var final: (loss: Double, trueLoss: Double)? { improvements.last.map { ($0.loss, $0.trueLoss) } }

    /// The best noise-free loss of `runs` (in cell order) as one scan of all their ok trials in
    /// that order finds it: the first value seen, then any lower one, so a NaN seen first stays.
    static func bestTrueLoss(_ runs: some Sequence<CollectedRun>) -> Double? {
        var best: Double?
        for run in runs {
            guard let first = run.firstTrueLoss else { continue }
            if let current = best {
                if let least = run.leastTrueLoss, least < current { best = least }
            } else {
                best = first.isNaN ? first : run.leastTrueLoss
            }
        }
        return best
    }
}
