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
    /// - Complexity: `indices.count` calls of `transform`, and one lock per index taken;
    ///   memory holds every result twice at the end (the threads' parts and the array returned).
    static func map<T: Sendable>(_ indices: Range<Int>, threads: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let count = indices.count, threads = max(1, min(threads, count))
        guard threads > 1 else { return indices.map(transform) }
        let next = Locked(0)
        let parts = Locked([[(index: Int, value: T)]](repeating: [], count: threads))
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            var part: [(index: Int, value: T)] = []
            while true {
                let i = next.withLock { next in
                    defer { next += 1 }
                    return next
                }
                guard i < count else { break }
                part.append((i, transform(indices.lowerBound + i)))
            }
            parts.withLock { $0[t] = part }
        }
        // Where each index's result is: its thread's part and its place there.
        let done = parts.withLock { $0 }
        var place = [(part: Int, offset: Int)](repeating: (0, 0), count: count)
        for (t, part) in done.enumerated() {
            for (offset, entry) in part.enumerated() { place[entry.index] = (t, offset) }
        }
        return place.map { done[$0.part][$0.offset].value }
    }
}
