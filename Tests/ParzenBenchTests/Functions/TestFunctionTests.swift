import Parzen
import Testing

@testable import ParzenBench

@Suite struct TestFunctionTests {
    @Test func fixedDimensionFunctionsAcceptNilOrTheirOwnDimension() throws {
        let branin = try #require(TestFunctionRegistry.descriptor(named: "branin"))
        #expect(branin.defaultDimension == nil)
        #expect(branin.allowedDimensions == [2])
        #expect(try branin.make().dimension == 2)
        #expect(try branin.make(dimension: 2).dimension == 2)
        #expect(throws: TestFunctionError.badDimension(function: "branin", requested: 3, accepted: "2 (fixed)")) {
            try branin.make(dimension: 3)
        }
    }

    @Test func scalableFunctionsDefaultToTwoAndRespectTheDimension() throws {
        for key in ["sphere", "rosenbrock", "rastrigin", "ackley", "griewank", "levy", "styblinski-tang", "michalewicz"] {
            let descriptor = try #require(TestFunctionRegistry.descriptor(named: key))
            #expect(descriptor.defaultDimension == 2, "\(key)")
            #expect(try descriptor.make().dimension == 2, "\(key)")
        }
        for d in [1, 3, 7, 20, 100] {
            let sphere = try TestFunctionRegistry.function(named: "sphere", dimension: d)
            #expect(sphere.dimension == d)
            #expect(sphere.space.labels == (1...d).map { "x\($0)" })
            #expect(sphere.minimizers == [Assignment((1...d).map { ("x\($0)", 0.0) })])
        }
        let st = try TestFunctionRegistry.function(named: "styblinski-tang", dimension: 4)
        #expect(close(st.optimum, -39.16616570377142 * 4, 1e-12))
    }

    @Test func badDimensionsAreRejectedWithTheAcceptedOnes() throws {
        #expect(throws: TestFunctionError.badDimension(function: "rosenbrock", requested: 1, accepted: "2...100")) {
            try TestFunctionRegistry.function(named: "rosenbrock", dimension: 1)
        }
        #expect(throws: TestFunctionError.badDimension(function: "sphere", requested: 0, accepted: "1...100")) {
            try TestFunctionRegistry.function(named: "sphere", dimension: 0)
        }
        #expect(throws: TestFunctionError.badDimension(function: "ackley", requested: 101, accepted: "1...100")) {
            try TestFunctionRegistry.function(named: "ackley", dimension: 101)
        }
        for d in [1, 3, 4, 6, 20] {
            do {
                _ = try TestFunctionRegistry.function(named: "michalewicz", dimension: d)
                Issue.record("michalewicz accepted d = \(d)")
            } catch {
                #expect(error.description == "test function 'michalewicz' does not accept dimension \(d); accepted: 2, 5 or 10")
            }
        }
        #expect(TestFunctionRegistry.descriptor(named: "michalewicz")?.allowedDimensions == [2, 5, 10])
        #expect(TestFunctionRegistry.descriptor(named: "rosenbrock")?.allowedDimensions == nil)
    }

    @Test func pointReaderIsTolerantOfOrderAndMissingFields() {
        let labels = ["x1", "x2"]
        #expect(PointReader.vector(["x1": 1.0, "x2": 2.0], labels) == [1, 2])
        #expect(PointReader.vector(["x2": 2.0, "x1": 1.0], labels) == [1, 2])
        #expect(PointReader.vector(["x1": 1.0], labels)[1].isNaN)
        #expect(PointReader.vector(3.0, labels).allSatisfy { $0.isNaN })
        #expect(PointReader.number(["n": 4], "n") == 4)
    }

    @Test func aMissingFieldGivesNaNNotACrash() throws {
        let branin = try TestFunctionRegistry.function(named: "branin")
        #expect(branin.evaluate(["x1": 1.0]).isNaN)
        #expect(throws: AssignmentError.missing(label: "x2")) { try branin.value(at: ["x1": 1]) }
    }
}
