import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process spoken to line by line: one line to its stdin, one line back from its stdout.
///
/// - The argv is executed directly (no shell), the program looked up on `PATH` when it has no
///   slash, in `workingDirectory` with `environment` added to the parent's.
/// - The child runs in its own process group, so ``terminate(exitWait:grace:)`` reaches
///   everything it started: stdin is closed, the group gets SIGTERM, then SIGKILL after a grace
///   period, and the child is reaped. `deinit` does the same, so no child outlives its owner.
/// - stderr is read on a background thread (the child never blocks on a full pipe); the last
///   lines are kept (``stderrTail()``).
/// - The child's signal mask is cleared and SIGINT, SIGTERM, SIGPIPE, SIGHUP reset to their
///   defaults, whatever the parent ignores.
///
/// Thread safety: every method may be called from any thread; reads and writes are each
/// serialized.
public final class ChildProcess: Sendable {
    /// The child's process id (also its process group id).
    public let pid: pid_t
    /// The argv as given, for messages.
    public let arguments: [String]

    let stdinFD: Locked<Int32>          // -1 once closed
    let reader: Locked<LineReader>
    let exit: Locked<ExitState>
    let stderrCollector: StderrCollector

    /// What cuts this child's waits short; ``ChildInterruption/shared`` unless given.
    let interruption: ChildInterruption

    /// The longest line accepted from stdout (16 MiB).
    public static let maximumLineLength = 16 << 20

