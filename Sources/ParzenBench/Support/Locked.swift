import Foundation

/// A value shared between threads, reached only through ``withLock(_:)``.
///
/// A pthread mutex (through `NSLock`) rather than Synchronization's `Mutex`: on Linux a contended
/// `Mutex` is handed from thread to thread inside the kernel (a priority-inheritance futex, in
/// the uninstrumented standard library), where ThreadSanitizer cannot see it, so every access it
/// guards is reported as a race under `--sanitize=thread`; pthread mutexes are seen. Every lock
/// here guards state touched once per cell, trial line or process, where the two cost the same.
final class Locked<Value: ~Copyable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: consuming Value) { self.value = value }

    /// Runs `body` on the value with the lock held; not reentrant.
    func withLock<Result, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
