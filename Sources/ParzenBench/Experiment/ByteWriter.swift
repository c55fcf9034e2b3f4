/// Text built as UTF-8 bytes, for files written on a run's hot path (cell files).
///
/// Appending to a `String` costs a few hundred instructions per call, and printing a `Double`
/// through string interpolation allocates; here numbers are printed straight into the byte
/// buffer. A `Double` goes through ``ShortestDigits`` (Grisu2) rather than the standard library's
/// printer (`Double.write(to:)`): the text reads back (`strtod`) to the same double and is laid out
/// as `description` lays it out; the digits are those of `description` except for about one
/// double in a thousand (more digits than needed, or the last digit off by one; see there).
struct ByteWriter: TextOutputStream {
    /// The text written so far: `storage[..<count]`; the rest of `storage` is room to print into.
    private var storage: [UInt8]
    private var count = 0

    /// `capacity` bytes of text fit without reallocating (plus the scratch room a number needs).
    init(capacity: Int = 0) { storage = [UInt8](repeating: 0, count: capacity + ShortestDigits.room) }

    /// The text written so far (the storage cut to it, not copied).
    var bytes: [UInt8] {
        mutating get {
            storage.removeSubrange(count...)
            return storage
        }
    }

    /// Makes room for `needed` more bytes (amortized: at least doubles the storage).
    @inline(__always)
    private mutating func reserve(_ needed: Int) {
        if storage.count - count < needed {
            storage.append(contentsOf: repeatElement(0, count: max(storage.count, needed)))
        }
    }

    /// Lets `body` write at most `maximum` bytes at the end; it returns how many it wrote.
    @inline(__always)
    private mutating func append(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        let start = count
        count += storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { _writeASCII($0) }
    }

    /// Called by the standard library's number printers with their ASCII digits; taking them
    /// as bytes avoids building a `String` per number.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        append(maximum: buffer.count) { target in
            target.update(from: source, count: buffer.count)
            return buffer.count
        }
    }

    mutating func write(byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// A non-negative or negative integer in decimal.
    mutating func write(_ value: Int) {
        append(maximum: 20) { target in
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
            var length = 0
            var rest = value.magnitude  // Int.min has no positive counterpart; its magnitude fits UInt.
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    length += 1
                    buffer[24 - length] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                } while rest > 0
                if value < 0 {
                    length += 1
                    buffer[24 - length] = UInt8(ascii: "-")
                }
                target.update(from: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + 24 - length, count: length)
            }
            return length
        }
    }

    /// A number that reads back to the same `Double`, as ``ShortestDigits`` prints it (the text of
    /// ``CSV/number(_:)`` but for about one double in a thousand), `inf`, `-inf`, `nan`; nothing for nil.
    ///
    /// - Complexity: about 470 instructions (55–75 ns) for a number with a fraction and 190 (30 ns)
    ///   for an integral one, against 680 and 660 (65–100 ns) through `Double.write(to:)`; no
    ///   allocation beyond the buffer's growth.
    mutating func write(number value: Double?) {
        guard let value else { return }
        if value.isFinite {
            append(maximum: ShortestDigits.room) { ShortestDigits.write(value, to: $0) }
        } else if value.isNaN {
            write("nan")
        } else {
            write(value < 0 ? "-inf" : "inf")
        }
    }
}
