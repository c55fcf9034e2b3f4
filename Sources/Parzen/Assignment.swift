/// A point in a search space in hyperopt's flat form: label → stored value, active labels only.
///
/// Stored values follow hyperopt's `misc.vals`: `choice`/`pchoice` store the option **index**,
/// `randint` the integer, `uniformint` and the quantized kinds the rounded float, and the
/// others the float. ``SearchSpace/evaluate(_:)`` turns an assignment into the typed, nested
/// ``Value`` an objective receives. Labels keep insertion order (the space's declaration order
/// when a suggester builds it), which makes printing and hashing deterministic.
public struct Assignment: Sendable, Hashable {
    /// Label → stored value: the record shape, with unique labels in order.
    private(set) var fields: OrderedRecord<Double>

    /// The labels, in order.
    public var labels: [String] { fields.keys }
    /// The stored values, one per label.
    public var values: [Double] { fields.values }

    /// An empty assignment.
    public init() { fields = [:] }

    /// An assignment of `values` to `labels`, which must be unique (e.g. a space's labels);
    /// the labels array is shared, not copied label by label.
    init(uniqueLabels labels: [String], values: [Double]) {
        precondition(labels.count == values.count)
        fields = OrderedRecord(uniqueKeys: labels, values: values)
    }

    /// An assignment from label–value pairs, in the order given.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Double) {
        fields = OrderedRecord(pairs)
    }

    /// The stored value of `label`, or nil when the label is absent (inactive or unknown).
    /// Setting nil removes the label; setting a new label appends it.
    public subscript(label: String) -> Double? {
        get { fields[label] }
        set { fields[label] = newValue }
    }

    /// The value of `label`, trying position `cursor` first and moving the cursor past a hit.
    ///
    /// Suggesters write labels in the space's declaration order, so a caller walking the
    /// space's labels in that order finds each with one comparison; anything else falls back
    /// to ``subscript(label:)``.
    ///
    /// - Complexity: O(1) when the label is at `cursor`, O(count) otherwise.
    @inline(__always)
    public func value(of label: String, cursor: inout Int) -> Double? {
        if cursor < fields.keys.count && fields.keys[cursor] == label {
            defer { cursor += 1 }
            return fields.values[cursor]
        }
        return self[label]
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }
}

extension Assignment: Sequence {
    public func makeIterator() -> some IteratorProtocol<(label: String, value: Double)> {
        zip(fields.keys, fields.values).lazy.map { (label: $0.0, value: $0.1) }.makeIterator()
    }
}

extension Assignment: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Double)...) { self.init(elements) }
}

extension Assignment: CustomStringConvertible {
    /// `{label: value, …}` in label order. Whole numbers print as integers (`{classifier_type: 2,
    /// n_neighbors: 7}`: choice indexes, integer kinds, quantized values), others in Swift's
    /// shortest round-trip form.
    public var description: String {
        "{" + map { "\(TextQuoting.quotedIfNeeded($0.label)): \(NumberFormatting.integerOrShortest($0.value))" }.joined(separator: ", ") + "}"
    }
}
