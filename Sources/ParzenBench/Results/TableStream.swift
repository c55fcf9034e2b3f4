import Foundation

/// A results table written while it is produced, so that collect's memory does not grow with
/// the table: the bytes go to a temporary file beside the table (buffered), and ``finish()``
/// renames it into place; a reader sees the old table or the new one, never a part. A stream
/// released before ``finish()`` or ``discard()`` (a collect that stopped with an error) removes
/// its temporary file and leaves the table as it was.
final class TableStream {
    let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Bytes written so far.
    private(set) var written = 0
    /// Whether ``finish()`` or ``discard()`` has run.
    private var closed = false

    /// Creates the temporary file.
    ///
    /// - Throws: ``ResultStoreError/unwritable(path:reason:)`` when it cannot be created.
    init(_ url: URL) throws(ResultStoreError) {
        self.url = url
        temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)",
                                                             directoryHint: .notDirectory)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil), let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw .unwritable(path: temporary.path, reason: "cannot create it")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        guard !closed else { return }
        try? handle.close()
        _ = unlink(temporary.path)
    }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        written += bytes.count
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        do { try handle.write(contentsOf: buffer) } catch {
            throw ResultStoreError.unwritable(path: temporary.path, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Puts the table in place.
    func finish() throws {
        try flush()
        closed = true
        try handle.close()
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            _ = unlink(temporary.path)
            throw ResultStoreError.unwritable(path: url.path, reason: String(cString: strerror(code)))
        }
    }

    /// Drops the table: removes the temporary file, and the table left by an earlier collect
    /// (for tables whose absence means "none").
    func discard() {
        closed = true
        try? handle.close()
        _ = unlink(temporary.path)
        _ = unlink(url.path)
    }
}
