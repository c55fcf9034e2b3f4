import Foundation
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
    /// The wait was cut short by ``ChildInterruption/interrupt()`` (Ctrl-C, SIGTERM, SIGHUP).
    case interrupted

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
        case .interrupted: return "interrupted while waiting for the program"
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
