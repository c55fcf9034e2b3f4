/// Text built as UTF-8 bytes, for files written on a run's hot path (cell files).
///
/// Appending to a `String` costs a few hundred instructions per call, and printing a `Double`
/// through string interpolation allocates; here numbers are printed straight into the byte
/// buffer. `Double` goes through the standard library's own shortest round-trip printer
/// (`Double.write(to:)`), so the digits are exactly those of `description`.
///
/// The buffer is raw memory grown by doubling, not an `[UInt8]`: every append to an array
/// checks uniqueness and capacity, which cost more than the bytes themselves. Noncopyable, so
/// the buffer has exactly one owner and is freed once.
struct ByteWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    /// The number of bytes written so far.
    private var count = 0
    private var capacity: Int
    /// Where numbers were printed, by bit pattern: a direct-mapped table of ``memoSlots``
    /// entries (length 0 marks an empty one); nil unless remembering.
    private let memo: UnsafeMutablePointer<(bits: UInt64, start: Int, length: Int)>?
    private static let memoSlots = 256

    /// - Parameter rememberingNumbers: whether ``write(number:)`` copies a number it printed
    ///   before instead of printing it again (worth it for tables whose values repeat).
    init(capacity: Int = 0, rememberingNumbers: Bool = false) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
        if rememberingNumbers {
            let memo = UnsafeMutablePointer<(bits: UInt64, start: Int, length: Int)>.allocate(capacity: Self.memoSlots)
            memo.initialize(repeating: (0, 0, 0), count: Self.memoSlots)
            self.memo = memo
        } else {
            memo = nil
        }
    }

    deinit {
        start.deallocate()
        memo?.deallocate()
    }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if extra > capacity - count { grow(toAtLeast: count + extra) }
    }

    @inline(never)
    private mutating func grow(toAtLeast needed: Int) {
        let newCapacity = max(needed, 2 * capacity)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.initialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let base = bytes.baseAddress { (start + count).initialize(from: base, count: bytes.count) }
        count += bytes.count
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { write($0) }
    }

    mutating func write(byte: UInt8) {
        reserve(1)
        (start + count).initialize(to: byte)
        count += 1
    }

    /// Writes again the bytes at `range` of those written: copying a number is cheaper than
    /// printing it twice.
    private mutating func rewrite(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        reserve(range.count)  // may move the buffer: the source is addressed after it
        (start + count).initialize(from: start + range.lowerBound, count: range.count)
        count += range.count
    }

    /// A non-negative or negative integer in decimal.
    mutating func write(_ value: Int) {
        reserve(21)  // a sign and 19 digits at most
        if value < 0 { write(byte: UInt8(ascii: "-")) }
        // Int.min has no positive counterpart; its magnitude fits UInt.
        var rest = value.magnitude
        let first = count
        repeat {  // least significant digit first, reversed below
            start[count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            count += 1
            rest /= 10
        } while rest > 0
        var digits = UnsafeMutableBufferPointer(start: start + first, count: count - first)
        digits.reverse()
    }

    /// A number that reads back to the same `Double` (the shortest round-trip digits), `inf`,
    /// `-inf`, `nan` for non-finite values, nothing for nil: the spelling of every number in
    /// Parzen's CSV files (``CSV/number(_:)`` prints through this).
    mutating func write(number value: Double?) {
        guard let value else { return }
        guard let memo else { return printDigits(value) }
        // Equal bits print equal digits, so a remembered number's bytes are those it would print.
        let bits = value.bitPattern
        let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 56)  // 256 slots
        let entry = memo[slot]
        if entry.bits == bits && entry.length > 0 {
            rewrite(entry.start..<(entry.start + entry.length))
        } else {
            let printed = count
            printDigits(value)
            memo[slot] = (bits, printed, count - printed)
        }
    }

    private mutating func printDigits(_ value: Double) {
        if value.isNaN {
            write("nan")
        } else if value.isInfinite {
            write(value < 0 ? "-inf" : "inf")
        } else {
            reserve(DigitSink.room)
            var sink = DigitSink(start: start + count)
            value.write(to: &sink)
            count += sink.count
        }
    }
}

/// Where `Double.write(to:)` puts its digits: straight into a ``ByteWriter``'s reserved room.
private struct DigitSink: TextOutputStream {
    /// The standard library prints a `Double` into a 32-byte buffer; its longest output is 24.
    static let room = 32
    let start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(start: UnsafeMutablePointer<UInt8>) { self.start = start }

    /// Called by the standard library's number printers with their ASCII digits; taking them
    /// as bytes avoids building a `String` per number.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        precondition(buffer.count <= Self.room - count)
        if let base = buffer.baseAddress { (start + count).initialize(from: base, count: buffer.count) }
        count += buffer.count
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { _writeASCII($0) }
    }
}
