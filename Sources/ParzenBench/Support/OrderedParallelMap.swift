import Dispatch

/// Computes `transform` of every index in a range on a few threads and returns the results in
/// index order, so what follows does not depend on the number of threads or their timing.
enum OrderedParallelMap {
    /// `transform(i)` for every `i` in `indices`, in order.
    ///
    /// Each thread takes the next index not yet taken until none is left, so indices of unequal
    /// cost spread over the threads as they finish; one thread runs inline.
    ///
    /// - Parameters:
    ///   - indices: the indices to compute.
    ///   - threads: threads used at most (at least 1).
    ///   - transform: must be safe to call from several threads at once.
    /// - Complexity: `indices.count` calls of `transform`, and two locks per index (taking it,
    ///   storing its result in its place).
    static func map<T: Sendable>(_ indices: Range<Int>, threads: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let count = indices.count, threads = max(1, min(threads, count))
        guard threads > 1 else { return indices.map(transform) }
        let next = Locked(0)
        let results = Locked([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let i = next.withLock { next in
                    defer { next += 1 }
                    return next
                }
                guard i < count else { break }
                let value = transform(indices.lowerBound + i)
                results.withLock { $0[i] = value }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
