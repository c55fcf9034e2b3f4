/// A search space as the user writes it: hyperopt's expressions nested in records and lists.
///
/// Build one with the hyperopt-style constructors and literals:
///
/// ```swift
/// let space: Space = [
///     "x": .uniform("x", 0, 1),
///     "y": .normal("y", 0, 1),
///     "name": .choice("name", ["alice", "bob"]),
/// ]
/// ```
///
/// Every hyperparameter carries a label, unique across the whole tree. A `choice` whose
/// options contain parameters makes those parameters conditional: they are active only when
/// their branch is chosen. Compile a `Space` into a ``SearchSpace`` to validate and use it.
public indirect enum Space: Sendable, Equatable {
    /// A fixed value that is part of every point (e.g. `"type": "svm"` in a branch).
    case constant(Value)
    /// A labelled hyperparameter.
    case parameter(label: String, Distribution)
    /// A list whose elements evaluate in order.
    case list([Space])
    /// A record whose fields evaluate in declaration order.
    case record(OrderedRecord<Space>)
}

extension Space: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(integerLiteral value: Int) { self = .constant(.int(value)) }
    public init(floatLiteral value: Double) { self = .constant(.double(value)) }
    public init(stringLiteral value: String) { self = .constant(.string(value)) }
    public init(booleanLiteral value: Bool) { self = .constant(.bool(value)) }
    public init(arrayLiteral elements: Space...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Space)...) { self = .record(OrderedRecord(elements)) }
}
