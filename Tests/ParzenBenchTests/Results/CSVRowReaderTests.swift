import Foundation
import Testing
@testable import ParzenBench

@Suite struct CSVRowReaderTests {
    /// A line split in place gives CSV.parse's fields, whatever the line holds: quotes,
    /// escapes, commas, non-ASCII text, malformed quoting, empty fields.
    @Test func fieldsAreCSVParsesFields() {
        let strings = CSVTests.awkwardStrings(count: 300, seed: 8)
        let rows = zip(strings, strings.dropFirst()).map { CSV.row([$0, $1, "1.5"]) }
        let lines = strings + rows + ["", ",", "a,b,", "1.5,-2e-05,inf,nan,r001", "x\\ny,z", "\"a,b\",c", "a\"b,c", "é,ü", "\"open,end"]
        for line in lines {
            #expect(CSVRowReader.fields(Array(line.utf8)[...]) == CSV.parse(line), "\(line.debugDescription)")
        }
    }
}
