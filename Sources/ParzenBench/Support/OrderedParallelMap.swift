import Dispatch

/// Computes `transform` of every index in a range on a few threads and returns the results in
/// index order, so what follows does not depend on the number of threads or their timing.
enum OrderedParallelMap {
    /// `transform(i)` for every `i` in `indices`, in order.
    ///
    /// Thread `t` of `threads` takes indices `t`, `t + threads`, … (interleaved, so neighbouring
    /// indices of similar cost spread over the threads); one thread runs inline.
    ///
    /// - Parameters:
    ///   - indices: the indices to compute.
    ///   - threads: threads used at most (at least 1).
    ///   - transform: must be safe to call from several threads at once.
    /// - Complexity: `indices.count` calls of `transform`; memory holds every result.
    static func map<T: Sendable>(_ indices: Range<Int>, threads: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let count = indices.count, threads = max(1, min(threads, count))
        guard threads > 1 else { return indices.map(transform) }
        let parts = Locked([[T]](repeating: [], count: threads))
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let part = stride(from: t, to: count, by: threads).map { transform(indices.lowerBound + $0) }
            parts.withLock { $0[t] = part }
        }
        return parts.withLock { parts in (0..<count).map { parts[$0 % threads][$0 / threads] } }
    }
}
