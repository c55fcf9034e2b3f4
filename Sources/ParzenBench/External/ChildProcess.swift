import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a child process ended.
public enum ChildExitStatus: Sendable, Equatable, CustomStringConvertible {
    /// It exited with this status code.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)

    public var description: String {
        switch self {
        case .exited(let code): return "exited with status \(code)"
        case .signaled(let signal): return "killed by signal \(signal) (\(ChildExitStatus.signalName(signal)))"
        }
    }

    /// True for a normal exit with status 0.
    public var isSuccess: Bool { self == .exited(0) }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGTERM: return "SIGTERM"
        case SIGKILL: return "SIGKILL"
        case SIGSEGV: return "SIGSEGV"
        case SIGABRT: return "SIGABRT"
        case SIGINT: return "SIGINT"
        case SIGPIPE: return "SIGPIPE"
        case SIGBUS: return "SIGBUS"
        case SIGFPE: return "SIGFPE"
        case SIGILL: return "SIGILL"
        case SIGHUP: return "SIGHUP"
        default: return "signal \(signal)"
        }
    }
}

/// An error talking to a child process.
public enum ChildProcessError: Error, Equatable, CustomStringConvertible {
    /// The program could not be started (not found, not executable, bad directory).
    case spawnFailed(program: String, message: String)
    /// No complete line arrived (or a write could not finish) within the timeout.
    case timedOut(seconds: Double, while: String)
    /// The child closed its stdout (usually: it exited); its status when known.
    case closed(status: ChildExitStatus?)
    /// Writing to the child's stdin failed (it closed stdin or exited).
    case writeFailed(message: String, status: ChildExitStatus?)
    /// A line longer than the limit arrived.
    case lineTooLong(limit: Int)
    /// `terminate()` was called already.
    case terminated

