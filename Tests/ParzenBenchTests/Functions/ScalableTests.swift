import Foundation
import Parzen
import Testing

@testable import ParzenBench

@Suite struct ScalableTests {
    func value(_ key: String, _ point: [Double]) throws -> Double {
        try TestFunctionRegistry.function(named: key, dimension: point.count).value(at: coordinateAssignment(point))
    }

    @Test func domainsAreTheLibrarysOnes() throws {
        let domains: [(String, Double, Double)] = [
            ("sphere", -5.12, 5.12), ("rosenbrock", -5, 10), ("rastrigin", -5.12, 5.12), ("ackley", -32.768, 32.768),
            ("griewank", -600, 600), ("levy", -10, 10), ("styblinski-tang", -5, 5), ("michalewicz", 0, Double.pi),
        ]
        for (key, low, high) in domains {
            let f = try TestFunctionRegistry.function(named: key, dimension: key == "michalewicz" ? 5 : 3)
            #expect(f.space.parameters.allSatisfy { $0.distribution == .uniform(low: low, high: high) }, "\(key)")
        }
    }

    @Test func knownValuesAwayFromTheOptimum() throws {
        #expect(try value("sphere", [1, 2, 3]) == 14)
        #expect(try value("rosenbrock", [0, 0]) == 1)
        #expect(try value("rosenbrock", [0, 0, 0]) == 2)
        #expect(close(try value("rastrigin", [1, 1]), 2, 1e-12))
        #expect(close(try value("rastrigin", [0.5]), 10 + 0.25 + 10, 1e-12))
        #expect(close(try value("ackley", [1, 1]), 3.6253849384403627, 1e-12))
        #expect(close(try value("griewank", [1, 1]), 1 + 2.0 / 4000 - cos(1) * cos(1 / 2.0.squareRoot()), 1e-14))
        #expect(close(try value("styblinski-tang", [0, 0]), 0, 0))
        #expect(close(try value("styblinski-tang", [1]), 0.5 * (1 - 16 + 5), 1e-14))
    }

    @Test func michalewiczOptimaMatchTheTabulatedValues() throws {
        for (d, tabulated, digits) in [(2, -1.8013, 1e-4), (5, -4.687658, 1e-6), (10, -9.66015, 1e-5)] {
            let f = try TestFunctionRegistry.function(named: "michalewicz", dimension: d)
            #expect(abs(f.optimum - tabulated) <= digits, "d = \(d): \(f.optimum)")
        }
        // The d = 2 minimiser the Library lists, (2.20, 1.57), is near ours.
        let m2 = try TestFunctionRegistry.function(named: "michalewicz", dimension: 2)
        #expect(close(try m2.value(at: coordinateAssignment([2.20, 1.57])), -1.8013, 1e-2))
    }

    @Test func michalewiczCoordinateMinimaAreMinimaOnAFineGrid() {
        // Separable: each coordinate's term must not go below its tabulated minimum on [0, π].
        for i in 0..<10 {
            var lowest = Double.infinity
            for step in 0...20_000 {
                let x = Double.pi * Double(step) / 20_000
                let inner = sin(Double(i + 1) * x * x / Double.pi)
                lowest = min(lowest, -sin(x) * pow(inner, 20))
            }
            #expect(lowest >= TestFunctionRegistry.michalewiczCoordinateMinima[i] - 1e-12, "coordinate \(i + 1)")
            #expect(close(lowest, TestFunctionRegistry.michalewiczCoordinateMinima[i], 1e-4), "coordinate \(i + 1)")
        }
    }

    @Test func styblinskiTangOptimumScalesWithDimension() throws {
        for d in [1, 2, 5, 40] {
            let f = try TestFunctionRegistry.function(named: "styblinski-tang", dimension: d)
            #expect(close(f.optimum, -39.16616570377142 * Double(d), 1e-12))
            #expect(close(try f.value(at: f.minimizers[0]), f.optimum, 1e-12))
        }
    }
}
