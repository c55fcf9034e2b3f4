import Foundation

/// A suggester's options: `Codable`, with a default for every field (`init()`), every field
/// non-optional so that the encoded defaults list every accepted key.
///
/// ``decode(from:)`` is the one reader of options given by name: it fills the fields not
/// given with their defaults, so a conformance's `Decodable` reads a complete record (the
/// synthesized one does).
public protocol SuggesterOptions: Codable, Sendable, Equatable {
    /// The defaults.
    init()
    /// Checks ranges; throws ``SuggesterError/invalidOption(name:message:)`` naming the option
    /// and the accepted range.
    func validate() throws(SuggesterError)
}

extension SuggesterOptions {
    public func validate() throws(SuggesterError) {}

    /// The options as a record of plain values (the defaults, for `Self()`), in the order the
    /// encoder lists them (sorted by key).
    public var record: OrderedRecord<Value> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(self), case .record(let record)? = try? JSONDecoder().decode(Value.self, from: data) else {
            return [:]
        }
        return record
    }

    /// Decodes options from a manifest record: fields not given keep their defaults; unknown
    /// keys and values of the wrong type are rejected; ranges are validated.
    ///
    /// - Throws: ``SuggesterError/invalidOption(name:message:)`` naming the option, with the
    ///   accepted keys or type.
    public static func decode(from given: OrderedRecord<Value>) throws(SuggesterError) -> Self {
        var merged = Self().record
        let accepted = merged.keys
        for (key, value) in given {
            guard accepted.contains(key) else {
                let hint = NameSuggestion.nearest(to: key, in: accepted).map { "did you mean '\($0)'? " } ?? ""
                throw .invalidOption(name: key, message: "unknown option; \(hint)accepted: \(accepted.isEmpty ? "none" : accepted.joined(separator: ", "))")
            }
            // A whole number where a float is expected decodes fine; keep the user's value.
            merged[key] = value
        }
        let options: Self
        do {
            let data = try JSONEncoder().encode(Value.record(merged))
            options = try JSONDecoder().decode(Self.self, from: data)
        } catch let DecodingError.typeMismatch(type, context) {
            let key = context.codingPath.first?.stringValue ?? "?"
            throw .invalidOption(name: key, message: "expected \(typeName(type)), got \(merged[key].map { "\($0)" } ?? "nothing")")
        } catch let DecodingError.dataCorrupted(context) {
            let key = context.codingPath.first?.stringValue ?? "?"
            throw .invalidOption(name: key, message: "\(context.debugDescription) (got \(merged[key].map { "\($0)" } ?? "nothing"))")
        } catch {
            throw .invalidOption(name: "?", message: "\(error)")
        }
        try options.validate()
        return options
    }
}

extension SuggesterOptions {
    /// Throws unless the integer option `key` is at least `range.lowerBound`: "must be an
    /// integer >= low, got value".
    public static func check(_ value: Int, _ key: some CodingKey, in range: PartialRangeFrom<Int>) throws(SuggesterError) {
        guard range.contains(value) else { throw .outOfRange(key, accepted: "an integer >= \(range.lowerBound)", given: "\(value)") }
    }

    /// Throws unless the integer option `key` is in `range`: "must be an integer in
    /// low...high, got value".
    public static func check(_ value: Int, _ key: some CodingKey, in range: ClosedRange<Int>) throws(SuggesterError) {
        guard range.contains(value) else {
            throw .outOfRange(key, accepted: "an integer in \(range.lowerBound)...\(range.upperBound)", given: "\(value)")
        }
    }
}

extension SuggesterError {
    /// An option outside what it accepts: "must be `accepted`, got `given`", named as in a
    /// manifest.
    public static func outOfRange(_ key: some CodingKey, accepted: String, given: String) -> SuggesterError {
        .invalidOption(name: key.stringValue, message: "must be \(accepted), got \(given)")
    }
}

/// An option whose value is one of a few names (an enum with string raw values): an unknown
/// name fails to decode with the accepted names and the nearest of them.
public protocol NamedOption: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension NamedOption {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let given = try container.decode(String.self)
        guard let value = Self(rawValue: given) else {
            let accepted = Self.allCases.map(\.rawValue)
            let hint = NameSuggestion.nearest(to: given, in: accepted).map { "did you mean '\($0)'? " } ?? ""
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown value '\(given)'; \(hint)accepted: \(accepted.joined(separator: ", "))")
        }
        self = value
    }
}

private func typeName(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Float.Type: return "a number"
    case is Int.Type: return "an integer"
    case is Bool.Type: return "true or false"
    case is String.Type: return "a string"
    default: return "\(type)"
    }
}

/// Options for an algorithm that has none.
public struct NoOptions: SuggesterOptions {
    public init() {}
}
