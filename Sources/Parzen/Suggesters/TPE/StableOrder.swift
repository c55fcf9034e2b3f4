/// A stable argsort for `Double`s: NumPy's `argsort(kind="stable")`, by a bottom-up merge sort
/// on the values' order-preserving bit patterns.
///
/// TPE sorts every parameter's observations on every call (N of them for g(x)); comparing
/// integer keys in raw buffers keeps that cheap.
///
/// - Parameter values: finite values (NaN has no order; ±0 sort as −0 < +0).
/// - Returns: the permutation that sorts `values` ascending, ties in their original order.
/// - Complexity: O(n log n) time, O(n) extra space.
/// - Determinism: a pure function of the values.
func stableOrder(_ values: UnsafeBufferPointer<Double>) -> [Int32] {
    let n = values.count
    if n <= 32 {
        var order = (0..<Int32(n)).map { $0 }
        // Insertion sort: stable, fastest for short inputs.
        for i in 1..<max(n, 1) {
            let item = order[i]
            let key = values[Int(item)]
            var j = i
            while j > 0 && values[Int(order[j - 1])] > key {
                order[j] = order[j - 1]
                j -= 1
            }
            order[j] = item
        }
        return order
    }

    // Order-preserving integer keys (flip all bits of negatives, the sign bit of the rest), so
    // comparisons are exact and cheap; then a bottom-up merge sort of (key, index) pairs, which
    // is stable: insertion-sorted runs of 16, merged pairwise, left side first on ties.
    let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
    let index = UnsafeMutablePointer<Int32>.allocate(capacity: n)
    let keys2 = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
    let index2 = UnsafeMutablePointer<Int32>.allocate(capacity: n)
    defer { keys.deallocate(); index.deallocate(); keys2.deallocate(); index2.deallocate() }
    for i in 0..<n {
        let bits = values[i].bitPattern
        keys[i] = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        index[i] = Int32(i)
    }
    let run = 16
    var start = 0
    while start < n {
        let end = min(start + run, n)
        var i = start + 1
        while i < end {
            let key = keys[i], item = index[i]
            var j = i
            while j > start && keys[j - 1] > key {
                keys[j] = keys[j - 1]
                index[j] = index[j - 1]
                j -= 1
            }
            keys[j] = key
            index[j] = item
            i += 1
        }
        start = end
    }
    var sourceKeys = keys, sourceIndex = index, targetKeys = keys2, targetIndex = index2
    var width = run
    while width < n {
        var left = 0
        while left < n {
            let middle = min(left + width, n), right = min(left + 2 * width, n)
            var i = left, j = middle, k = left
            while i < middle && j < right {
                if sourceKeys[j] < sourceKeys[i] {
                    targetKeys[k] = sourceKeys[j]; targetIndex[k] = sourceIndex[j]; j += 1
                } else {
                    targetKeys[k] = sourceKeys[i]; targetIndex[k] = sourceIndex[i]; i += 1
                }
                k += 1
            }
            while i < middle { targetKeys[k] = sourceKeys[i]; targetIndex[k] = sourceIndex[i]; i += 1; k += 1 }
            while j < right { targetKeys[k] = sourceKeys[j]; targetIndex[k] = sourceIndex[j]; j += 1; k += 1 }
            left = right
        }
        swap(&sourceKeys, &targetKeys)
        swap(&sourceIndex, &targetIndex)
        width *= 2
    }
    return Array(UnsafeBufferPointer(start: sourceIndex, count: n))
}
