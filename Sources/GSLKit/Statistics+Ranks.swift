import CGSL

extension Statistics {
    /// The permutation that sorts `values` ascending: `values[index[0]]` is the smallest
    /// (`gsl_sort_index`, heapsort).
    ///
    /// Not stable: equal values may come in any (but deterministic) order. Callers that need a
    /// tie-independent answer, such as ``ranks(_:)``, are unaffected.
    ///
    /// - Precondition: no NaN.
    /// - Complexity: O(n log n).
    public static func sortIndex(_ values: [Double]) -> [Int] {
        precondition(!values.contains(where: \.isNaN), "sortIndex: NaN has no order")
        guard !values.isEmpty else { return [] }
        _ = GSLRuntime.prepared
        var index = [Int](repeating: 0, count: values.count)
        index.withUnsafeMutableBufferPointer { target in
            values.withUnsafeBufferPointer { source in
                gsl_sort_index(target.baseAddress, source.baseAddress, 1, source.count)
            }
        }
        return index
    }

    /// Ranks 1…n of `values` in ascending order, ties given the average of the ranks they span
    /// (scipy's `rankdata(method='average')`), and the sizes of the tie groups (every group of
    /// equal values, including groups of one, in ascending order of value).
    ///
    /// The tie sizes t feed tie corrections such as Σ(t³ − t).
    ///
    /// - Precondition: no NaN.
    /// - Complexity: O(n log n) (one ``sortIndex(_:)``).
    public static func ranks(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
        let order = sortIndex(values)
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            // positions start..<end hold ranks start+1 … end; their average is (start+1+end)/2.
            let average = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = average }
            tieSizes.append(end - start)
            start = end
        }
        return (ranks, tieSizes)
    }
}
