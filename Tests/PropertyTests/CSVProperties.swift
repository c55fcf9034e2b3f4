import PropertyBased
import Testing
@testable import ParzenBench

@Suite struct CSVProperties {
    /// Any fields written as one row read back as the same fields, from one line.
    @Test func rowReadsBackAsItsFields() async {
        await propertyCheck(count: 500, input: TextPieces.strings.array(of: 1...6)) { fields in
            let line = CSV.row(fields)
            #expect(!line.utf8.contains(0x0A) && !line.utf8.contains(0x0D), "a row spans lines: \(line.debugDescription)")
            #expect(CSV.parse(line) == fields, "row \(line.debugDescription)")
        }
    }

    /// Escaping is undone exactly, and leaves no line break or other control character but the tab.
    @Test func unescapeUndoesEscape() async {
        await propertyCheck(count: 500, input: TextPieces.longStrings) { text in
            let escaped = CSV.escape(text)
            #expect(CSV.unescape(escaped) == text)
            #expect(!escaped.utf8.contains { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F })
        }
    }
}
