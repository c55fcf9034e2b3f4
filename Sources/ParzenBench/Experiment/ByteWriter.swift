/// Text built as UTF-8 bytes, for files written on a run's hot path (cell files).
///
/// Appending to a `String` costs a few hundred instructions per call, and printing a `Double`
/// through string interpolation allocates; here numbers are printed straight into the byte
/// buffer. `Double` goes through the standard library's own shortest round-trip printer
/// (`Double.write(to:)`), so the digits are exactly those of `description`.
struct ByteWriter: TextOutputStream {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

    /// Called by the standard library's number printers with their ASCII digits; taking them
    /// as bytes avoids building a `String` per number.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    mutating func write(byte: UInt8) { bytes.append(byte) }

    /// The number of bytes written so far (marks for ``rewrite(_:)``).
    var count: Int { bytes.count }

    /// Writes again the bytes at `range` of those written: copying a number is cheaper than
    /// printing it twice.
    mutating func rewrite(_ range: Range<Int>) {
        var chunk: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // a number fits one chunk
        var start = range.lowerBound
        while start < range.upperBound {
            let length = min(32, range.upperBound - start)
            withUnsafeMutableBytes(of: &chunk) { buffer in
                bytes.withUnsafeBytes { written in
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: written[start..<(start + length)]))
                }
                bytes.append(contentsOf: buffer[..<length])
            }
            start += length
        }
    }

    /// A non-negative or negative integer in decimal.
    mutating func write(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            // Int.min has no positive counterpart; its magnitude fits UInt.
            write(magnitude: value.magnitude)
        } else {
            write(magnitude: UInt(value))
        }
    }

    private mutating func write(magnitude: UInt) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        var rest = magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// A number that reads back to the same `Double` (the shortest round-trip digits), `inf`,
    /// `-inf`, `nan` for non-finite values, nothing for nil: the spelling of every number in
    /// Parzen's CSV files (``CSV/number(_:)`` prints through this).
    mutating func write(number value: Double?) {
        guard let value else { return }
        if value.isNaN {
            write("nan")
        } else if value.isInfinite {
            write(value < 0 ? "-inf" : "inf")
        } else {
            value.write(to: &self)
        }
    }
}
