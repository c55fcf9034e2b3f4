// The external-program protocol's round trip (one line to the program, one line back) through
// `cat`, with three launchers, alternating in one run so that a change in the machine's load falls
// on all three:
//   ChildProcess         ParzenBench's launcher: synchronous writeLine + readLine
//   subprocess-async     swift-subprocess inside its `run` body (.inputWriter, .sequence, strings())
//   subprocess-thread    swift-subprocess driven from a plain thread, as a cell's synchronous
//                        runner thread would have to: each line goes to the async body through an
//                        AsyncStream and the reply comes back through a semaphore
// Each round starts a fresh `cat` per launcher, runs the warm-up round trips, then times the
// others; the round's first launcher rotates. Prints one line per round, then each launcher's
// median (the range in parentheses) and its ratio to ChildProcess's.
//
// usage: subprocess-roundtrip [--trips N] [--warm-up N] [--rounds N]   (20000, 200, 9)
import Dispatch
import Foundation
import ParzenBench
import Subprocess
import Synchronization

/// How much to measure.
struct Settings {
    var trips = 20_000
    var warmUp = 200
    var rounds = 9

    init(arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let text = rest.popFirst(), let value = Int(text), value >= (flag == "--warm-up" ? 0 : 1) else {
                Settings.usage()
            }
            switch flag {
            case "--trips": trips = value
            case "--warm-up": warmUp = value
            case "--rounds": rounds = value
            default: Settings.usage()
            }
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: subprocess-roundtrip [--trips N] [--warm-up N] [--rounds N]\n".utf8))
        exit(2)
    }
}

/// `cat` sent back something other than the line it was given.
struct Mismatch: Error {}

/// The line of round trip `index`: about the size of a protocol `tell`.
func line(_ index: Int) -> String { "{\"tell\":\(index),\"value\":0.123456789012345}" }

/// The three launchers measured.
enum Launcher: CaseIterable {
    case childProcess, subprocessAsync, subprocessThread

    var name: String {
        switch self {
        case .childProcess: "ChildProcess"
        case .subprocessAsync: "subprocess-async"
        case .subprocessThread: "subprocess-thread"
        }
    }

    /// The time of `settings.trips` round trips after `settings.warmUp` untimed ones.
    func measure(_ settings: Settings) async throws -> Duration {
        switch self {
        case .childProcess: try Launcher.childProcess(settings)
        case .subprocessAsync: try await Launcher.subprocessAsync(settings)
        case .subprocessThread: try await Launcher.subprocessThread(settings)
        }
    }

    static func childProcess(_ settings: Settings) throws -> Duration {
        let child = try ChildProcess(arguments: ["cat"])
        defer { child.terminate(exitWait: 1) }
        func trip(_ index: Int) throws {
            let sent = line(index)
            try child.writeLine(sent)
            guard try child.readLine(timeout: 60) == sent else { throw Mismatch() }
        }
        for index in 0..<settings.warmUp { try trip(index) }
        let start = ContinuousClock.now
        for index in 0..<settings.trips { try trip(index) }
        return start.duration(to: .now)
    }

    static func subprocessAsync(_ settings: Settings) async throws -> Duration {
        let result = try await Subprocess.run(.name("cat"), input: .inputWriter, output: .sequence, error: .discarded) { execution in
            let writer = execution.standardInputWriter
            var lines = execution.standardOutput.strings().makeAsyncIterator()
            func trip(_ index: Int) async throws {
                let sent = line(index)
                _ = try await writer.write(sent + "\n")
                guard try await lines.next() == sent else { throw Mismatch() }
            }
            for index in 0..<settings.warmUp { try await trip(index) }
            let start = ContinuousClock.now
            for index in 0..<settings.trips { try await trip(index) }
            let elapsed = start.duration(to: .now)
            try await writer.finish()
            while try await lines.next() != nil {}
            return elapsed
        }
        return result.closureResult
    }

    static func subprocessThread(_ settings: Settings) async throws -> Duration {
        let (requests, requester) = AsyncStream.makeStream(of: String.self)
        let replies = Mailbox()
        async let session = Subprocess.run(.name("cat"), input: .inputWriter, output: .sequence, error: .discarded) { execution in
            let writer = execution.standardInputWriter
            var lines = execution.standardOutput.strings().makeAsyncIterator()
            for await request in requests {
                // A failure reaches the thread as a nil reply, so that it never waits forever.
                let written = try? await writer.write(request + "\n")
                replies.post(written == nil ? nil : try? await lines.next())
            }
            try await writer.finish()
            while try await lines.next() != nil {}
        }
        let outcome: Result<Duration, Mismatch> = await withCheckedContinuation { done in
            Thread {
                func trip(_ index: Int) -> Bool {
                    let sent = line(index)
                    requester.yield(sent)
                    return replies.take() == sent
                }
                guard (0..<settings.warmUp).allSatisfy(trip) else { return done.resume(returning: .failure(Mismatch())) }
                let start = ContinuousClock.now
                guard (0..<settings.trips).allSatisfy(trip) else { return done.resume(returning: .failure(Mismatch())) }
                done.resume(returning: .success(start.duration(to: .now)))
            }.start()
        }
        requester.finish()
        _ = try await session
        return try outcome.get()
    }
}

/// One reply handed from the async body to the waiting thread.
final class Mailbox: Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let slot = Mutex<String?>(nil)

    func post(_ reply: String?) {
        slot.withLock { $0 = reply }
        ready.signal()
    }

    func take() -> String? {
        ready.wait()
        return slot.withLock { $0.take() }
    }
}

func microseconds(_ duration: Duration, per trips: Int) -> Double {
    let (seconds, attoseconds) = duration.components
    return (Double(seconds) + Double(attoseconds) * 1e-18) * 1e6 / Double(trips)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted(), middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func format(_ value: Double) -> String { String(format: "%.1f", value) }

let settings = Settings(arguments: Array(CommandLine.arguments.dropFirst()))
let launchers = Launcher.allCases
var samples: [Launcher: [Double]] = [:]
print("µs per round trip, \(settings.trips) round trips after \(settings.warmUp) warm-up ones, \(settings.rounds) rounds")
for round in 0..<settings.rounds {
    var parts: [String] = []
    for offset in launchers.indices {
        let launcher = launchers[(round + offset) % launchers.count]
        let value = microseconds(try await launcher.measure(settings), per: settings.trips)
        samples[launcher, default: []].append(value)
        parts.append("\(launcher.name)=\(format(value))")
    }
    print("round \(round + 1): " + parts.joined(separator: " "))
}
let base = median(samples[.childProcess]!)
for launcher in launchers {
    let values = samples[launcher]!, value = median(values)
    print("median \(launcher.name): \(format(value)) µs (\(format(values.min()!))–\(format(values.max()!))), "
          + "\(String(format: "%.2f", value / base))× ChildProcess")
}
