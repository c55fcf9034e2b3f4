import Parzen
import Testing

@testable import ParzenBench

@Suite struct HartmannTests {
    @Test func optimaMatchTheLibrarysTabulatedValuesAndMinimizers() throws {
        let h3 = try TestFunctionRegistry.function(named: "hartmann3")
        #expect(close(h3.optimum, -3.86278, 1e-5))
        // The Library's rounded minimiser is within 1e-6 of the optimum.
        #expect(close(try h3.value(at: coordinateAssignment([0.114614, 0.555649, 0.852547])), h3.optimum, 1e-6))
        let h6 = try TestFunctionRegistry.function(named: "hartmann6")
        #expect(close(h6.optimum, -3.32237, 1e-5))
        #expect(close(try h6.value(at: coordinateAssignment([0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573])), h6.optimum, 1e-6))
        #expect(h3.space.parameters.allSatisfy { $0.distribution == .uniform(low: 0, high: 1) })
        #expect(h6.space.parameters.allSatisfy { $0.distribution == .uniform(low: 0, high: 1) })
    }
}
