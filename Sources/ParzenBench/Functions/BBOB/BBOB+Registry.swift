import Parzen

// COCO's bbob functions in the registry: `bbob-f1` … `bbob-f24`, instance 1 unless asked.

extension TestFunctionRegistry {
    /// The 24 `bbob` descriptors (instance 1), dimensions 2, 3, 5, 10, 20, 40, default 2.
    static let bbob: [TestFunctionDescriptor] = BBOBFunction.numbers.map { number in
        TestFunctionDescriptor(
            key: "bbob-f\(number)", summary: "COCO bbob f\(number), \(BBOBFunction.names[number - 1]); instance 1 unless `instance:`",
            dimensions: .allowed(BBOBFunction.dimensions), defaultDimension: 2
        ) { d in
            // The number and dimension were checked by the descriptor.
            try! bbobTestFunction(BBOBFunction(number: number, dimension: d, instance: 1))
        }
    }

    /// The function number of a `bbob-fN` key, nil when `name` is not of that form.
    public static func bbobNumber(_ name: String) -> Int? {
        guard name.hasPrefix("bbob-f"), let number = Int(name.dropFirst("bbob-f".count)),
              String(number) == name.dropFirst("bbob-f".count) else { return nil }
        return number
    }

    /// Makes `name` at `dimension` and, for a `bbob-` function, `instance` (nil: 1).
    ///
    /// - Throws: the registry's errors, or ``BBOBError`` (as text) for a bbob number, dimension
    ///   or instance COCO does not define, or an instance asked of a function that has none.
    public static func function(named name: String, dimension: Int?, instance: Int?) throws -> TestFunction {
        if name.hasPrefix("bbob-") {
            guard let number = bbobNumber(name) else {
                throw TestFunctionError.unknownFunction(name: name, suggestion: nil, known: ["bbob-f1 … bbob-f24"])
            }
            return bbobTestFunction(try BBOBFunction(number: number, dimension: dimension ?? 2, instance: instance ?? 1))
        }
        if let instance {
            throw BBOBInstanceMisuse(function: name, instance: instance)
        }
        return try function(named: name, dimension: dimension)
    }

    /// A bbob function as a ``TestFunction`` over [−5, 5]ᴰ, labels x1 … xD.
    static func bbobTestFunction(_ f: BBOBFunction) -> TestFunction {
        let labels = coordinateLabels(f.dimension)
        let bounds = Array(repeating: BBOBFunction.domain, count: f.dimension)
        return TestFunction(
            key: f.key, dimension: f.dimension, space: boxSpace(bounds.map { ($0.low, $0.high) }),
            optimum: f.optimumValue, minimizers: [coordinateAssignment(f.xOpt)],
            source: "COCO bbob suite, numbbo/coco code-experiments/src (\(f.key), instance \(f.instance)); Hansen, Finck, Ros & Auger (2009), Real-parameter black-box optimization benchmarking 2009: noiseless functions definitions, INRIA RR-6829",
            evaluate: { point in
                let x = PointReader.vector(point, labels)
                return f.value(at: x)
            })
    }
}

/// An instance asked of a function that is not a `bbob-` function.
public struct BBOBInstanceMisuse: Error, CustomStringConvertible {
    public let function: String
    public let instance: Int
    public var description: String {
        "only bbob-f1 … bbob-f24 take an instance; '\(function)' has none"
    }
}
