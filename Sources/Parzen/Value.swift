/// A plain value as an objective receives it: what a search space evaluates to.
///
/// Integer kinds (`randint`, `uniformint`) evaluate to ``int(_:)``, the other numeric kinds
/// to ``double(_:)``, and `choice`/`pchoice` to the chosen option itself.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([Value])
    case record(OrderedRecord<Value>)

    /// The number as a `Double`, for `.int` and `.double`; nil otherwise.
    public var double: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The integer, for `.int` (and a `.double` holding an exact integer); nil otherwise.
    public var int: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: return Int(d)
        default: return nil
        }
    }

    /// The string, for `.string`; nil otherwise.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The Boolean, for `.bool`; nil otherwise.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The field `key` of a record; nil for other values or a missing key.
    public subscript(key: String) -> Value? {
        if case .record(let record) = self { return record[key] }
        return nil
    }

    /// The element at `index` of a list; nil for other values or out of range.
    public subscript(index: Int) -> Value? {
        if case .list(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .record(OrderedRecord(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

extension Value: CustomStringConvertible {
    /// A compact text form: records as `{a: 1, b: x}`, lists as `[1, 2]`, numbers so they
    /// round-trip, strings bare when they are plain words and quoted otherwise.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return NumberFormatting.shortest(d)
        case .string(let s): return TextQuoting.quotedIfNeeded(s)
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .record(let record):
            return "{" + record.map { "\(TextQuoting.quotedIfNeeded($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
