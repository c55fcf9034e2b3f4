import Parzen

// The two objectives of hyperopt's introductory tutorial (hyperopt documentation, "FMin").

extension TestFunctionRegistry {
    /// `identity`: f(x) = x, x ~ uniform(0, 1); minimum 0 at x = 0 (the infimum of [0, 1)).
    static let identity = tutorial(
        key: "identity", summary: "f(x) = x over uniform(0, 1), hyperopt's first tutorial example", over: 0...1
    ) { x in x }

    /// `square`: f(x) = x², x ~ uniform(−5, 5); minimum 0 at x = 0.
    static let square = tutorial(
        key: "square", summary: "f(x) = x^2 over uniform(-5, 5), hyperopt's tutorial example", over: -5...5
    ) { x in x * x }

    /// A tutorial objective of one number `x ~ uniform(bounds)`, its minimum 0 at x = 0.
    private static func tutorial(
        key: String, summary: String, over bounds: ClosedRange<Double>, value: @escaping @Sendable (Double) -> Double
    ) -> TestFunctionDescriptor {
        TestFunctionDescriptor(key: key, summary: summary, dimensions: .fixed(1)) { _ in
            TestFunction(
                key: key, dimension: 1, space: try! SearchSpace(.uniform("x", bounds.lowerBound, bounds.upperBound)),
                optimum: 0, minimizers: [["x": 0]],
                source: "hyperopt documentation, FMin tutorial (Bergstra et al., hyperopt)",
                evaluate: { point in value(point.double ?? .nan) })
        }
    }
}

extension TestFunctionRegistry {
    /// `tutorial-record`: the tutorial's three-parameter record space
    /// `{x: uniform(0, 1), y: normal(0, 1), name: choice(alice, bob)}` with f = x² + y²
    /// (the name does not matter); minimum 0 at x = 0, y = 0 for either name.
    static let tutorialRecord = TestFunctionDescriptor(
        key: "tutorial-record", summary: "f = x^2 + y^2 over {x: uniform(0,1), y: normal(0,1), name: choice(alice, bob)}",
        dimensions: .fixed(3)
    ) { _ in
        TestFunction(
            key: "tutorial-record", dimension: 3,
            space: try! SearchSpace(["x": .uniform("x", 0, 1), "y": .normal("y", 0, 1), "name": .choice("name", ["alice", "bob"])]),
            optimum: 0, minimizers: [["x": 0, "y": 0, "name": 0], ["x": 0, "y": 0, "name": 1]],
            source: "hyperopt documentation, FMin tutorial: the record space of the 'Defining a search space' example",
            evaluate: { point in
                let x = point["x"]?.double ?? .nan, y = point["y"]?.double ?? .nan
                return x * x + y * y
            })
    }
}

