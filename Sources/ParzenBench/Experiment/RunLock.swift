import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock a run holds on its results folder (results/NAME/run.lock, `flock(2)`), so that
/// `run --fresh` never deletes the cells of a run in progress.
///
/// Every run holds it shared while it runs: shards and concurrent runs of one manifest coexist,
/// each writing whole cell files. `--fresh` needs it exclusively to delete the cells and refuses,
/// with a message, while any other run holds it; after deleting it holds it shared like the others.
/// On a file system without locks (some network mounts) the lock is skipped with a warning.
public final class RunLock: @unchecked Sendable {
    /// -1 when the file system has no locks.
    private let descriptor: Int32
    public let url: URL
    /// Set when the lock could not be taken because the file system does not support it.
    public let warning: String?

    /// Takes the lock of `store`'s folder, creating the folder and the lock file as needed.
    ///
    /// - Parameter exclusive: for `--fresh`: fail at once if another run holds the lock.
    /// - Throws: ``ResultStoreError`` when the folder cannot be written or another run holds it.
    public init(store: ResultStore, exclusive: Bool) throws(ResultStoreError) {
        url = store.root.appending(path: "run.lock", directoryHint: .notDirectory)
        try store.prepareFolder()
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unwritable(path: url.path, reason: String(cString: strerror(errno))) }
        var operation = exclusive ? LOCK_EX | LOCK_NB : LOCK_SH | LOCK_NB
        var waited = false
        while flock(fd, operation) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK {
                if exclusive {
                    close(fd)
                    throw .inUse(path: store.root.path)
                }
                // A `--fresh` run is deleting cells: wait for it, it holds the lock only for that.
                if !waited { waited = true; operation = LOCK_SH }
                continue
            }
            if code == ENOLCK || code == EOPNOTSUPP || code == ENOSYS {
                close(fd)
                descriptor = -1
                warning = "\(url.path): this file system does not support locks (\(String(cString: strerror(code)))); run --fresh only while no other run of this manifest is running"
                return
            }
            close(fd)
            throw .unwritable(path: url.path, reason: String(cString: strerror(code)))
        }
        descriptor = fd
        warning = nil
    }

    /// Turns an exclusive lock into a shared one (after `--fresh` has deleted the cells).
    public func share() {
        guard descriptor >= 0 else { return }
        while flock(descriptor, LOCK_SH) != 0 && errno == EINTR {}
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}

/// A results folder that cannot be used, with what to do about it.
public enum ResultStoreError: Error, Equatable, CustomStringConvertible {
    /// Another run of the manifest holds the folder's lock.
    case inUse(path: String)
    /// The folder or a file in it cannot be created or written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .inUse(let path):
            return "\(path) is in use by another run of this manifest; --fresh would delete its cells: wait for that run to finish or stop it, then run --fresh again (or resume without --fresh)"
        case .unwritable(let path, let reason):
            return "cannot write \(path): \(reason); make the folder writable, free space, or choose another --base"
        }
    }
}
