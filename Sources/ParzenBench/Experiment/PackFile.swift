import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One open pack file (results/NAME/cells/*.pack): appends whole records, reads byte ranges.
/// The only place the pack code hands buffers to POSIX calls.
///
/// Sendable: its properties are constants and a read is a positioned read (`pread`), so threads
/// may read one file at once.
final class PackFile: Sendable {
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Creates a new file for appending; nil when `path` exists already (another writer's).
    ///
    /// - Throws: ``ResultStoreError/unwritable(path:reason:)`` for any other error.
    static func create(_ path: String) throws(ResultStoreError) -> PackFile? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 {
            if errno == EEXIST { return nil }
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        return PackFile(path: path, descriptor: fd)
    }

    /// Opens an existing file for reading; nil when it cannot be opened.
    static func reading(_ path: String) -> PackFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        return fd < 0 ? nil : PackFile(path: path, descriptor: fd)
    }

    /// The file's size in bytes now.
    var size: Int {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Appends `bytes` at the end of the file with one `write(2)` (more only if the kernel
    /// writes part), so concurrent readers see a record whole or cut short, never interleaved.
    ///
    /// - Throws: ``ResultStoreError/unwritable(path:reason:)`` (a full disk, an I/O error).
    func append(_ bytes: [UInt8]) throws(ResultStoreError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                precondition(written < buffer.count)
                return write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw .unwritable(path: path, reason: String(cString: strerror(errno)))
            }
            written += result
        }
    }

    /// Up to `count` bytes from `offset` (fewer at the end of the file, none past it).
    func read(at offset: Int, count: Int) -> [UInt8] {
        precondition(offset >= 0 && count >= 0)
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            if result < 0 && errno == EINTR { continue }
            if result <= 0 { break }
            filled += result
        }
        if filled < count { bytes.removeLast(count - filled) }
        return bytes
    }
}
