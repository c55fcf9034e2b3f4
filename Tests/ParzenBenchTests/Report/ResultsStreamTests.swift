import Foundation
import Testing
@testable import ParzenBench

/// Reading runs.csv and trace.csv one problem at a time gives what the whole result set gives.
@Suite struct ResultsStreamTests {
    @Test func theStreamedSummaryWritesTheSameFilesAsTheWholeResultSet() throws {
        let results = ReportFixtures.small()
        let base = ReportFixtures.temporaryFolder("stream")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try ReportFixtures.writeFolder(results, base: base)
        let streamed = try ResultsReader.summarise(folder)
        let whole = ResultsSummary(results)
        #expect(streamed.perProblem.map(\.finals) == whole.perProblem.map(\.finals))
        let a = Analysis.reportFiles(streamed, plotsLink: "p"), b = Analysis.reportFiles(whole, plotsLink: "p")
        #expect(a.map(\.name) == b.map(\.name) && a.map(\.text) == b.map(\.text))
        #expect(Plotter.scripts(streamed, source: "r") == Plotter.scripts(whole, source: "r"))
    }

    @Test func rowsOutOfTheLockProblemOrderAreNamed() throws {
        let base = ReportFixtures.temporaryFolder("stream-order")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try ReportFixtures.writeFolder(ReportFixtures.small(), base: base)
        let url = folder.appendingPathComponent("runs.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        // Repeat the first row of square (problem 0) after the rows of branin (problem 1).
        let moved = lines[1]
        let firstRosenbrock = lines.firstIndex { $0.hasPrefix("rosenbrock-3d,") }!
        lines.insert(moved, at: firstRosenbrock)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try ResultsReader.summarise(folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == firstRosenbrock + 1 && error.message.contains("problem order"))
        }
    }

    @Test func rowsAreReadAcrossChunkBoundaries() throws {
        let base = ReportFixtures.temporaryFolder("stream-chunks")
        defer { try? FileManager.default.removeItem(at: base) }
        let url = base.appendingPathComponent("t.csv")
        try "a,b\n1,\"x,y\"\n22,333\n4444,5".write(to: url, atomically: true, encoding: .utf8)
        for chunk in [1, 2, 3, 7, 64] {
            let reader = try CSVRowReader(url, header: ["a", "b"], chunk: chunk)
            var rows: [[String]] = []
            while let row = try reader.nextRow(fields: 2) { rows.append(row.fields) }
            #expect(rows == [["1", "x,y"], ["22", "333"], ["4444", "5"]])
            #expect(reader.lineNumber == 4)
        }
        #expect(throws: AnalysisError.self) { try CSVRowReader(url, header: ["a", "c"]) }
    }
}