    /// Starts `arguments[0]` with `arguments`.
    ///
    /// - Parameters:
    ///   - workingDirectory: the child's directory; nil keeps the parent's.
    ///   - environment: variables added to (or replacing) the parent's.
    ///   - stderrLines: how many of the last stderr lines to keep.
    /// - Throws: ``ChildProcessError/spawnFailed(program:message:)``.
    ///   - interruption: cuts the waits for this child short (within ``ChildInterruption/slice``).
    public init(arguments: [String], workingDirectory: String? = nil, environment: [String: String] = [:], stderrLines: Int = 20,
                interruption: ChildInterruption = .shared) throws(ChildProcessError) {
        guard let program = arguments.first, !program.isEmpty else {
            throw .spawnFailed(program: "", message: "empty command")
        }
        ChildProcess.ignoreSIGPIPE()
        ChildProcess.becomeSubreaper()
        self.arguments = arguments
        self.interruption = interruption

        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        for index in 0..<3 {
            var fds: [Int32] = [-1, -1]
            if ChildProcess.makePipe(&fds) != 0 {
                let message = String(cString: strerror(errno))
                for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) }
                throw .spawnFailed(program: program, message: "pipe: \(message)")
            }
            switch index {
            case 0: stdinPipe = fds
            case 1: stdoutPipe = fds
            default: stderrPipe = fds
            }
        }
        let allFDs = stdinPipe + stdoutPipe + stderrPipe
        func closeAll() { for fd in allFDs { close(fd) } }

        if let directory = workingDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                closeAll()
                throw .spawnFailed(program: program, message: "no such directory '\(directory)'")
            }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        if let directory = workingDirectory {
            guard let addchdir = ChildProcess.addchdir else {
                closeAll()
                throw .spawnFailed(program: program, message: "this C library cannot start a program in another directory (no posix_spawn_file_actions_addchdir_np)")
            }
            _ = addchdir(&actions, directory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let environmentLines = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }

        var childPID: pid_t = 0
        let status = ChildProcess.spawnLock.withLock {
            let status = ChildProcess.withCStrings(arguments) { argv in
                ChildProcess.withCStrings(environmentLines) { envp in
                    if program.contains("/") {
                        return posix_spawn(&childPID, program, &actions, &attributes, argv, envp)
                    } else {
                        return posix_spawnp(&childPID, program, &actions, &attributes, argv, envp)
                    }
                }
            }
            // Under the spawn lock, so ``endOrphans()`` never sees a child before it is owned.
            if status == 0 { ChildProcess.owned.withLock { _ = $0.insert(childPID) } }
            return status
        }
        close(stdinPipe[0]); close(stdoutPipe[1]); close(stderrPipe[1])
        guard status == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw .spawnFailed(program: program, message: String(cString: strerror(status)))
        }
        pid = childPID
        _ = fcntl(stdinPipe[1], F_SETFL, fcntl(stdinPipe[1], F_GETFL) | O_NONBLOCK)
        _ = fcntl(stdoutPipe[0], F_SETFL, fcntl(stdoutPipe[0], F_GETFL) | O_NONBLOCK)
        _ = fcntl(stderrPipe[0], F_SETFL, fcntl(stderrPipe[0], F_GETFL) | O_NONBLOCK)
        stdinFD = Locked(stdinPipe[1])
        reader = Locked(LineReader(fd: stdoutPipe[0]))
        exit = Locked(ExitState())
        stderrCollector = StderrCollector(capacity: max(1, stderrLines))
        stderrCollector.start(fd: stderrPipe[0])
    }

    deinit {
        terminate(exitWait: 0, grace: 2)
        reader.withLock { state in
            if state.fd >= 0 { close(state.fd); state.fd = -1 }
        }
    }

    // MARK: - Lines

    /// Writes `line` and a newline to the child's stdin.
    ///
    /// - Throws: ``ChildProcessError/writeFailed(message:status:)`` when the child no longer
    ///   reads, ``ChildProcessError/timedOut(seconds:while:)`` when the pipe stays full.
    public func writeLine(_ line: String, timeout: Double = 60) throws(ChildProcessError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count + 1)
        bytes.append(contentsOf: line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        try writeBytes(bytes, timeout: timeout)
    }

    /// Writes `bytes` as they are (whole lines, newlines included) to the child's stdin; what
    /// ``writeLine(_:timeout:)`` does after adding the newline.
    func writeBytes(_ bytes: [UInt8], timeout: Double) throws(ChildProcessError) {
        let deadline = ChildProcess.now() + timeout
        let result: ChildProcessError? = stdinFD.withLock { fd in
            guard fd >= 0 else { return .terminated }
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { buffer in
                    write(fd, buffer.baseAddress! + written, buffer.count - written)
                }
                if count > 0 { written += count; continue }
                let code = errno
                if count < 0 && code == EINTR { continue }
                if count < 0 && (code == EAGAIN || code == EWOULDBLOCK) {
                    if interruption.isInterrupted { return .interrupted }
                    let remaining = deadline - ChildProcess.now()
                    if remaining <= 0 { return .timedOut(seconds: timeout, while: "writing to the program") }
                    var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, Int32(min(remaining, ChildInterruption.slice) * 1000) + 1)
                    continue
                }
                return .writeFailed(message: String(cString: strerror(code)), status: nil)
            }
            return nil
        }
        if let result {
            if case .writeFailed(let message, _) = result {
                throw .writeFailed(message: message, status: waitForExit(seconds: 1))
            }
            throw result
        }
    }

    /// Reads one line from the child's stdout (without the newline; a trailing carriage
    /// return is dropped too).
    ///
    /// - Throws: ``ChildProcessError/timedOut(seconds:while:)`` when no complete line arrives
    ///   within `timeout` seconds, ``ChildProcessError/closed(status:)`` at end of output
    ///   (with the exit status if the child exits within a second),
    ///   ``ChildProcessError/lineTooLong(limit:)``.
    public func readLine(timeout: Double) throws(ChildProcessError) -> String {
        let deadline = ChildProcess.now() + timeout
        let outcome: Result<String, ChildProcessError> = reader.withLock { state in
            while true {
                if let line = state.takeLine() { return .success(line) }
                if state.buffer.count > ChildProcess.maximumLineLength {
                    return .failure(.lineTooLong(limit: ChildProcess.maximumLineLength))
                }
                if state.atEOF || state.fd < 0 { return .failure(.closed(status: nil)) }
                if interruption.isInterrupted { return .failure(.interrupted) }
                let remaining = deadline - ChildProcess.now()
                if remaining <= 0 { return .failure(.timedOut(seconds: timeout, while: "waiting for a line from the program")) }
                var descriptor = pollfd(fd: state.fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, Int32(min(remaining, ChildInterruption.slice) * 1000) + 1)
                if ready < 0 && errno != EINTR { return .failure(.closed(status: nil)) }
                if ready > 0 { state.fill() }
            }
        }
        switch outcome {
        case .success(let line): return line
        case .failure(.closed): throw .closed(status: waitForExit(seconds: 1))
        case .failure(let error): throw error
        }
    }

    /// A complete line the child has already written and nobody has read, without waiting;
    /// nil when there is none. A request-reply protocol calls it to find replies nobody asked
    /// for (``ObjectiveWorkerSession``).
    public func unreadLine() -> String? {
        reader.withLock { state in
            if let line = state.takeLine() { return line }
            guard state.fd >= 0, !state.atEOF else { return nil }
            var descriptor = pollfd(fd: state.fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0, descriptor.revents & Int16(POLLIN) != 0 else { return nil }
            state.fill()
            // A final unterminated line only counts once the child has closed its output.
            return state.takeLine()
        }
    }

    /// Closes the child's stdin (it sees end of input).
    public func closeInput() {
        stdinFD.withLock { fd in
            if fd >= 0 { close(fd); fd = -1 }
        }
    }

    // MARK: - stderr

    /// The last lines the child wrote to stderr (a final unterminated line included), oldest
    /// first. After the child has exited, waits (at most a second) for the rest of its stderr.
    public func stderrTail() -> [String] {
        if exitStatus() != nil { stderrCollector.waitUntilDone(seconds: 1) }
        return stderrCollector.lines()
    }

    // MARK: - Exit and termination

    /// The exit status if the child has ended (it stays unreaped until ``terminate(exitWait:grace:)``,
    /// so its process group cannot be reused meanwhile); nil while it runs.
    public func exitStatus() -> ChildExitStatus? {
        exit.withLock { state in
            if let status = state.status { return status }
            if let status = ChildProcess.peek(pid) {
                state.status = status
                return status
            }
            return nil
        }
    }

    /// Whether ``terminate(exitWait:grace:)`` has completed (the child is reaped).
    public var isTerminated: Bool { exit.withLock { $0.reaped } }

    /// Ends the child and everything in its process group, and reaps it; idempotent.
    ///
    /// Closes stdin, waits up to `exitWait` seconds for the child to exit by itself, sends
    /// SIGTERM to the group, waits up to `grace` seconds, then sends SIGKILL to the group
    /// (stragglers included, even when the child itself has exited) and reaps the child.
    ///
    /// - Returns: how the child ended.
    @discardableResult
    public func terminate(exitWait: Double = 0, grace: Double = 2) -> ChildExitStatus {
        closeInput()
        let status: ChildExitStatus = exit.withLock { state in
            if state.reaped, let status = state.status { return status }
            var status = state.status ?? ChildProcess.waitPeek(pid, seconds: exitWait)
            if status == nil {
                kill(-pid, SIGTERM)
                status = ChildProcess.waitPeek(pid, seconds: grace)
            }
            // The child is a zombie or alive, so the group id is still ours: kill stragglers.
            kill(-pid, SIGKILL)
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            let reaped = status ?? ChildProcess.decode(raw)
            state.status = reaped
            state.reaped = true
            ChildProcess.owned.withLock { _ = $0.remove(pid) }
            ChildProcess.reapGroup(pid)
            return reaped
        }
        // The group is gone, so stderr reaches end of file; let the thread finish reading.
        stderrCollector.waitUntilDone(seconds: 1)
        stderrCollector.stop()
        return status
    }

    /// Waits up to `seconds` for the child to exit, without reaping it.
    @discardableResult
    public func waitForExit(seconds: Double) -> ChildExitStatus? {
        if let status = exitStatus() { return status }
        let status = ChildProcess.waitPeek(pid, seconds: seconds)
        if let status { exit.withLock { state in if state.status == nil { state.status = status } } }
        return status ?? exitStatus()
    }
}

struct ExitState {
    var status: ChildExitStatus?
    var reaped = false
}
