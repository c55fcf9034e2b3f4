import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts every wait on child processes short: reading a reply, writing a request, waiting for a
/// one-shot program (gnuplot). A signal handler calls ``interrupt()`` on ``shared``; each wait
/// polls in slices of ``slice`` seconds and then throws ``ChildProcessError/interrupted``, so
/// Ctrl-C reaches a silent program within a tenth of a second, whatever its timeout.
public final class ChildInterruption: Sendable {
    /// The one every child uses unless given another (tests give their own).
    public static let shared = ChildInterruption()
    /// The longest a wait goes without looking at the flag, in seconds.
    public static let slice = 0.1

    private let flag = Atomic<Bool>(false)
    public init() {}
    public var isInterrupted: Bool { flag.load(ordering: .relaxed) }
    public func interrupt() { flag.store(true, ordering: .relaxed) }
    /// Clears the flag (a library user that goes on after an interruption).
    public func reset() { flag.store(false, ordering: .relaxed) }
}

extension ChildProcess {
    /// The children a ``ChildProcess`` owns and has not reaped yet.
    static let owned = Locked<Set<pid_t>>([])

    /// On Linux, makes this process the reaper of its orphaned descendants
    /// (`PR_SET_CHILD_SUBREAPER`): a grandchild that leaves its process group (`setsid`,
    /// `start_new_session`) and outlives its parent becomes our child instead of init's, and
    /// ``endOrphans()`` ends it. Done once, at the first spawn.
    static func becomeSubreaper() { _ = subreaper }

    private static let subreaper: Bool = {
        #if os(Linux)
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let pointer = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return false }
        let prctl = unsafeBitCast(pointer, to: Prctl.self)
        return prctl(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0) == 0
        #else
        return false
        #endif
    }()

    /// Reaps the members of a killed process group that were handed to this process as their
    /// reaper (``becomeSubreaper()``), so they do not stay zombies; waits at most 0.2 s for the
    /// group to empty, and not at all when it is empty already.
    static func reapGroup(_ group: pid_t) {
        let deadline = now() + 0.2
        var raw: Int32 = 0
        while true {
            while waitpid(-group, &raw, WNOHANG) > 0 {}
            if kill(-group, 0) != 0 || now() >= deadline { return }
            usleep(2_000)
        }
    }

    /// Kills and reaps every child of this process that no ``ChildProcess`` owns and that runs
    /// in another session: descendants of external programs that left their process group with
    /// `setsid` and were handed to us as their reaper. (Children of the same session that no
    /// ``ChildProcess`` owns, such as ones started with Foundation's `Process`, are left alone.)
    /// `parzen run` calls it when the run ends, so no program outlives it.
    ///
    /// - Returns: the pids ended.
    /// - Complexity: one pass over /proc (Linux; nothing elsewhere).
    @discardableResult
    public static func endOrphans() -> [pid_t] {
        #if os(Linux)
        let me = getpid()
        let session = getsid(0)
        var ended: [pid_t] = []
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var candidates: [pid_t] = []
        for entry in entries {
            guard let pid = pid_t(entry), pid != me,
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // Fields after "(comm)": state, ppid, pgrp, session, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 3, pid_t(fields[1]) == me, pid_t(fields[3]) != session else { continue }
            candidates.append(pid)
        }
        for pid in candidates {
            let orphan = spawnLock.withLock { owned.withLock { !$0.contains(pid) } }
            guard orphan else { continue }
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            ended.append(pid)
        }
        return ended
        #else
        return []
        #endif
    }
}
