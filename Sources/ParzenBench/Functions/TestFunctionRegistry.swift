import Parzen

/// The test functions every race runs on, in a fixed listing order.
///
/// ```swift
/// let rosenbrock5 = try TestFunctionRegistry.function(named: "rosenbrock", dimension: 5)
/// for descriptor in TestFunctionRegistry.all { print(descriptor.key, descriptor.summary) }
/// ```
public enum TestFunctionRegistry {
    /// Every registered function, in listing order: the tutorial's two, the classic fixed-
    /// dimension functions, the scalable ones, the hyperparameter-shaped ones, `iris-knn`, then
    /// COCO's `bbob-f1` … `bbob-f24`.
    public static let all: [TestFunctionDescriptor] = [
        identity, square, tutorialRecord,
        branin, camel6, goldsteinPrice, hartmann3, hartmann6, booth, beale,
        sphere, rosenbrock, rastrigin, ackley, griewank, levy, styblinskiTang, michalewicz,
        logscale, quantized, mixed, conditional, deepConditional, weightedChoice, gaussianPriors,
        irisKNN,
    ] + bbob

    /// The registered keys, in listing order.
    public static var keys: [String] { all.map(\.key) }

    /// The descriptor with `key`, or nil.
    public static func descriptor(named key: String) -> TestFunctionDescriptor? {
        all.first { $0.key == key }
    }

    /// Makes the function `name` at `dimension` (nil: its default or fixed dimension).
    ///
    /// - Throws: ``TestFunctionError/unknownFunction(name:suggestion:known:)`` with the nearest
    ///   key when `name` is not registered, or
    ///   ``TestFunctionError/badDimension(function:requested:accepted:)``.
    public static func function(named name: String, dimension: Int? = nil) throws(TestFunctionError) -> TestFunction {
        guard let descriptor = descriptor(named: name) else {
            throw .unknownFunction(name: name, suggestion: NameSuggestion.nearest(to: name, in: keys), known: keys)
        }
        return try descriptor.make(dimension: dimension)
    }
}
