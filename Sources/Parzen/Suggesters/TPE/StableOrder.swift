/// A stable argsort for `Double`s: NumPy's `argsort(kind="stable")`, ordered by the values'
/// order-preserving bit patterns (``orderKey(_:)``).
///
/// TPE sorts every parameter's good-set observations on every call, and all N observations when
/// its observation cache is rebuilt (g(x) reads them in order from the cache), so this is a
/// bucket sort: values are spread over about n buckets by a monotone map of their value, each
/// bucket is filled in input order and then insertion-sorted (stable); a bucket that holds
/// many values (heavy ties, or a skewed spread) is merge-sorted instead. The order sorted by
/// is the total order of the integer keys with ties by position, so the result is exactly the
/// stable argsort, whichever way it is computed.
///
/// - Parameter values: finite values (NaN has no order; −0 and +0 are equal, as NumPy
///   compares them).
/// - Returns: the permutation that sorts `values` ascending, ties in their original order.
/// - Complexity: O(n) expected for spread-out values, O(n log n) at worst; O(n) extra space.
/// - Determinism: a pure function of the values.
func stableOrder(_ values: UnsafeBufferPointer<Double>) -> [Int32] {
    let n = values.count
    if n <= 32 {
        // Insertion sort: stable, fastest for short inputs. Indices stay in 0...n ≤ 32, so the
        // integer arithmetic cannot overflow.
        return [Int32](unsafeUninitializedCapacity: n) { order, initialized in
            let base = order.baseAddress.unsafelyUnwrapped
            let v = values.baseAddress
            var i = 0
            while i < n {
                let key = v.unsafelyUnwrapped[i]
                var j = i
                while j > 0 && v.unsafelyUnwrapped[Int(base[j &- 1])] > key {
                    base[j] = base[j &- 1]
                    j &-= 1
                }
                base[j] = Int32(truncatingIfNeeded: i)
                i &+= 1
            }
            initialized = n
        }
    }

    var low = values[0], high = values[0], hasNaN = false
    for i in 0..<n {
        let v = values[i]
        low = v < low ? v : low
        high = v > high ? v : high
        hasNaN = hasNaN || v.isNaN
    }
    let range = high - low
    let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
    let index = UnsafeMutablePointer<Int32>.allocate(capacity: n)
    let keys2 = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
    let index2 = UnsafeMutablePointer<Int32>.allocate(capacity: n)
    defer { keys.deallocate(); index.deallocate(); keys2.deallocate(); index2.deallocate() }

    guard range.isFinite && range > 0 && !hasNaN else {
        // All equal (up to the sign of zero), or not all finite: one merge sort.
        for i in 0..<n {
            keys[i] = orderKey(values[i])
            index[i] = Int32(i)
        }
        mergeSort(keys, index, keys2, index2, 0, n)
        return Array(UnsafeBufferPointer(start: index, count: n))
    }

    // Bucket b(v) = round((v − low)·scale) is nondecreasing in v (rounded subtraction of a
    // constant, multiplication by a positive constant and rounding are all monotone), so
    // buckets hold consecutive stretches of the sorted order. The rounding adds 1.5·2^52, which
    // leaves round(x) in the low bits of the sum for 0 ≤ x < 2^31: cheaper than Int(_:)'s checks.
    let bucketCount = n
    let scale = Double(bucketCount - 1) / range
    let roundingShift = 6_755_399_441_055_744.0
    let starts = UnsafeMutablePointer<Int32>.allocate(capacity: bucketCount + 1)
    let buckets = keys2  // reused: bucket numbers, before keys2 is needed
    defer { starts.deallocate() }
    starts.initialize(repeating: 0, count: bucketCount + 1)
    for i in 0..<n {
        let rounded = Int(truncatingIfNeeded: ((values[i] - low) * scale + roundingShift).bitPattern & 0xFFFF_FFFF)
        let b = min(rounded, bucketCount - 1)
        buckets[i] = UInt64(truncatingIfNeeded: b)
        starts[b &+ 1] &+= 1  // counts ≤ n, which fits Int32 (indices are Int32)
    }
    for b in 0..<bucketCount { starts[b &+ 1] &+= starts[b] }
    // Stable scatter: within a bucket, input order. `starts[b]` ends as the end of bucket b.
    for i in 0..<n {
        let b = Int(truncatingIfNeeded: buckets[i])
        let slot = Int(truncatingIfNeeded: starts[b])
        starts[b] &+= 1
        keys[slot] = orderKey(values[i])
        index[slot] = Int32(truncatingIfNeeded: i)
    }
    var begin = 0
    for b in 0..<bucketCount {
        let end = Int(truncatingIfNeeded: starts[b])
        let size = end &- begin
        if size > 64 {
            mergeSort(keys, index, keys2, index2, begin, end)
        } else if size > 1 {
            insertionSort(keys, index, begin, end)
        }
        begin = end
    }
    return Array(UnsafeBufferPointer(start: index, count: n))
}

