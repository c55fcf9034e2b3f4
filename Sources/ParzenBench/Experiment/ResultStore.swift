import Foundation
import Synchronization

/// Distinguishes temporary files written by concurrent threads of one process.
private let temporaryFileSerial = Atomic<Int>(0)

/// The results folder of one manifest (results/NAME): where the cells are packed
/// (``cellsFolder``, ``CellArchive``), and writing result files whole or not at all (write to a
/// temporary file beside the target, then rename).
public struct ResultStore: Sendable {
    /// results/NAME.
    public let root: URL

    public init(root: URL) { self.root = root }

    /// results/NAME under `base` (the current folder by default).
    public init(manifestName: String, base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        root = base.appendingPathComponent("results").appendingPathComponent(manifestName)
    }

    /// results/NAME/cells: the pack files (``CellArchive``).
    public var cellsFolder: URL { root.appending(path: "cells", directoryHint: .isDirectory) }

    /// Opens the cells written so far (``CellArchive``), reading `threads` pack files at once.
    public func cells(threads: Int = 1) -> CellArchive { CellArchive(store: self, threads: threads) }

    /// Opens the records of `cells` only (``CellArchive/init(store:keys:threads:)``): the index
    /// holds those cells' keys, whatever else the folder holds; `threads` pack files are read at once.
    public func cells<S: Sequence>(of cells: S, threads: Int = 1) -> CellArchive where S.Element == Cell {
        CellArchive(store: self, keys: Set(cells.lazy.map { CellPackRecord.keyHash(CellPackRecord.key(of: $0).utf8) }), threads: threads)
    }

    /// The finished cell (``CellArchive/load(_:)``), looked up in a freshly opened archive:
    /// for a few look-ups; open ``cells(threads:)`` once to read many.
    public func load(_ cell: Cell) -> CellRecord? { cells().load(cell) }

    /// Why the cell has no usable record (``CellArchive/failure(of:)``), from a freshly opened
    /// archive.
    public func failure(of cell: Cell) -> String? { cells().failure(of: cell) }

    /// Creates results/NAME when missing and checks that it is a writable folder.
    ///
    /// - Throws: ``ResultStoreError/unwritable(path:reason:)`` naming the path (a file where the
    ///   folder or one of its parents should be, no permission, a read-only or full file system).
    public func prepareFolder() throws(ResultStoreError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .unwritable(path: root.path, reason: "it is a file, not a folder") }
        } else {
            // Find the first component that exists and is not a folder, for the message.
            var ancestor = root.deletingLastPathComponent()
            while ancestor.path != "/" && !FileManager.default.fileExists(atPath: ancestor.path) { ancestor = ancestor.deletingLastPathComponent() }
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw .unwritable(path: ancestor.path, reason: "it is a file, not a folder (--base must name a folder)")
            }
            if mkdirAll(root.path) != 0 { throw .unwritable(path: root.path, reason: String(cString: strerror(errno))) }
        }
        if access(root.path, W_OK) != 0 { throw .unwritable(path: root.path, reason: String(cString: strerror(errno))) }
    }

    /// `mkdir -p`; 0 on success, -1 with `errno` set.
    private func mkdirAll(_ path: String) -> Int32 {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return 0 }
        guard errno == ENOENT else { return -1 }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent != path, !parent.isEmpty, mkdirAll(parent) == 0 else { return -1 }
        return mkdir(path, 0o755) == 0 || errno == EEXIST ? 0 : -1
    }

    /// Removes every cell (for `run --fresh`).
    public func removeCells() throws {
        if FileManager.default.fileExists(atPath: cellsFolder.path) { try FileManager.default.removeItem(at: cellsFolder) }
    }

    /// Writes the bytes with POSIX calls: Foundation's `Data.write` syncs every file to disk
    /// (about 1.5 ms each). The rename keeps a killed process from leaving a partial file;
    /// surviving power loss is not the aim.
    static func writeFile(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw posixError(errno, url) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw posixError(errno, url)
            }
            written += result
        }
    }

    private static func posixError(_ code: Int32, _ url: URL) -> Error {
        ResultStoreError.unwritable(path: url.path, reason: String(cString: strerror(code)))
    }

    /// Writes `text` to `url` via a temporary file in the same folder and a rename, creating
    /// folders as needed; a reader sees the old file or the new one, never a part.
    public func writeAtomically(_ text: String, to url: URL) throws {
        try writeAtomically(Array(text.utf8), to: url)
    }

    /// ``writeAtomically(_:to:)-(String,_)`` for bytes.
    public func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        // Most cells go into a folder that exists already: one stat instead of FileManager's walk.
        if access(folder.path, F_OK) != 0 {
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw ResultStoreError.unwritable(path: folder.path, reason: (error as NSError).localizedFailureReason ?? "cannot create the folder")
            }
        }
        let serial = temporaryFileSerial.add(1, ordering: .relaxed).newValue
        let temporary = folder.appending(path: ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(serial)",
                                         directoryHint: .notDirectory)
        do { try Self.writeFile(bytes, to: temporary) } catch {
            // A full disk must not leave hidden temporary files behind.
            _ = unlink(temporary.path)
            throw error
        }
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            _ = unlink(temporary.path)
            throw ResultStoreError.unwritable(path: url.path, reason: String(cString: strerror(code)))
        }
    }
}
