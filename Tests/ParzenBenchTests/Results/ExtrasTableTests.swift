import Foundation
import Testing
@testable import ParzenBench

@Suite struct ExtrasTableTests {
    private let header = "problem,suggester,replicate,trial,key,value\n"

    /// The rows of extras.csv in file order, every field as written.
    @Test func readsEveryRow() throws {
        let text = header + "branin,cmaes,0,12,cmaes_run,2\nbranin,cmaes,1,30,cmaes_popsize,\"8, doubled\"\n"
        let rows = try ExtrasTable.rows(text, file: "extras.csv")
        #expect(rows.count == 2)
        #expect(rows[0].problem == "branin" && rows[0].suggester == "cmaes" && rows[0].replicate == 0 && rows[0].trial == 12)
        #expect(rows[0].key == "cmaes_run" && rows[0].value == "2")
        #expect(rows[1].replicate == 1 && rows[1].trial == 30 && rows[1].value == "8, doubled")
    }

    /// A malformed row is named by its line: a replicate that is not an integer, a short row,
    /// a blank line.
    @Test func aMalformedRowIsNamedByItsLine() {
        let cases: [(String, Int, String)] = [
            (header + "branin,cmaes,0,12,cmaes_run,2\nbranin,cmaes,x,12,cmaes_run,2\n", 3, "expected integer replicate and trial, got 'x', '12'"),
            (header + "branin,cmaes,0,12,cmaes_run\n", 2, "expected 6 fields"),
            (header + "\nbranin,cmaes,0,12,cmaes_run,2\n", 2, "expected 6 fields"),
        ]
        for (text, line, message) in cases {
            #expect(throws: AnalysisError(file: "extras.csv", line: line, message: message)) { try ExtrasTable.rows(text, file: "extras.csv") }
        }
        #expect(throws: AnalysisError(file: "extras.csv", line: 1, message: "expected the header problem,suggester,replicate,trial,key,value")) {
            try ExtrasTable.rows("problem,suggester\n", file: "extras.csv")
        }
    }
}
