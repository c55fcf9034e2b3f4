import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends cell records (``CellPackRecord``) to a pack file of its own, created on its first
/// record as results/NAME/cells/HOST-PID-TAG.pack: no other writer, in this process or in
/// another slice on any node, ever appends to it (`O_EXCL`; a taken name gets a suffix).
final class PackWriter {
    private let folder: URL
    private let tag: String
    private var file: PackFile?

    /// - Parameter tag: tells this process's writers apart (the worker number).
    init(folder: URL, tag: String) {
        self.folder = folder
        self.tag = tag
    }

    /// The file written so far, if any.
    var path: String? { file?.path }

    /// Appends a finished cell's record: its cell file's bytes and its extras.
    func append(cell: Cell, body: [UInt8], extras: [UInt8]?) throws(ResultStoreError) {
        try append(CellPackRecord.bytes(kind: .cell, cell: cell, body: body, extras: extras ?? []))
    }

    /// Appends a failed cell's record with its message.
    func appendFailure(cell: Cell, message: String) throws(ResultStoreError) {
        try append(CellPackRecord.bytes(kind: .failed, cell: cell, body: Array(message.utf8)))
    }

    private func append(_ bytes: [UInt8]) throws(ResultStoreError) {
        if file == nil { file = try create() }
        try file!.append(bytes)
    }

    private func create() throws(ResultStoreError) -> PackFile {
        if access(folder.path, F_OK) != 0 {
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw .unwritable(path: folder.path, reason: (error as NSError).localizedFailureReason ?? "cannot create the folder")
            }
        }
        let base = "\(Self.hostName)-\(getpid())-\(tag)"
        for attempt in 1... {
            let name = attempt == 1 ? "\(base).pack" : "\(base)-\(attempt).pack"
            if let file = try PackFile.create(folder.appending(path: name, directoryHint: .notDirectory).path) { return file }
        }
        fatalError("unreachable")
    }

    /// This machine's name, reduced to letters, digits, `.` and `-` (slices on other nodes of a
    /// cluster may have the same process ids).
    static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let kept = String(name.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-") })
        return kept.isEmpty ? "host" : kept
    }()
}
