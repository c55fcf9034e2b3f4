import Foundation
import Synchronization

/// External programs kept running between the cells of one runner thread, so a program that
/// serves many searches (it declares the capability `"reuse"`, docs/external-suggesters.md and
/// docs/external-objectives.md) pays its start once per thread instead of once per cell.
///
/// A cell takes a waiting process with ``take(_:)`` (or starts one when none waits) and, when it
/// ends with the process in step and the program declared `"reuse"`, gives it back with
/// ``keep(_:key:served:farewell:grace:)``. A process that failed in any way is never given
/// back: it is ended, and the next cell starts a fresh one. Each new cell begins with a new
/// `hello` on the process it got, which resets the program, so a cell's results do not depend
/// on which process served it.
///
/// At most ``capacity`` processes wait; giving back one more ends the one that waited longest.
/// ``close()`` ends every waiting process (after its farewell line) and is idempotent; deinit
/// calls it, so no process outlives the pool.
///
/// Thread safety: every method may be called from any thread.
public final class ProgramPool: Sendable {
    /// What makes two processes interchangeable: the same role (suggester or objective), the
    /// same argv, directory and environment, and for objectives the same problem.
    public struct Key: Sendable, Equatable {
        public enum Role: Sendable, Equatable { case suggester, objective }
        public var role: Role
        public var arguments: [String]
        public var workingDirectory: String?
        public var environment: [String: String]
        /// More that must match (an objective's problem); empty for suggesters.
        public var identity: String

        public init(role: Role, arguments: [String], workingDirectory: String? = nil, environment: [String: String] = [:], identity: String = "") {
            self.role = role
            self.arguments = arguments
            self.workingDirectory = workingDirectory
            self.environment = environment
            self.identity = identity
        }
    }

    /// A process handed out by ``take(_:)``: the child and how many cells it served before.
    public struct Lease: Sendable {
        public let child: ChildProcess
        public let served: Int
    }

    private struct Waiting: Sendable {
        let key: Key
        let child: ChildProcess
        let served: Int
        /// A line written before the process is ended (the suggester protocol's `bye`).
        let farewell: String?
        let grace: Double
    }

    private let state = Locked<(waiting: [Waiting], closed: Bool)>(([], false))
    /// How many processes may wait at once.
    public let capacity: Int
    private let started = Atomic<Int>(0)
    private let reused = Atomic<Int>(0)

    /// - Parameter capacity: how many processes may wait at once (≥ 1); a runner thread moving
    ///   from one problem's worker to the next keeps the previous ones only up to this count.
    public init(capacity: Int = 4) {
        self.capacity = max(1, capacity)
    }

    deinit { close() }

    /// The waiting process for `key`, removed from the pool; nil when none waits. A process
    /// that has exited while it waited is ended and skipped.
    ///
    /// - Complexity: O(``capacity``).
    public func take(_ key: Key) -> Lease? {
        var dead: [Waiting] = []
        let found: Waiting? = state.withLock { state in
            while let index = state.waiting.firstIndex(where: { $0.key == key }) {
                let entry = state.waiting.remove(at: index)
                if entry.child.exitStatus() == nil { return entry }
                dead.append(entry)
            }
            return nil
        }
        for entry in dead { entry.child.terminate(exitWait: 0, grace: entry.grace) }
        guard let found else { return nil }
        reused.add(1, ordering: .relaxed)
        return Lease(child: found.child, served: found.served)
    }

    /// Counts a process started for a cell because none waited (for the run's report).
    public func noteStarted() { started.add(1, ordering: .relaxed) }

    /// How many processes were started and how many cells got a waiting one.
    public var counts: (started: Int, reused: Int) {
        (started.load(ordering: .relaxed), reused.load(ordering: .relaxed))
    }

    /// Gives a healthy process back for the next cell with the same key. After ``close()``,
    /// or when the process has exited, it is ended instead.
    ///
    /// - Parameters:
    ///   - served: how many cells it has served, this one included.
    ///   - farewell: a line written to it before it is ended for good (nil: none; its stdin is
    ///     closed either way).
    ///   - grace: seconds between SIGTERM and SIGKILL when it is ended.
    public func keep(_ child: ChildProcess, key: Key, served: Int, farewell: String?, grace: Double) {
        let entry = Waiting(key: key, child: child, served: served, farewell: farewell, grace: grace)
        let evicted: [Waiting] = state.withLock { state in
            if state.closed || child.exitStatus() != nil { return [entry] }
            state.waiting.append(entry)
            let excess = state.waiting.count - capacity
            guard excess > 0 else { return [] }
            defer { state.waiting.removeFirst(excess) }
            return Array(state.waiting.prefix(excess))
        }
        for entry in evicted { Self.end(entry) }
    }

    /// Ends every waiting process; later ``keep(_:key:served:farewell:grace:)`` calls end theirs
    /// at once. Idempotent.
    public func close() {
        let waiting: [Waiting] = state.withLock { state in
            state.closed = true
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        for entry in waiting { Self.end(entry) }
    }

    /// The farewell line and its reply (a second each at most), then end of input, a second to
    /// exit, SIGTERM, and SIGKILL after the grace period.
    private static func end(_ entry: Waiting) {
        if let farewell = entry.farewell, (try? entry.child.writeLine(farewell, timeout: 1)) != nil {
            _ = try? entry.child.readLine(timeout: 1)
        }
        entry.child.terminate(exitWait: 1, grace: entry.grace)
    }
}
