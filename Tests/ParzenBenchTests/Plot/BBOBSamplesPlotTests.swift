import Testing
@testable import ParzenBench

/// The sample pictures draw a bbob problem at the instance its replicate 0 ran.
@Suite struct BBOBSamplesPlotTests {
    @Test func theLandscapeIsTheRunInstances() throws {
        let fixed = ResultSet.Problem(label: "p", functionKey: "bbob-f15", dimension: 2, optimum: nil, instance: 3)
        let byReplicate = ResultSet.Problem(label: "q", functionKey: "bbob-f15", dimension: 2, optimum: nil, instance: nil)
        #expect(SamplesPlot.function(for: fixed)?.optimum == (try BBOBFunction(number: 15, dimension: 2, instance: 3)).optimumValue)
        #expect(SamplesPlot.function(for: byReplicate)?.optimum == (try BBOBFunction(number: 15, dimension: 2, instance: 1)).optimumValue)
    }
}
