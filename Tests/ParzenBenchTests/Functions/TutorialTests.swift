import Parzen
import Testing

@testable import ParzenBench

@Suite struct TutorialTests {
    @Test func identityAndSquareAreTheTutorialObjectives() throws {
        let identity = try TestFunctionRegistry.function(named: "identity")
        #expect(identity.space.root == .uniform("x", 0, 1))
        #expect(try identity.value(at: ["x": 0.25]) == 0.25)
        let square = try TestFunctionRegistry.function(named: "square")
        #expect(square.space.root == .uniform("x", -5, 5))
        #expect(try square.value(at: ["x": -3]) == 9)
        #expect(identity.optimum == 0 && square.optimum == 0)
    }
}
