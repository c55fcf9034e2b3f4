/// JSON form of a value: null, true/false, numbers, strings, arrays, objects.
///
/// Whole numbers decode as `.int`, others as `.double`; non-finite doubles encode as the
/// strings "nan", "inf", "-inf" (JSON has no literal for them). Object keys decode in sorted
/// order, since JSON decoders do not keep the written order.
extension Value: Codable {
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [Value] = []
            while !array.isAtEnd { items.append(try array.decode(Value.self)) }
            self = .list(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var record = OrderedRecord<Value>()
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                record[key.stringValue] = try object.decode(Value.self, forKey: key)
            }
            self = .record(record)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let b = try? single.decode(Bool.self) { self = .bool(b) }
        else if let i = try? single.decode(Int.self) { self = .int(i) }
        else if let d = try? single.decode(Double.self) { self = .double(d) }
        else { self = .string(try single.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer(); try single.encodeNil()
        case .bool(let b):
            var single = encoder.singleValueContainer(); try single.encode(b)
        case .int(let i):
            var single = encoder.singleValueContainer(); try single.encode(i)
        case .double(let d):
            var single = encoder.singleValueContainer()
            if d.isFinite { try single.encode(d) } else { try single.encode(NumberFormatting.shortest(d)) }
        case .string(let s):
            var single = encoder.singleValueContainer(); try single.encode(s)
        case .list(let items):
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(item) }
        case .record(let record):
            var object = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in record { try object.encode(value, forKey: AnyKey(key)) }
        }
    }
}

/// A coding key for arbitrary strings.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
