import Testing
@testable import ParzenBench

@Suite struct ByteWriterTests {
    static let numbers: [Double] = [0, -0.0, 1, -1.5, 0.1, 1e-300, -2.2250738585072014e-308, 1.7976931348623157e308,
                                    .leastNonzeroMagnitude, 123456789.125, .pi, .infinity, -.infinity, .nan]

    /// The text written, starting from a buffer too small for it (so it grows several times).
    func text(rememberingNumbers: Bool, _ write: (inout ByteWriter) -> Void) -> String {
        var out = ByteWriter(capacity: 1, rememberingNumbers: rememberingNumbers)
        write(&out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test func numbersPrintTheirDescriptionRememberedOrNot() {
        // Each number twice, and the list twice: the second copies come from the memo.
        let values = Self.numbers + Self.numbers.reversed() + Self.numbers
        let expected = values.map { value in
            value.isNaN ? "nan" : value.isInfinite ? (value < 0 ? "-inf" : "inf") : value.description
        }.joined(separator: ",")
        for remembering in [false, true] {
            let written = text(rememberingNumbers: remembering) { out in
                for (index, value) in values.enumerated() {
                    if index > 0 { out.write(byte: UInt8(ascii: ",")) }
                    out.write(number: value)
                }
                out.write(number: nil)  // nothing
            }
            #expect(written == expected)
        }
    }

    @Test func integersAndStrings() {
        let integers = [0, 7, -7, 10, -100, 1_234_567_890, Int.max, Int.min]
        let written = text(rememberingNumbers: false) { out in
            for value in integers {
                out.write(value)
                out.write(" é|")
            }
        }
        #expect(written == integers.map { "\($0) é|" }.joined())
    }
}