/// The order-preserving integer key of a `Double` (all bits of a negative flipped, the sign bit
/// of the rest set): keys compare as the values do, exactly and cheaply. −0 gets the key of +0
/// (adding +0 turns −0 into +0 and leaves every other value alone), since they compare equal.
@inline(__always)
func orderKey(_ x: Double) -> UInt64 {
    let bits = (x + 0).bitPattern
    return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
}

/// Stable insertion sort of (key, index) pairs in [start, end).
@inline(__always)
private func insertionSort(_ keys: UnsafeMutablePointer<UInt64>, _ index: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int) {
    // All positions lie in [start, end) of an allocation, so none of this overflows.
    var i = start &+ 1
    while i < end {
        let key = keys[i], item = index[i]
        var j = i
        while j > start && keys[j &- 1] > key {
            keys[j] = keys[j &- 1]
            index[j] = index[j &- 1]
            j &-= 1
        }
        keys[j] = key
        index[j] = item
        i &+= 1
    }
}

/// Stable bottom-up merge sort of (key, index) pairs in [start, end): insertion-sorted runs of
/// 16, merged pairwise, left side first on ties. The result is left in `keys`/`index`; the
/// second pair of buffers is scratch over the same range.
private func mergeSort(
    _ keys: UnsafeMutablePointer<UInt64>, _ index: UnsafeMutablePointer<Int32>,
    _ keys2: UnsafeMutablePointer<UInt64>, _ index2: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int
) {
    let run = 16
    var runStart = start
    while runStart < end {
        let runEnd = min(runStart + run, end)
        insertionSort(keys, index, runStart, runEnd)
        runStart = runEnd
    }
    var sourceKeys = keys, sourceIndex = index, targetKeys = keys2, targetIndex = index2
    var width = run
    while width < end - start {
        var left = start
        while left < end {
            let middle = min(left + width, end), right = min(left + 2 * width, end)
            var i = left, j = middle, k = left
            while i < middle && j < right {
                if sourceKeys[j] < sourceKeys[i] {
                    targetKeys[k] = sourceKeys[j]; targetIndex[k] = sourceIndex[j]; j &+= 1
                } else {
                    targetKeys[k] = sourceKeys[i]; targetIndex[k] = sourceIndex[i]; i &+= 1
                }
                k &+= 1
            }
            while i < middle { targetKeys[k] = sourceKeys[i]; targetIndex[k] = sourceIndex[i]; i &+= 1; k &+= 1 }
            while j < right { targetKeys[k] = sourceKeys[j]; targetIndex[k] = sourceIndex[j]; j &+= 1; k &+= 1 }
            left = right
        }
        swap(&sourceKeys, &targetKeys)
        swap(&sourceIndex, &targetIndex)
        width *= 2
    }
    if sourceKeys != keys {
        keys.advanced(by: start).update(from: sourceKeys.advanced(by: start), count: end - start)
        index.advanced(by: start).update(from: sourceIndex.advanced(by: start), count: end - start)
    }
}
