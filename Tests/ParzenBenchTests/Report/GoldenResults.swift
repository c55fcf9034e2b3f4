import Testing
@testable import ParzenBench

/// The result sets with golden files. Each renders every report section and picture into its own
/// folders under Tests/Fixtures/Golden/, so that the wording and data that differ with and
/// without trace.csv (convergence at every evaluation, expected running time, runtime ECDF, the
/// files list) have a golden file both ways.
enum GoldenResults: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// ``GoldenFile/results()``, runs known at the checkpoints only: Golden/Report, Golden/Plot.
    case checkpoints
    /// ``GoldenFile/tracedResults()``, runs known at every improvement: Golden/Traced/Report,
    /// Golden/Traced/Plot.
    case traced

    private static let checkpointsSummary = GoldenFile.results()
    private static let tracedSummary = GoldenFile.tracedResults()

    /// The summary the sections and pictures are rendered from.
    var results: ResultsSummary {
        switch self {
        case .checkpoints: Self.checkpointsSummary
        case .traced: Self.tracedSummary
        }
    }

    /// The folder under Golden/ of this set's `kind` files (`Report` or `Plot`).
    func folder(_ kind: String) -> String {
        switch self {
        case .checkpoints: kind
        case .traced: "Traced/" + kind
        }
    }

    var testDescription: String { rawValue }
}