    public var description: String {
        switch self {
        case .spawnFailed(let program, let message): return "cannot start '\(program)': \(message)"
        case .timedOut(let seconds, let what):
            return "timed out after \(ChildProcessError.format(seconds)) s \(what)"
        case .closed(let status):
            return "the program closed its output" + (status.map { " (\($0))" } ?? "")
        case .writeFailed(let message, let status):
            return "cannot write to the program: \(message)" + (status.map { " (\($0))" } ?? "")
        case .lineTooLong(let limit): return "the program wrote a line longer than \(limit) bytes"
        case .terminated: return "the program was already terminated"
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

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

    private let stdinFD: Mutex<Int32>          // -1 once closed
    private let reader: Mutex<LineReader>
    private let exit: Mutex<ExitState>
    private let stderrCollector: StderrCollector

    /// The longest line accepted from stdout (16 MiB).
    public static let maximumLineLength = 16 << 20

    /// Starts `arguments[0]` with `arguments`.
    ///
    /// - Parameters:
    ///   - workingDirectory: the child's directory; nil keeps the parent's.
    ///   - environment: variables added to (or replacing) the parent's.
    ///   - stderrLines: how many of the last stderr lines to keep.
    /// - Throws: ``ChildProcessError/spawnFailed(program:message:)``.
    public init(arguments: [String], workingDirectory: String? = nil, environment: [String: String] = [:], stderrLines: Int = 20) throws(ChildProcessError) {
        guard let program = arguments.first, !program.isEmpty else {
            throw .spawnFailed(program: "", message: "empty command")
        }
        ChildProcess.ignoreSIGPIPE()
        self.arguments = arguments

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
        let status = ChildProcess.spawnLock.withLock { _ in ChildProcess.withCStrings(arguments) { argv in
            ChildProcess.withCStrings(environmentLines) { envp in
                if program.contains("/") {
                    return posix_spawn(&childPID, program, &actions, &attributes, argv, envp)
                } else {
                    return posix_spawnp(&childPID, program, &actions, &attributes, argv, envp)
                }
            }
        } }
        close(stdinPipe[0]); close(stdoutPipe[1]); close(stderrPipe[1])
        guard status == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw .spawnFailed(program: program, message: String(cString: strerror(status)))
        }
        pid = childPID
        _ = fcntl(stdinPipe[1], F_SETFL, fcntl(stdinPipe[1], F_GETFL) | O_NONBLOCK)
        _ = fcntl(stdoutPipe[0], F_SETFL, fcntl(stdoutPipe[0], F_GETFL) | O_NONBLOCK)
        _ = fcntl(stderrPipe[0], F_SETFL, fcntl(stderrPipe[0], F_GETFL) | O_NONBLOCK)
        stdinFD = Mutex(stdinPipe[1])
        reader = Mutex(LineReader(fd: stdoutPipe[0]))
        exit = Mutex(ExitState())
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
                    let remaining = deadline - ChildProcess.now()
                    if remaining <= 0 { return .timedOut(seconds: timeout, while: "writing to the program") }
                    var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, Int32(min(remaining * 1000, 1_000_000)) + 1)
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
                let remaining = deadline - ChildProcess.now()
                if remaining <= 0 { return .failure(.timedOut(seconds: timeout, while: "waiting for a line from the program")) }
                var descriptor = pollfd(fd: state.fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, Int32(min(remaining * 1000, 1_000_000)) + 1)
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

    // MARK: - One shot

    /// What ``run(arguments:workingDirectory:environment:input:timeout:)`` returns.
    public struct Output: Sendable, Equatable {
        public var status: ChildExitStatus
        public var stdout: String
        public var stderrTail: [String]
    }

    /// Runs a program to completion: writes `input` (if any) to its stdin, closes stdin,
    /// collects stdout, and returns the status with stdout and the last stderr lines.
    ///
    /// - Throws: ``ChildProcessError/spawnFailed(program:message:)``; ``ChildProcessError/timedOut(seconds:while:)``
    ///   when it runs past `timeout` seconds (it is then killed, with its group).
    public static func run(arguments: [String], workingDirectory: String? = nil, environment: [String: String] = [:], input: String? = nil, timeout: Double, stderrLines: Int = 20) throws(ChildProcessError) -> Output {
        let child = try ChildProcess(arguments: arguments, workingDirectory: workingDirectory, environment: environment, stderrLines: stderrLines)
        let deadline = now() + timeout
        if let input {
            var bytes = Array(input.utf8)
            if bytes.last != UInt8(ascii: "\n") && !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            // Ignore write failures: a program may not read its input.
            try? child.writeAll(bytes, deadline: deadline, timeout: timeout)
        }
        child.closeInput()
        let collected: Result<[UInt8], ChildProcessError> = child.reader.withLock { state in
            while !state.atEOF {
                let remaining = deadline - now()
                if remaining <= 0 { return .failure(.timedOut(seconds: timeout, while: "running '\(arguments[0])'")) }
                var descriptor = pollfd(fd: state.fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, Int32(min(remaining * 1000, 1_000_000)) + 1)
                if ready < 0 && errno != EINTR { break }
                if ready > 0 { state.fill() }
            }
            return .success(state.buffer)
        }
        switch collected {
        case .failure(let error):
            child.terminate(exitWait: 0, grace: 1)
            throw error
        case .success(let bytes):
            let remaining = max(0, deadline - now())
            if child.waitForExit(seconds: remaining) == nil {
                child.terminate(exitWait: 0, grace: 1)
                throw .timedOut(seconds: timeout, while: "running '\(arguments[0])'")
            }
            let status = child.terminate(exitWait: 0, grace: 1)
            return Output(status: status, stdout: String(decoding: bytes, as: UTF8.self), stderrTail: child.stderrTail())
        }
    }

    private func writeAll(_ bytes: [UInt8], deadline: Double, timeout: Double) throws(ChildProcessError) {
        let text = String(decoding: bytes.dropLast(), as: UTF8.self)
        try writeLine(text, timeout: max(0, deadline - ChildProcess.now()))
    }

    // MARK: - Helpers

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The status of an exited, unreaped child; nil while it runs.
    private static func peek(_ pid: pid_t) -> ChildExitStatus? {
        var info = siginfo_t()
        while true {
            let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            if result < 0 && errno == EINTR { continue }
            #if os(Linux)
            let found = info._sifields._sigchld.si_pid
            #else
            let found = info.si_pid
            #endif
            guard result == 0, found == pid else { return nil }
            break
        }
        #if os(Linux)
        let code = info._sifields._sigchld.si_status
        #else
        let code = info.si_status
        #endif
        return info.si_code == CLD_EXITED ? .exited(code) : .signaled(code)
    }

    private static func waitPeek(_ pid: pid_t, seconds: Double) -> ChildExitStatus? {
        let deadline = now() + seconds
        var pause: UInt32 = 500
        while true {
            if let status = peek(pid) { return status }
            if now() >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    private static func decode(_ raw: Int32) -> ChildExitStatus {
        let signal = raw & 0x7f
        return signal == 0 ? .exited((raw >> 8) & 0xff) : .signaled(signal)
    }

    /// Held while pipes are created and a child spawned, so a pipe made without O_CLOEXEC
    /// (where pipe2 is missing) never leaks into another thread's child.
    private static let spawnLock = Mutex<Void>(())

    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static let pipe2: Pipe2? = symbol("pipe2")
    private static let addchdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")

    private static func symbol<F>(_ name: String) -> F? {
        #if os(Linux)
        let handle = dlopen(nil, RTLD_NOW)
        #else
        let handle = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #endif
        guard let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: F.self)
    }

    /// A close-on-exec pipe.
    private static func makePipe(_ fds: inout [Int32]) -> Int32 {
        spawnLock.withLock { _ in
            if let pipe2 { return fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, Int32(O_CLOEXEC)) } }
            guard pipe(&fds) == 0 else { return -1 }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return 0
        }
    }

