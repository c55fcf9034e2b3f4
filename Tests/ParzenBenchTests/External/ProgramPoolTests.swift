import Foundation
import Testing
@testable import ParzenBench
#if canImport(Glibc)
import Glibc
#endif

/// The pool of waiting programs on its own, with `cat` as the program.
@Suite struct ProgramPoolTests {
    static func start() throws -> ChildProcess { try ChildProcess(arguments: ["cat"]) }
    static let cat = ProgramPool.Key(role: .suggester, arguments: ["cat"])

    @Test func aKeptProcessIsTakenBackByItsKeyOnly() throws {
        let pool = ProgramPool()
        let child = try Self.start()
        pool.keep(child, key: Self.cat, served: 3, farewell: nil, grace: 1)
        #expect(pool.take(ProgramPool.Key(role: .objective, arguments: ["cat"])) == nil)
        #expect(pool.take(ProgramPool.Key(role: .suggester, arguments: ["cat"], environment: ["A": "1"])) == nil)
        let lease = try #require(pool.take(Self.cat))
        #expect(lease.child.pid == child.pid && lease.served == 3)
        #expect(pool.take(Self.cat) == nil)
        #expect(pool.counts.reused == 1)
        // Still in step: it echoes a line.
        try lease.child.writeLine("ping")
        #expect(try lease.child.readLine(timeout: 5) == "ping")
        pool.close()
    }

    @Test func theLongestWaitingIsEndedBeyondTheCapacity() throws {
        let pool = ProgramPool(capacity: 2)
        let children = try (0..<3).map { _ in try Self.start() }
        for (index, child) in children.enumerated() {
            pool.keep(child, key: ProgramPool.Key(role: .objective, arguments: ["cat"], identity: "p\(index)"), served: 1, farewell: nil, grace: 1)
        }
        #expect(children[0].isTerminated)
        #expect(!children[1].isTerminated && !children[2].isTerminated)
        pool.close()
        #expect(children.allSatisfy { $0.isTerminated })
    }

    @Test func anExitedProcessIsNotHandedOut() throws {
        let pool = ProgramPool()
        let child = try Self.start()
        pool.keep(child, key: Self.cat, served: 1, farewell: nil, grace: 1)
        kill(child.pid, SIGKILL)
        #expect(child.waitForExit(seconds: 5) != nil)
        #expect(pool.take(Self.cat) == nil)
        #expect(child.isTerminated)
    }

    @Test func closingEndsEveryProcessAndLaterOnesAtOnce() throws {
        let pool = ProgramPool()
        let waiting = try Self.start()
        pool.keep(waiting, key: Self.cat, served: 1, farewell: "bye", grace: 1)
        pool.close()
        #expect(waiting.isTerminated)
        let late = try Self.start()
        pool.keep(late, key: Self.cat, served: 1, farewell: nil, grace: 1)
        #expect(late.isTerminated && pool.take(Self.cat) == nil)
        pool.close()
    }
}
