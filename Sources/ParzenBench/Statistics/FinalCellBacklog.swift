/// The final-regret cells (``FinalSummary/Cell``, each with its bootstrap) of the problems
/// summarised so far, computed by whichever thread is free.
///
/// ``ResultsReader/summarise(_:threads:finalCells:)`` adds each problem's cells once its summary is made;
/// the summary thread takes cells while the reader reads the next problem, and once the reading
/// ends every thread takes what is left. Each cell draws from its own generator
/// (``FinalSummary/bootstrapSeed(problem:suggester:)``) and lands in its own slot, so the cells
/// do not depend on which thread computed which, nor on when.
final class FinalCellBacklog: Sendable {
    /// One cell still to compute: its slot and what it is computed from.
    private struct Pending {
        let problem: Int
        let suggester: Int
        let sample: [Double]
        let seed: UInt32
    }

    private struct State {
        var pending: [Pending] = []
        /// The first entry of `pending` not yet taken.
        var next = 0
        /// `cells[problem][suggester]`, nil until computed.
        var cells: [[FinalSummary.Cell?]] = []
    }

    private let state = Locked(State())

    /// Queues the cells of the next problem (problems are numbered in the order they are added):
    /// one per suggester, from `finals[suggester]`, the suggester's final regrets in replicate order.
    func add(problem label: String, suggesters: [String], finals: [[Double]]) {
        precondition(finals.count == suggesters.count, "FinalCellBacklog: one sample per suggester")
        state.withLock { state in
            let p = state.cells.count
            state.cells.append([FinalSummary.Cell?](repeating: nil, count: suggesters.count))
            for (s, suggester) in suggesters.enumerated() {
                state.pending.append(Pending(problem: p, suggester: s, sample: finals[s],
                                             seed: FinalSummary.bootstrapSeed(problem: label, suggester: suggester)))
            }
        }
    }

    /// Computes queued cells, one at a time, until none is left or `keepGoing` (asked before
    /// each) says to stop. Safe to call from several threads at once.
    func work(while keepGoing: () -> Bool = { true }) {
        while keepGoing() {
            let taken: Pending? = state.withLock { state in
                guard state.next < state.pending.count else { return nil }
                defer { state.next += 1 }
                return state.pending[state.next]
            }
            guard let taken else { return }
            let cell = FinalSummary.cell(taken.sample, seed: taken.seed)
            state.withLock { $0.cells[taken.problem][taken.suggester] = cell }
        }
    }

    /// Every cell, `[problem][suggester]`.
    /// - Precondition: every queued cell has been computed (every ``work(while:)`` has returned
    ///   with nothing left).
    func cells() -> [[FinalSummary.Cell]] {
        state.withLock { state in
            state.cells.map { row in
                row.map { cell in
                    guard let cell else { preconditionFailure("FinalCellBacklog: a cell was not computed") }
                    return cell
                }
            }
        }
    }
}
