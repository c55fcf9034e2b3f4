import Foundation
import Testing
@testable import ParzenBench
#if canImport(Glibc)
import Glibc
#endif

/// The line-oriented child process: lines in and out, timeouts, stderr tail, termination of
/// the whole process group, no process left behind.
@Suite struct ChildProcessTests {
    /// True while a process with this id exists (a zombie counts).
    static func exists(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 }

    static func shell(_ script: String) -> [String] { ["/bin/sh", "-c", script] }

    @Test func echoesLinesBackAndForth() throws {
        let child = try ChildProcess(arguments: Self.shell("while read line; do echo \"got $line\"; done"))
        for index in 0..<50 {
            try child.writeLine("line \(index)")
            #expect(try child.readLine(timeout: 5) == "got line \(index)")
        }
        child.closeInput()
        #expect(child.waitForExit(seconds: 5) == .exited(0))
        #expect(child.terminate() == .exited(0))
        #expect(!Self.exists(child.pid))
    }

    @Test func readTimesOutWithAClearError() throws {
        let child = try ChildProcess(arguments: Self.shell("read line; sleep 30"))
        let start = Date()
        #expect(throws: ChildProcessError.timedOut(seconds: 0.3, while: "waiting for a line from the program")) {
            try child.readLine(timeout: 0.3)
        }
        #expect(Date().timeIntervalSince(start) < 2)
        let error = ChildProcessError.timedOut(seconds: 0.3, while: "waiting for a line from the program")
        #expect(error.description == "timed out after 0.3 s waiting for a line from the program")
        child.terminate(grace: 1)
        #expect(!Self.exists(child.pid))
    }

    @Test func keepsTheLastStderrLines() throws {
        let child = try ChildProcess(arguments: Self.shell("for i in $(seq 1 100); do echo \"err $i\" >&2; done; printf 'last' >&2; echo done"), stderrLines: 5)
        #expect(try child.readLine(timeout: 5) == "done")
        child.waitForExit(seconds: 5)
        #expect(child.stderrTail() == ["err 97", "err 98", "err 99", "err 100", "last"])
        child.terminate()
    }

    @Test func aChildFlooringStderrNeverBlocks() throws {
        // 2 MB of stderr would fill any pipe; the background reader keeps it flowing.
        let child = try ChildProcess(arguments: Self.shell("head -c 2000000 /dev/zero | tr '\\0' 'x' | fold -w 100 >&2; echo finished"))
        #expect(try child.readLine(timeout: 20) == "finished")
        child.terminate()
        #expect(child.stderrTail().count == 20)
    }

    @Test func reportsEndOfOutputWithTheExitStatus() throws {
        let child = try ChildProcess(arguments: Self.shell("echo before; echo 'dying' >&2; exit 3"))
        #expect(try child.readLine(timeout: 5) == "before")
        #expect(throws: ChildProcessError.closed(status: .exited(3))) { try child.readLine(timeout: 5) }
        #expect(child.stderrTail() == ["dying"])
        #expect(child.terminate() == .exited(3))
    }

    @Test func reportsDeathBySignal() throws {
        let child = try ChildProcess(arguments: Self.shell("kill -SEGV $$"))
        #expect(throws: ChildProcessError.closed(status: .signaled(SIGSEGV))) { try child.readLine(timeout: 5) }
        #expect(ChildExitStatus.signaled(SIGSEGV).description == "killed by signal 11 (SIGSEGV)")
        child.terminate()
    }

    @Test func writingToAnExitedChildFailsWithoutKillingUs() throws {
        let child = try ChildProcess(arguments: Self.shell("exec 0<&-; exit 0"))
        child.waitForExit(seconds: 5)
        var failed = false
        for _ in 0..<10 {
            do { try child.writeLine(String(repeating: "x", count: 10_000)) } catch {
                if case .writeFailed = error { failed = true; break }
            }
        }
        #expect(failed)
        child.terminate()
    }

    @Test func aChildIgnoringSIGTERMIsKilledWithItsGroup() throws {
        // The shell ignores TERM and starts a grandchild that ignores it too.
        let child = try ChildProcess(arguments: Self.shell("trap '' TERM; sh -c 'trap \"\" TERM; echo $$; while true; do sleep 0.05; done' & echo ready; wait"))
        let first = try child.readLine(timeout: 5)
        let second = try child.readLine(timeout: 5)
        let grandchild = pid_t([first, second].first { $0 != "ready" }!)!
        #expect(Self.exists(grandchild))
        let start = Date()
        let status = child.terminate(grace: 0.3)
        #expect(status == .signaled(SIGKILL))
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(!Self.exists(child.pid))
        // The grandchild was re-parented and is reaped by init; give it a moment.
        let deadline = Date().addingTimeInterval(3)
        while Self.exists(grandchild) && Date() < deadline { usleep(10_000) }
        #expect(!Self.exists(grandchild))
    }

    @Test func aWellBehavedChildEndsOnSIGTERM() throws {
        let child = try ChildProcess(arguments: Self.shell("echo up; exec sleep 30"))
        #expect(try child.readLine(timeout: 5) == "up")
        let start = Date()
        #expect(child.terminate(grace: 5) == .signaled(SIGTERM))
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(!Self.exists(child.pid))
    }

    @Test func deinitTerminatesTheChild() throws {
        var pid: pid_t = 0
        do {
            let child = try ChildProcess(arguments: Self.shell("echo up; exec sleep 30"))
            pid = child.pid
            #expect(try child.readLine(timeout: 5) == "up")
            #expect(Self.exists(pid))
        }
        #expect(pid != 0 && !Self.exists(pid))
    }

    @Test func terminateIsIdempotent() throws {
        let child = try ChildProcess(arguments: Self.shell("exit 7"))
        #expect(child.waitForExit(seconds: 5) == .exited(7))
        #expect(child.terminate() == .exited(7))
        #expect(child.terminate() == .exited(7))
        #expect(child.isTerminated)
        #expect(throws: ChildProcessError.terminated) { try child.writeLine("x") }
    }

    @Test func workingDirectoryAndEnvironment() throws {
        let child = try ChildProcess(arguments: Self.shell("pwd; echo \"$PARZEN_TEST_VALUE\""), workingDirectory: "/tmp",
                                     environment: ["PARZEN_TEST_VALUE": "forty two"])
        let directory = try child.readLine(timeout: 5)
        #expect(URL(fileURLWithPath: directory).resolvingSymlinksInPath().path == URL(fileURLWithPath: "/tmp").resolvingSymlinksInPath().path)
        #expect(try child.readLine(timeout: 5) == "forty two")
        child.terminate()
    }

    @Test func theChildRunsInItsOwnProcessGroup() throws {
        let child = try ChildProcess(arguments: Self.shell("echo up; exec sleep 30"))
        _ = try child.readLine(timeout: 5)
        #expect(getpgid(child.pid) == child.pid)
        #expect(getpgid(child.pid) != getpgrp())
        child.terminate()
    }

    @Test func spawnFailuresAreClear() {
        #expect(throws: ChildProcessError.self) { try ChildProcess(arguments: ["/no/such/program"]) }
        do {
            _ = try ChildProcess(arguments: ["no-such-program-parzen"])
            Issue.record("expected a spawn failure")
        } catch {
            #expect(error.description.contains("cannot start 'no-such-program-parzen'"))
        }
        #expect(throws: ChildProcessError.spawnFailed(program: "/bin/sh", message: "no such directory '/no/such/dir'")) {
            try ChildProcess(arguments: ["/bin/sh"], workingDirectory: "/no/such/dir")
        }
        #expect(throws: ChildProcessError.spawnFailed(program: "", message: "empty command")) { try ChildProcess(arguments: []) }
    }

    @Test func oneShotRun() throws {
        let output = try ChildProcess.run(arguments: Self.shell("read a; echo \"in: $a\"; echo warn >&2; exit 2"), input: "hello", timeout: 5)
        #expect(output.status == .exited(2))
        #expect(output.stdout == "in: hello\n")
        #expect(output.stderrTail == ["warn"])
    }

    @Test func oneShotRunTimesOutAndKills() throws {
        let start = Date()
        #expect(throws: ChildProcessError.timedOut(seconds: 0.3, while: "running '/bin/sh'")) {
            try ChildProcess.run(arguments: Self.shell("trap '' TERM; sleep 30"), timeout: 0.3)
        }
        #expect(Date().timeIntervalSince(start) < 4)
    }

    @Test func manyChildrenInParallelDoNotShareTheirPipes() async throws {
        // If one child's pipe ends leaked into another, end of output would never arrive.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let child = try ChildProcess(arguments: Self.shell("read x; echo \"$x\""))
                    try child.writeLine("\(index)")
                    #expect(try child.readLine(timeout: 10) == "\(index)")
                    #expect(throws: ChildProcessError.self) { try child.readLine(timeout: 10) }
                    child.terminate()
                }
            }
            try await group.waitForAll()
        }
    }
}
