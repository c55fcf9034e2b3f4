import Foundation

extension ResultsReader {
    /// Reads `folder` into the summary the report and the pictures are written from.
    ///
    /// On more than one thread, each problem is summarised on a second thread while the next one
    /// is read, and that thread spends the rest of its wait on the final-regret cells of the
    /// problems summarised so far (``FinalCellBacklog``); once the reading ends, the cells left
    /// are computed on `threads` threads. On one thread all of it runs in turn on the caller's.
    /// Every number is the same on any number of threads.
    ///
    /// - Parameters:
    ///   - threads: threads used at most (at least 1).
    ///   - finalCells: whether to compute the final-regret cells with their bootstrap intervals
    ///     (``ResultsSummary/finalCells``), which report.md needs and the pictures do not.
    /// - Throws: ``AnalysisError`` as ``stream(_:_:)``.
    /// - Complexity: O(rows) time, plus the bootstrap of each (problem, suggester) with
    ///   `finalCells`; memory of two problems' runs plus 8 bytes a run.
    public static func summarise(_ folder: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                 finalCells: Bool = true) throws(AnalysisError) -> ResultsSummary {
        let backlog = finalCells ? FinalCellBacklog() : nil
        guard threads > 1 else {
            var perProblem: [ProblemSummary] = []
            let (info, hasTraces) = try stream(folder) { perProblem.append(summary(of: $0, queueing: backlog)) }
            backlog?.work()
            return ResultsSummary(info: info, hasTraces: hasTraces, perProblem: perProblem, finalCells: backlog?.cells())
        }
        let perProblem = Locked([ProblemSummary]())
        // Summaries handed to the queue and not yet begun: the summary thread takes final cells
        // only while there are none, so a problem read waits for its summary no longer than one
        // cell. A failed reading leaves one here, which stops the cells.
        let waiting = Locked(0)
        // A serial queue keeps the problems' order; the semaphore lets one summary run while
        // the reader holds the next problem.
        let queue = DispatchQueue(label: "parzen.summarise")
        let running = DispatchSemaphore(value: 1)
        var read = false
        defer {
            if !read { waiting.withLock { $0 += 1 } }
            queue.sync {}
        }
        let (info, hasTraces) = try stream(folder) { one in
            running.wait()
            waiting.withLock { $0 += 1 }
            queue.async {
                waiting.withLock { $0 -= 1 }
                let made = summary(of: one, queueing: backlog)
                perProblem.withLock { $0.append(made) }
                running.signal()
                backlog?.work { waiting.withLock { $0 == 0 } }
            }
        }
        read = true
        // The last problem summarised (its cells queued), the cells left are shared by the
        // summary thread and threads − 1 more.
        running.wait()
        running.signal()  // a semaphore left below its initial value must not be released
        if let backlog { DispatchQueue.concurrentPerform(iterations: threads - 1) { _ in backlog.work() } }
        queue.sync {}
        return ResultsSummary(info: info, hasTraces: hasTraces, perProblem: perProblem.withLock { $0 }, finalCells: backlog?.cells())
    }

    /// The summary of `one` (a result set of a single problem), its final-regret cells queued in
    /// `backlog` when given.
    private static func summary(of one: ResultSet, queueing backlog: FinalCellBacklog?) -> ProblemSummary {
        let summary = ProblemSummary(one)
        backlog?.add(problem: one.problems[0].label, suggesters: one.suggesters.map(\.label), finals: summary.finals)
        return summary
    }
}
