import Foundation

/// The analysis of a results folder: statistics tables and report.md (`parzen report`; the
/// pictures are ``Plotter``'s). Reads only files in results/NAME; never reruns.
public enum Analysis {
    /// plots/NAME beside results/ under the same base folder: RESULTS/../../plots/NAME, NAME
    /// being the results folder's own name.
    public static func defaultPlotsFolder(for resultsFolder: URL) -> URL {
        SampleGrid.defaultPlotsFolder(for: resultsFolder)
    }

    /// The path of `target` relative to `origin` (both folders), with `/` separators.
    public static func relativePath(from origin: URL, to target: URL) -> String {
        let from = origin.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < from.count && common < to.count && from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The files `parzen report` writes, as (name, text), in order: tests.csv, ranks.csv,
    /// ecdf.csv, report.md.
    /// - Parameters:
    ///   - plotsLink: the plots folder relative to the results folder.
    ///   - threads: threads that make the four texts at once (``OrderedParallelMap``); the texts
    ///     do not depend on it.
    public static func reportFiles(_ results: ResultsSummary, plotsLink: String,
                                   threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [(name: String, text: String)] {
        // report.md, the longest to make, is taken first; the files are then put in their order.
        let makers: [(name: String, text: @Sendable () -> String)] = [
            (ReportMarkdown.fileName, { ReportMarkdown.text(results, plots: plotsLink) }),
            (PairwiseTable.fileName, { PairwiseTable.text(results) }),
            (RankTable.fileName, { RankTable.text(results) }),
            (ECDFTable.fileName, { ECDFTable.text(results) }),
        ]
        let texts = OrderedParallelMap.map(makers.indices, threads: threads) { makers[$0].text() }
        return [1, 2, 3, 0].map { (makers[$0].name, texts[$0]) }
    }

    /// Reads `resultsFolder` and writes tests.csv, ranks.csv, ecdf.csv and report.md into it.
    ///
    /// - Parameters:
    ///   - plotsFolder: where the pictures are (for report.md's links); plots/NAME by default.
    ///   - threads: threads used at most (``ResultsReader/summarise(_:threads:finalCells:)``,
    ///     ``reportFiles(_:plotsLink:threads:)``); the files do not depend on it.
    /// - Throws: ``AnalysisError`` for a missing or malformed input file; a file-system error.
    @discardableResult
    public static func report(resultsFolder: URL, plotsFolder: URL? = nil,
                              threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> ResultsSummary {
        let results = try ResultsReader.summarise(resultsFolder, threads: threads)
        try report(results, resultsFolder: resultsFolder, plotsFolder: plotsFolder, threads: threads)
        return results
    }

    /// Writes tests.csv, ranks.csv, ecdf.csv and report.md of `results` (read from
    /// `resultsFolder`) into that folder, made on `threads` threads.
    public static func report(_ results: ResultsSummary, resultsFolder: URL, plotsFolder: URL? = nil,
                              threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        let plots = plotsFolder ?? defaultPlotsFolder(for: resultsFolder)
        let store = ResultStore(root: resultsFolder)
        for file in reportFiles(results, plotsLink: relativePath(from: resultsFolder, to: plots), threads: threads) {
            try store.writeAtomically(file.text, to: resultsFolder.appendingPathComponent(file.name))
        }
    }
}
