import Foundation

/// A suggester's options: `Codable`, with a default for every field (`init()`), every field
/// non-optional so that the encoded defaults list every accepted key.
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
