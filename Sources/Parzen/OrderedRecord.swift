/// Fields in declaration order with unique keys: the record shape shared by spaces and values.
///
/// Order is part of the value (it decides draw order and printed order), so two records with
/// the same fields in another order are different. Lookup by key is linear; records are small.
public struct OrderedRecord<Element> {
    public private(set) var keys: [String]
    public private(set) var values: [Element]

    /// An empty record.
    public init() { keys = []; values = [] }

    /// A record from key–value pairs; a repeated key keeps its first position and last value.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Element) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// The value for `key`, or nil. Setting nil removes the field; setting a new key appends it.
    public subscript(key: String) -> Element? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue { values[index] = newValue } else { keys.remove(at: index); values.remove(at: index) }
            } else if let newValue {
                keys.append(key); values.append(newValue)
            }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The same keys, in the same order, with each value transformed (the keys array is shared,
    /// not rebuilt).
    ///
    /// - Complexity: O(count) calls of `transform`.
    public func mapValues<T, E: Error>(_ transform: (Element) throws(E) -> T) throws(E) -> OrderedRecord<T> {
        var mapped: [T] = []
        mapped.reserveCapacity(values.count)
        for value in values { mapped.append(try transform(value)) }
        return OrderedRecord<T>(uniqueKeys: keys, values: mapped)
    }

    /// Keys known to be unique, and one value per key (the keys array is shared, not rebuilt).
    init(uniqueKeys: [String], values: [Element]) {
        keys = uniqueKeys
        self.values = values
    }
}

extension OrderedRecord: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: Element)> {
        zip(keys, values).lazy.map { (key: $0.0, value: $0.1) }.makeIterator()
    }
}

extension OrderedRecord: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Element)...) { self.init(elements) }
}

extension OrderedRecord: Sendable where Element: Sendable {}
extension OrderedRecord: Equatable where Element: Equatable {}
extension OrderedRecord: Hashable where Element: Hashable {}
