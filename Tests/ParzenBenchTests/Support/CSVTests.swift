import Foundation
import Testing
@testable import ParzenBench

@Suite struct CSVTests {
    /// Strings built from the characters that break CSV and line-based readers.
    static func awkwardStrings(count: Int, seed: UInt64) -> [String] {
        let pieces = ["a", "Z", "0", " ", ",", "\"", "\"\"", "\\", "\\n", "\\x4", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1}",
                      "\u{7F}", "\u{85}", "\u{2028}", "é", "e\u{301}", "\"\u{301}", "🦆", "x\\", "#", "=", ";", "nan", ""]
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined()
        }
    }

    @Test func anyStringRoundTripsThroughOneLine() {
        for text in Self.awkwardStrings(count: 5000, seed: 7) + ["", "\\", "\\\\x", "\\xZZ", "\\x0a", "\"", "\n"] {
            let field = CSV.field(text)
            #expect(!field.utf8.contains(0x0A) && !field.utf8.contains(0x0D), "\(text.debugDescription) kept a line break")
            #expect(CSV.parse(field) == [text], "\(text.debugDescription) -> \(field.debugDescription)")
        }
    }

    @Test func rowsOfAnyStringsRoundTrip() {
        let strings = Self.awkwardStrings(count: 3000, seed: 11)
        for start in stride(from: 0, to: strings.count - 4, by: 4) {
            let fields = Array(strings[start..<(start + 4)])
            let line = CSV.row(fields)
            #expect(line.split(separator: "\n", omittingEmptySubsequences: false).count == 1)
            #expect(CSV.parse(line) == fields, "\(fields.debugDescription) -> \(line.debugDescription)")
        }
    }

    @Test func aTableIsOneRecordPerLineAfterItsHeader() {
        let strings = Self.awkwardStrings(count: 300, seed: 13)
        let rows = stride(from: 0, to: strings.count - 3, by: 3).map { Array(strings[$0..<($0 + 3)]) }
        let text = CSV.text(header: ["a", "b,c", "d"], rows: rows)
        #expect(text.hasSuffix("\n"))
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == rows.count + 1)
        #expect(CSV.parse(String(lines[0])) == ["a", "b,c", "d"])
        for (line, row) in zip(lines.dropFirst(), rows) { #expect(CSV.parse(String(line)) == row) }
        #expect(CSV.text(header: ["only"], rows: []) == "only\n")
    }

    @Test func escapesAreReadable() {
        #expect(CSV.field("Traceback:\n  File \"x.py\"") == "\"Traceback:\\n  File \"\"x.py\"\"\"")
        #expect(CSV.field("C:\\temp") == "C:\\\\temp")
        #expect(CSV.field("bell\u{7}") == "bell\\x07")
        #expect(CSV.field("plain, text") == "\"plain, text\"")
        #expect(CSV.field("tab\there") == "tab\there")
    }

    @Test func unescapingCanBeTurnedOffForOldFiles() {
        #expect(CSV.parse("a\\nb,c", unescaping: false) == ["a\\nb", "c"])
        #expect(CSV.parse("a\\nb,c") == ["a\nb", "c"])
    }
}
