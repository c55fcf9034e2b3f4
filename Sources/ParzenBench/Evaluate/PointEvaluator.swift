import Parzen

/// Evaluates a registered function at points written as text, one point per line
/// (`parzen evaluate`): coordinates in the order of the function's labels, separated by commas,
/// spaces or tabs; choices as option indexes. Every label takes a value (inactive labels of a
/// conditional space are read and ignored).
///
/// ```swift
/// let evaluator = PointEvaluator(function: try TestFunctionRegistry.function(named: "branin"))
/// let line = try evaluator.line(for: "1.5, 2", number: 1)   // "23.5…" in shortest round-trip form
/// ```
public struct PointEvaluator: Sendable {
    public let function: TestFunction

    public init(function: TestFunction) { self.function = function }

    /// The value at the point on line `number`, printed in shortest round-trip form
    /// (`inf`, `-inf`, `nan` for non-finite values).
    ///
    /// - Throws: ``PointLineError`` naming the line when it does not hold exactly one number per
    ///   label, or when the point is not one the space can evaluate (a bad choice index).
    /// - Complexity: the function's cost plus O(length of the line).
    public func line(for text: String, number: Int) throws(PointLineError) -> String {
        let labels = function.space.labels
        let fields = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\r" })
        guard fields.count == labels.count else {
            throw PointLineError(line: number, message: "expected \(labels.count) numbers (\(labels.joined(separator: ", "))) separated by commas or spaces, found \(fields.count)")
        }
        var values: [Double] = []
        values.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() {
            guard let value = Double(field) else {
                throw PointLineError(line: number, message: "'\(field)' is not a number (\(labels[index]))")
            }
            values.append(value)
        }
        do {
            return CSV.number(try function.value(at: Assignment(zip(labels, values).map { ($0, $1) })))
        } catch {
            throw PointLineError(line: number, message: "\(error)")
        }
    }
}

/// A line of input that is not a point of the function.
public struct PointLineError: Error, Equatable, CustomStringConvertible {
    /// The 1-based line number.
    public let line: Int
    public let message: String

    public var description: String { "line \(line): \(message)" }
}
