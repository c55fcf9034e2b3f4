import Parzen

// The two objectives of hyperopt's introductory tutorial (hyperopt documentation, "FMin").

extension TestFunctionRegistry {
    /// `identity`: f(x) = x, x ~ uniform(0, 1); minimum 0 at x = 0 (the infimum of [0, 1)).
    static let identity = TestFunctionDescriptor(
        key: "identity", summary: "f(x) = x over uniform(0, 1), hyperopt's first tutorial example",
        dimensions: .fixed(1)
    ) { _ in
        TestFunction(
            key: "identity", dimension: 1, space: try! SearchSpace(.uniform("x", 0, 1)),
            optimum: 0, minimizers: [["x": 0]],
            source: "hyperopt documentation, FMin tutorial (Bergstra et al., hyperopt)",
            evaluate: { point in point.double ?? .nan })
    }

    /// `square`: f(x) = x², x ~ uniform(−5, 5); minimum 0 at x = 0.
    static let square = TestFunctionDescriptor(
        key: "square", summary: "f(x) = x^2 over uniform(-5, 5), hyperopt's tutorial example",
        dimensions: .fixed(1)
    ) { _ in
        TestFunction(
            key: "square", dimension: 1, space: try! SearchSpace(.uniform("x", -5, 5)),
            optimum: 0, minimizers: [["x": 0]],
            source: "hyperopt documentation, FMin tutorial (Bergstra et al., hyperopt)",
            evaluate: { point in
                let x = point.double ?? .nan
                return x * x
            })
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

