import Foundation

extension ResultStore {
    /// Writes a table that exists only when it has rows (extras.csv, failures.csv,
    /// short-runs.csv): the text atomically, or, with no rows, removes a file left by an
    /// earlier collect so that its absence keeps meaning "none".
    ///
    /// - Parameters:
    ///   - text: the whole file, header included; nil when there are no rows.
    ///   - fileName: the file's name inside the results folder.
    func writeOptionalTable(_ text: String?, named fileName: String) throws {
        let url = root.appendingPathComponent(fileName)
        guard let text else {
            _ = unlink(url.path)
            return
        }
        try writeAtomically(text, to: url)
    }
}
