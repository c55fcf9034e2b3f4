import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ChildProcess {
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
    public static func run(arguments: [String], workingDirectory: String? = nil, environment: [String: String] = [:], input: String? = nil, timeout: Double, stderrLines: Int = 20,
                           interruption: ChildInterruption = .shared) throws(ChildProcessError) -> Output {
        let child = try ChildProcess(arguments: arguments, workingDirectory: workingDirectory, environment: environment, stderrLines: stderrLines,
                                     interruption: interruption)
        let deadline = now() + timeout
        if let input {
            var bytes = Array(input.utf8)
            if bytes.last != UInt8(ascii: "\n") && !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            // Ignore write failures: a program may not read its input.
            try? child.writeAll(bytes, deadline: deadline, timeout: timeout)
        }
        child.closeInput()
        let collected: Result<[UInt8], ChildProcessError> = child.reader.withLock { state in
            var exitedAt: Double? = nil
            while !state.atEOF {
                if interruption.isInterrupted { return .failure(.interrupted) }
                // A program that has exited is done even when something it started in the
                // background still holds stdout open: read what is there for a moment, then stop
                // (the background process is ended with the group).
                if let exitedAt {
                    if now() - exitedAt > 0.2 { break }
                } else if child.exitStatus() != nil {
                    exitedAt = now()
                }
                let remaining = deadline - now()
                if remaining <= 0 { return .failure(.timedOut(seconds: timeout, while: "running '\(arguments[0])'")) }
                var descriptor = pollfd(fd: state.fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, Int32(min(remaining, exitedAt == nil ? ChildInterruption.slice : 0.05) * 1000) + 1)
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
            var remaining = max(0, deadline - now())
            while child.waitForExit(seconds: min(remaining, ChildInterruption.slice)) == nil && remaining > ChildInterruption.slice
                    && !interruption.isInterrupted {
                remaining = max(0, deadline - now())
            }
            if interruption.isInterrupted && child.exitStatus() == nil {
                child.terminate(exitWait: 0, grace: 1)
                throw .interrupted
            }
            if child.waitForExit(seconds: 0) == nil {
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
}
