import Foundation

/// Cell files of the one-file-per-cell layout (cell formats 1 to 3): cells/PROBLEM/SUGGESTER/
/// rNNN.csv, with rNNN.extras.csv (proposal extras) and rNNN.failed (a failure note: the
/// fingerprint, then the message) beside it. Read as they are; `parzen run` packs the current
/// ones into a pack file and removes the folders (``migrate(_:into:)``).
public struct LegacyCells: Sendable {
    /// results/NAME/cells.
    public let folder: URL
    /// The folders under cells/ (one per problem).
    let problemFolders: [String]

    /// nil when `folder` (whose entries are `names`) holds no folder, so no legacy cell file.
    init?(folder: URL, names: [String]) {
        var folders: [String] = []
        for name in names where !name.hasPrefix(".") && !name.hasSuffix(".pack") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory), isDirectory.boolValue {
                folders.append(name)
            }
        }
        guard !folders.isEmpty else { return nil }
        self.folder = folder
        problemFolders = folders
    }

    /// A line for the user: where the old layout is, and what happens to it.
    public var readingNote: String {
        "\(folder.path) holds cell files of the one-file-per-cell layout (cell formats 1 to 3); reading them as they are (the next `parzen run` packs them)"
    }

    func url(_ cell: Cell, _ suffix: String) -> URL {
        folder.appending(path: "\(cell.problem.label)/\(cell.suggester.label)/\(cell.replicateName).\(suffix)", directoryHint: .notDirectory)
    }

    private func bytes(_ cell: Cell, _ suffix: String) -> Data? { FileManager.default.contents(atPath: url(cell, suffix).path) }

    /// The cell from its file and extras file, or nil when missing, stale or unusable.
    ///
    /// - Parameter points: whether the rows get their assignments (``CellFile/parse(_:cell:points:)``).
    func load(_ cell: Cell, points: Bool = true) -> CellRecord? {
        guard let data = bytes(cell, "csv"), var record = CellFile.read(data, cell: cell, points: points) else { return nil }
        if let extras = bytes(cell, "extras.csv") { record.extras = ExtrasFile.read(extras, cell: cell) ?? [] }
        return record
    }

    /// Whether the cell has a cell file (usable or not).
    func hasFile(_ cell: Cell) -> Bool { FileManager.default.fileExists(atPath: url(cell, "csv").path) }

    /// The cell's failure note, or why its file is unusable (not merely stale).
    func failure(of cell: Cell) -> String? {
        if let note = note(of: cell) { return note }
        if let data = bytes(cell, "csv"), case .failure(let problem) = CellFile.parse(data, cell: cell), problem != .stale {
            return "its cell file \(url(cell, "csv").path) is unusable, \(problem); run the manifest again to recompute the cell"
        }
        return nil
    }

    /// The message of the cell's failure note, when it is for the cell's fingerprint.
    private func note(of cell: Cell) -> String? {
        guard let data = bytes(cell, "failed") else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 1)
        guard lines.count == 2, lines[0] == cell.fingerprint else { return nil }
        return lines[1].hasSuffix("\n") ? String(lines[1].dropLast()) : String(lines[1])
    }

    /// Appends a record for every cell of `catalog` that has a usable file (its bytes as they
    /// are, with its extras) or a current failure note, then removes the old folders: cells of
    /// other manifests' settings (stale) would run again anyway.
    ///
    /// - Returns: the cells packed and the failure notes packed.
    /// - Throws: ``ResultStoreError`` when the pack cannot be written; nothing is removed then.
    func migrate(_ catalog: CellCatalog, into writer: PackWriter) throws(ResultStoreError) -> (cells: Int, failures: Int) {
        var cells = 0, failures = 0
        for index in 0..<catalog.count {
            let cell = catalog.cell(at: index)
            if let data = bytes(cell, "csv"), CellFile.read(data, cell: cell) != nil {
                let extras = bytes(cell, "extras.csv").flatMap { ExtrasFile.read($0, cell: cell) != nil ? [UInt8]($0) : nil }
                try writer.append(cell: cell, body: [UInt8](data), extras: extras)
                cells += 1
            } else if let message = note(of: cell) {
                try writer.appendFailure(cell: cell, message: message)
                failures += 1
            }
        }
        for name in problemFolders { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        return (cells, failures)
    }
}
