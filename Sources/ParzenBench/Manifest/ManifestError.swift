/// A manifest that cannot be run, with where and what: one line for stderr.
public struct ManifestError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    /// The field, as a path (`problems[2].dims`); empty for syntax errors.
    public let field: String
    public let message: String

    public var description: String {
        var position = file
        if let line { position += ":\(line)" }
        if let column { position += ":\(column)" }
        return field.isEmpty ? "\(position): \(message)" : "\(position): \(field): \(message)"
    }
}
