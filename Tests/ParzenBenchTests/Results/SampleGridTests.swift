import Foundation
import Testing
import Parzen
@testable import ParzenBench

/// The function under the sample pictures, written at collect time: which problems get one, the
/// axes file, the grid, and `parzen plot` reading them back.
@Suite struct SampleGridTests {
    @Test func aBBOBProblemIsDrawnAtTheInstanceItsReplicateZeroRan() throws {
        let fixed = ProblemSpec(label: "p", objective: try BBOBObjective(number: 15, dimension: 2, instances: .fixed(3)))
        let byReplicate = ProblemSpec(label: "q", objective: try BBOBObjective(number: 15, dimension: 2, instances: .byReplicate))
        #expect(SampleGrid.function(for: fixed)?.optimum == (try BBOBFunction(number: 15, dimension: 2, instance: 3)).optimumValue)
        #expect(SampleGrid.function(for: byReplicate)?.optimum == (try BBOBFunction(number: 15, dimension: 2, instance: 1)).optimumValue)
        let threeD = try TestFunctionRegistry.function(named: "rosenbrock", dimension: 3)
        #expect(SampleGrid.function(for: ProblemSpec(label: "r", objective: TestFunctionObjective(function: threeD, requestedDimension: 3, noise: 0))) == nil)
        let deep = try BBOBObjective(number: 1, dimension: 3, instances: .fixed(1))
        #expect(SampleGrid.function(for: ProblemSpec(label: "d", objective: deep)) == nil)
    }

    @Test func axesWidenThePriorToTheSamplesAndReadBack() throws {
        let lr = SampleAxis(label: "lr", isLog: true, low: 1e-5, high: 1)
        var x = SampleAxis(label: "x", isLog: false, low: -5, high: 10)
        x.include([-7.25, 3, .nan, .infinity, 12.5])
        #expect(x == SampleAxis(label: "x", isLog: false, low: -7.25, high: 12.5))
        var widened = lr
        widened.include([0, -1, 3e-6])
        #expect(widened.low == 3e-6 && widened.high == 1, "non-positive values cannot be drawn on log10")
        #expect(lr.title == "log10(lr)" && x.title == "x" && lr.coordinate(100) == 2 && lr.coordinate(0).isNaN)
        let text = SampleAxesTable.text([("branin", [x, SampleAxis(label: "y, z", isLog: false, low: 0, high: 15)]), ("lr", [lr])])!
        #expect(text == "problem,axis,label,scale,low,high\nbranin,x,x,linear,-7.25,12.5\nbranin,y,\"y, z\",linear,0.0,15.0\nlr,x,lr,log10,1e-05,1.0\n")
        let read = try SampleAxesTable.axes(text, file: "a.csv")
        #expect(read["branin"] == [x, SampleAxis(label: "y, z", isLog: false, low: 0, high: 15)] && read["lr"] == [lr])
        #expect(SampleAxesTable.text([]) == nil)
    }

    @Test func malformedAxesNameTheLine() {
        let header = "problem,axis,label,scale,low,high\n"
        let cases = [
            ("problem,axis\n", 1, "expected the header problem,axis,label,scale,low,high"),
            (header + "b,x,x,linear,0\n", 2, "expected 6 fields: problem,axis,label,scale,low,high"),
            (header + "b,y,x,linear,0,1\n", 2, "axis 'y': expected x, then y, once each per problem"),
            (header + "b,x,x,linear,0,1\nb,x,y,linear,0,1\n", 3, "axis 'x': expected x, then y, once each per problem"),
            (header + "b,x,x,ln,0,1\n", 2, "scale 'ln': expected linear or log10"),
            (header + "b,x,x,linear,0,inf\n", 2, "low '0', high 'inf': expected finite numbers"),
        ]
        for (text, line, message) in cases {
            #expect(throws: AnalysisError(file: "a.csv", line: line, message: message)) { try SampleAxesTable.axes(text, file: "a.csv") }
        }
    }

    @Test func theGridIsTheFunctionOverTheAxes() throws {
        let square = try TestFunctionRegistry.function(named: "square")
        let axis = SampleAxis(label: square.space.labels[0], isLog: false, low: -2, high: 2)
        let lines = SampleGrid.text(square, axes: [axis]).split(separator: "\n")
        #expect(lines.count == 1 + SampleGrid.curvePoints)
        #expect(lines[0] == "# \(axis.label) f")
        #expect(lines[1] == "-2.0 \(try square.value(at: Assignment([(axis.label, -2)])))")
        #expect(lines[201] == "0.0 \(try square.value(at: Assignment([(axis.label, 0)])))")
        let branin = try TestFunctionRegistry.function(named: "branin")
        let map = SampleGrid.text(branin, axes: branin.space.parameters.map(SampleAxis.init)).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(map.count == 1 + SampleGrid.mapPoints * SampleGrid.mapPoints + (SampleGrid.mapPoints - 1) + 1)
        #expect(map[0].hasPrefix("# x1 x2 log10(f - f* + ") && map[1].hasPrefix("-5.0 0.0 ") && map[SampleGrid.mapPoints + 1] == "")
    }

    @Test func plotCopiesTheGridsIntoAnotherFolderAndNamesAMissingOne() throws {
        let base = ReportFixtures.temporaryFolder("grids")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try ReportFixtures.writeFolder(ReportFixtures.small(), base: base)
        let collected = base.appendingPathComponent("plots/fixture/branin-grid.dat")
        let other = base.appendingPathComponent("elsewhere")
        let outcome = try Plotter.plot(resultsFolder: folder, plotsFolder: other, renderer: nil)
        #expect(outcome.scripts.contains { $0.collected == ["branin-grid.dat"] })
        #expect(try Data(contentsOf: other.appendingPathComponent("branin-grid.dat")) == Data(contentsOf: collected))
        try FileManager.default.removeItem(at: collected)
        try FileManager.default.removeItem(at: other)
        #expect(throws: AnalysisError(file: collected.path, message: "missing: `parzen collect` writes the function grid of each sample picture")) {
            try Plotter.plot(resultsFolder: folder, renderer: nil)
        }
    }
}
