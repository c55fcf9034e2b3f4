import Foundation

/// Why a results folder could not be analysed.
public struct AnalysisError: Error, CustomStringConvertible, Equatable {
    /// The file concerned (or the folder).
    public let file: String
    /// The 1-based line, where known.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