    private static func ignoreSIGPIPE() {
        _ = sigpipeIgnored
    }

    private static let sigpipeIgnored: Bool = {
        // A child that exits while we write must give EPIPE, not end this process.
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}

/// Reads stdout into a buffer and splits it into lines.
private struct LineReader: ~Copyable {
    var fd: Int32
    /// Bytes read and not yet taken start at `start`.
    var buffer: [UInt8] = []
    var start = 0
    var atEOF = false
    /// What each `read` fills: allocated once, at the first read.
    private var chunk: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    mutating func takeLine() -> String? {
        guard let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) else {
            if atEOF && start < buffer.count {
                // A final unterminated line.
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return line
            }
            return nil
        }
        var end = newline
        if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = newline + 1
        if start == buffer.count {
            // All taken (the usual case: one reply per read): reuse the storage from its start.
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 65_536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return line
    }

    /// Reads what is available; sets `atEOF` at end of file.
    mutating func fill() {
        if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: 65_536) }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                if count < chunk.count { return }
                continue
            }
            if count == 0 { atEOF = true; return }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return }
            atEOF = true
            return
        }
    }
}

/// The last lines of stderr.
private struct StderrRing: ~Copyable {
    let capacity: Int
    var complete: [String] = []
    var partial: [UInt8] = []
    /// Each kept line is cut to this many bytes.
    let lineLimit = 1000

    init(capacity: Int) { self.capacity = capacity }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                var line = partial
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                complete.append(String(decoding: line, as: UTF8.self))
                if complete.count > capacity { complete.removeFirst(complete.count - capacity) }
                partial.removeAll(keepingCapacity: true)
            } else if partial.count < lineLimit {
                partial.append(byte)
            }
        }
    }

    func lines() -> [String] {
        var result = complete
        if !partial.isEmpty { result.append(String(decoding: partial, as: UTF8.self)) }
        return Array(result.suffix(capacity))
    }
}

private struct ExitState {
    var status: ChildExitStatus?
    var reaped = false
}

/// Reads a child's stderr on its own thread into a ring of lines. The thread holds this
/// object, not the ``ChildProcess``, so the process can be released (and its deinit run) while
/// the thread reads; the thread ends at end of file or after ``stop()``.
private final class StderrCollector: Sendable {
    private let ring: Mutex<StderrRing>
    private let done = Atomic<Bool>(false)
    private let stopRequested = Atomic<Bool>(false)

    init(capacity: Int) { ring = Mutex(StderrRing(capacity: capacity)) }

    func start(fd: Int32) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, 50)
                if ready == 0 {
                    if stopRequested.load(ordering: .acquiring) { break }
                    continue
                }
                if ready < 0 { if errno == EINTR { continue } else { break } }
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if count > 0 {
                    ring.withLock { $0.append(buffer[0..<count]) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    break
                }
            }
            close(fd)
            done.store(true, ordering: .releasing)
        }
        thread.name = "parzen.child.stderr"
        thread.start()
    }

    func lines() -> [String] { ring.withLock { $0.lines() } }

    func waitUntilDone(seconds: Double) {
        let deadline = ChildProcess.now() + seconds
        while !done.load(ordering: .acquiring) && ChildProcess.now() < deadline { usleep(1_000) }
    }

    func stop() { stopRequested.store(true, ordering: .releasing) }
}
