import Foundation
import Testing
@testable import ParzenBench
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interrupting waits on programs, and descendants that leave their process group.
@Suite(.serialized) struct ChildInterruptionTests {
    @Test func interruptingASilentProgramEndsTheWaitWithinASlice() throws {
        let interruption = ChildInterruption()
        let child = try ChildProcess(arguments: ["sleep", "60"], interruption: interruption)
        defer { child.terminate(exitWait: 0, grace: 1) }
        let started = ChildProcess.now()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { interruption.interrupt() }
        #expect(throws: ChildProcessError.interrupted) { _ = try child.readLine(timeout: 60) }
        // A 60 s timeout, cut short: the measure is the 60 s the wait did not take.
        #expect(ChildProcess.now() - started < 30)
        #expect("\(ChildProcessError.interrupted)" == "interrupted while waiting for the program")
    }

    @Test func interruptingAOneShotProgramEndsTheRun() throws {
        let interruption = ChildInterruption()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { interruption.interrupt() }
        let started = ChildProcess.now()
        #expect(throws: ChildProcessError.interrupted) {
            _ = try ChildProcess.run(arguments: ["sh", "-c", "sleep 60"], timeout: 60, interruption: interruption)
        }
        #expect(ChildProcess.now() - started < 30)
    }

    @Test func aGrandchildInItsOwnSessionIsEndedWithTheRun() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        // The program starts a grandchild in a new session (setsid), reports its pid and exits.
        let output = try ChildProcess.run(arguments: ["python3", "-c", """
            import subprocess
            p = subprocess.Popen(["sleep", "60"], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(p.pid)
            """], timeout: 30)
        let grandchild = try #require(pid_t(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(ObjectiveScratch.isAlive(grandchild), "the grandchild outlived its parent")
        // Its parent has exited: as the subreaper, this process adopted it.
        let ended = ChildProcess.endOrphans()
        #expect(ended.contains(grandchild))
        #expect(!ObjectiveScratch.isAlive(grandchild))
    }
}
