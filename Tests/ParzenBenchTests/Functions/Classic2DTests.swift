import Parzen
import Testing

@testable import ParzenBench

@Suite struct Classic2DTests {
    func value(_ key: String, _ point: [Double]) throws -> Double {
        try TestFunctionRegistry.function(named: key).value(at: coordinateAssignment(point))
    }

    @Test func domainsAreTheLibrarysOnes() throws {
        let branin = try TestFunctionRegistry.function(named: "branin")
        #expect(branin.space.root == ["x1": .uniform("x1", -5, 10), "x2": .uniform("x2", 0, 15)])
        let camel = try TestFunctionRegistry.function(named: "camel6")
        #expect(camel.space.root == ["x1": .uniform("x1", -3, 3), "x2": .uniform("x2", -2, 2)])
        #expect(try TestFunctionRegistry.function(named: "goldstein-price").space.parameters.map(\.distribution)
            == [.uniform(low: -2, high: 2), .uniform(low: -2, high: 2)])
        #expect(try TestFunctionRegistry.function(named: "booth").space.parameters.map(\.distribution)
            == [.uniform(low: -10, high: 10), .uniform(low: -10, high: 10)])
        #expect(try TestFunctionRegistry.function(named: "beale").space.parameters.map(\.distribution)
            == [.uniform(low: -4.5, high: 4.5), .uniform(low: -4.5, high: 4.5)])
    }

    @Test func knownValuesAwayFromTheOptimum() throws {
        // Hand-computed from the definitions.
        #expect(close(try value("branin", [0, 0]), 55.602112642270262, 1e-12))
        #expect(close(try value("camel6", [1, 1]), 4 - 2.1 + 1.0 / 3 + 1, 1e-14))
        #expect(try value("goldstein-price", [0, 0]) == 600)
        #expect(try value("booth", [0, 0]) == 74)
        #expect(try value("beale", [0, 0]) == 1.5 * 1.5 + 2.25 * 2.25 + 2.625 * 2.625)
    }

    @Test func optimaMatchTheLibrarysTabulatedValues() throws {
        #expect(close(try TestFunctionRegistry.function(named: "branin").optimum, 0.397887, 1e-6))
        #expect(close(try TestFunctionRegistry.function(named: "camel6").optimum, -1.0316, 1e-4))
        #expect(try TestFunctionRegistry.function(named: "branin").minimizers.count == 3)
        #expect(try TestFunctionRegistry.function(named: "camel6").minimizers.count == 2)
    }
}
