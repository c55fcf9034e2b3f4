/// A stable argsort for `Double`s: NumPy's `argsort(kind="stable")`, by least-significant-digit
/// radix sort on the values' order-preserving bit patterns.
///
/// TPE sorts every parameter's observations on every call (N of them for g(x)); a radix sort
/// does that in O(N) with small constants, where a comparison sort costs O(N log N).
///
/// - Parameter values: finite values (NaN has no order; ±0 sort as −0 < +0).
/// - Returns: the permutation that sorts `values` ascending, ties in their original order.
/// - Complexity: O(n) time (at most eight passes of 256 buckets, skipping passes where every
///   value shares the digit), O(n) extra space.
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

    // Order-preserving keys: flip all bits of negatives, the sign bit of the rest.
    var keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
        for i in 0..<n {
            let bits = values[i].bitPattern
            buffer[i] = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        }
        count = n
    }
    // All eight byte histograms in one pass.
    var histograms = [Int](repeating: 0, count: 8 * 256)
    keys.withUnsafeBufferPointer { k in
        histograms.withUnsafeMutableBufferPointer { h in
            for i in 0..<n {
                let key = k[i]
                for digit in 0..<8 { h[digit * 256 + Int((key >> (8 * UInt64(digit))) & 0xFF)] += 1 }
            }
        }
    }
    var order = (0..<Int32(n)).map { $0 }
    var scratchOrder = [Int32](repeating: 0, count: n)
    var scratchKeys = [UInt64](repeating: 0, count: n)
    for digit in 0..<8 {
        let shift = UInt64(8 * digit)
        // Skip a pass where every key has the same digit.
        let firstBucket = Int((keys[0] >> shift) & 0xFF)
        if histograms[digit * 256 + firstBucket] == n { continue }
        var offsets = [Int](repeating: 0, count: 256)
        var running = 0
        for b in 0..<256 {
            offsets[b] = running
            running += histograms[digit * 256 + b]
        }
        keys.withUnsafeBufferPointer { k in
            order.withUnsafeBufferPointer { o in
                scratchKeys.withUnsafeMutableBufferPointer { sk in
                    scratchOrder.withUnsafeMutableBufferPointer { so in
                        offsets.withUnsafeMutableBufferPointer { off in
                            for i in 0..<n {
                                let key = k[i]
                                let b = Int((key >> shift) & 0xFF)
                                let slot = off[b]
                                off[b] = slot + 1
                                sk[slot] = key
                                so[slot] = o[i]
                            }
                        }
                    }
                }
            }
        }
        swap(&keys, &scratchKeys)
        swap(&order, &scratchOrder)
    }
    return order
}
