import Foundation
import GSLKit
import Parzen

/// A suggester that is another program, spoken to over stdin/stdout with the line-delimited
/// JSON protocol of docs/external-suggesters.md (``ExternalProtocol``).
///
/// One program runs per search (one experiment cell), started when the suggester is made and
/// ended when the suggester is released, whether the cell finished or failed: the child is
/// held by a class whose deinit says `bye` and then terminates the child's process group.
/// Given a ``ProgramPool``, a program that declares the capability `"reuse"` in its `hello`
/// reply is instead given back to the pool when the search ends in step, and the next search
/// on the same runner thread starts with a new `hello` on it; a program that failed is ended.
///
/// Before each `ask`, every finished trial of the history the program has not been told about
/// is sent as a `tell`. Every proposal is validated against the space; a crash, a reply later
/// than the timeout, a line that is not the protocol, an `error` reply or an invalid point
/// throws ``SuggesterError/failed(_:)`` with a precise message and the program's last stderr
/// lines, which fails that cell only.
///
/// Manifests declare one as `{label: L, command: [program, arg, …], options: {…}, timeout: 60}`;
/// `options` go to the program untouched. Make one in code with
/// ``Algorithm/external(command:options:timeout:workingDirectory:environment:)``.
public struct ExternalSuggester: Suggester {
    /// Everything needed to start and talk to the program.
    public struct Options: SuggesterOptions {
        /// The argv; the program is found on PATH when it has no slash.
        public var command: [String] = []
        /// Sent to the program in `hello`.
        public var options: Value = .record([:])
        /// Seconds to wait for each reply; the first, `hello`, which includes the program's
        /// start, gets at least 30.
        public var timeout: Double = 60
        /// The program's working directory; empty keeps Parzen's.
        public var workingDirectory: String = ""
        /// Variables added to the program's environment.
        public var environment: [String: String] = [:]

        public init() {}

        public init(command: [String], options: OrderedRecord<Value> = [:], timeout: Double = 60, workingDirectory: String = "", environment: [String: String] = [:]) {
            self.command = command
            self.options = .record(options)
            self.timeout = timeout
            self.workingDirectory = workingDirectory
            self.environment = environment
        }

        public func validate() throws(SuggesterError) {
            if command.isEmpty || command[0].isEmpty {
                throw .invalidOption(name: "command", message: "expected a non-empty list: the program and its arguments")
            }
            if !(timeout > 0 && timeout.isFinite) {
                throw .invalidOption(name: "timeout", message: "expected a number of seconds > 0, got \(timeout)")
            }
            guard case .record = options else {
                throw .invalidOption(name: "options", message: "expected a mapping of option names to values")
            }
        }

        var programOptions: OrderedRecord<Value> {
            if case .record(let record) = options { return record }
            return [:]
        }
    }

    public static let name = "external"
    public static let summary = "a program speaking the external-suggester protocol on stdin/stdout (docs/external-suggesters.md)"
    /// Declared permissive: whether the program handles a conditional space is learned from its
    /// `hello` reply, and a program that does not fails its cells with that message.
    public static let capabilities: SuggesterCapabilities = [.conditionalSpaces]

    private let connection: Connection
    private let space: SearchSpace

    /// The program's name and capabilities, from its `hello` reply.
    public var programName: String { connection.programName }
    public var programCapabilities: [String] { connection.programCapabilities }
    /// The child's process id (for tests checking that nothing is left running).
    public var processID: Int32 { connection.child.pid }

    public var planDescription: String? { "external program '\(connection.programName)': \(connection.commandText)" }

    /// Starts the program and exchanges `hello`.
    ///
    /// - Determinism: draws one number from `rng`, the seed sent to the program.
    /// - Throws: ``SuggesterError/invalidOption(name:message:)`` for bad options;
    ///   ``SuggesterError/failed(_:)`` when the program cannot start, does not answer `hello`
    ///   properly, reports an error, or cannot handle a conditional space.
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError) {
        try self.init(space: space, options: options, budget: budget, using: rng, programs: nil)
    }

    /// Starts the program, or takes a waiting one from `programs`, and exchanges `hello`.
    ///
    /// - Parameter programs: where a program declaring `"reuse"` waits between searches (nil:
    ///   one process per search).
    /// - Determinism: draws one number from `rng`, the seed sent to the program; which process
    ///   serves the search does not change what it is sent.
    /// - Throws: as ``init(space:options:budget:using:)``; a reused program that does not answer
    ///   `hello` properly fails this search (the message says the process was reused) and is ended.
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister, programs: ProgramPool?) throws(SuggesterError) {
        try options.validate()
        self.space = space
        let seed = rng.next() & 0x7fff_ffff
        connection = try Connection(options: options, programs: programs)
        try connection.hello(space: space, seed: seed, budget: budget, options: options.programOptions)
    }

    public mutating func suggest(history: Trials, using rng: MersenneTwister) throws(SuggesterError) -> Assignment? {
        try connection.tellFinished(history)
        let id = history.nextID
        let reply = try connection.exchange(what: "ask for trial \(id)") { ExternalProtocol.ask(trial: id, into: &$0) }
        switch reply {
        case .exhausted:
            return nil
        case .suggest(let value):
            let assignment: Assignment
            do { assignment = try ExternalProtocol.assignment(value, space: space) } catch {
                throw connection.failure("proposed an invalid point for trial \(id): \(error)", includeStderr: false)
            }
            do { try space.validate(assignment) } catch {
                throw connection.failure("proposed an invalid point for trial \(id): \(error)", includeStderr: false)
            }
            return assignment
        default:
            throw connection.failure("replied \(Self.describe(reply)) to ask for trial \(id); expected suggest or exhausted")
        }
    }

    static func describe(_ reply: ExternalProtocol.Reply) -> String {
        switch reply {
        case .hello: return "hello"
        case .suggest: return "suggest"
        case .exhausted: return "exhausted"
        case .ok: return "ok"
        case .error(let message): return "error (\(message))"
        }
    }

    /// The running program; on release given back to the pool (a healthy program that declared
    /// `"reuse"`) or terminated (after `bye` when all went well).
    final class Connection {
        let child: ChildProcess
        let timeout: Double
        let commandText: String
        var programName = "?"
        var programCapabilities: [String] = []
        /// Where the program waits between searches, and under which key.
        let programs: ProgramPool?
        let key: ProgramPool.Key
        /// How many searches the process served before this one (0: started for this one).
        let served: Int
        /// Ids of the trials told.
        var told = Set<Int>()
        /// How many leading trials of the history are told (all finished), and the id of the
        /// last of them: ``tellFinished(_:)`` looks only at the trials after these.
        var toldPrefix = 0
        var toldPrefixLastID = -1
        /// False once something went wrong: no `bye` then, the child is just terminated.
        var healthy = true
        /// The message being sent, one line (kept to reuse its storage).
        private var outgoing: [UInt8] = []

        init(options: Options, programs: ProgramPool?) throws(SuggesterError) {
            timeout = options.timeout
            commandText = options.command.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
            let directory = options.workingDirectory.isEmpty ? nil : options.workingDirectory
            self.programs = programs
            key = ProgramPool.Key(role: .suggester, arguments: options.command, workingDirectory: directory, environment: options.environment)
            if let lease = programs?.take(key) {
                child = lease.child
                served = lease.served
                return
            }
            do {
                child = try ChildProcess(arguments: options.command, workingDirectory: directory, environment: options.environment)
            } catch {
                throw .failed("external suggester: \(error)")
            }
            served = 0
            programs?.noteStarted()
        }

        deinit {
            if healthy, let programs, programCapabilities.contains(ExternalProtocol.reuseCapability) {
                // In step (every message answered), so the next search can start with its hello.
                programs.keep(child, key: key, served: served + 1, farewell: ExternalProtocol.bye, grace: 2)
            } else if healthy {
                // A clean shutdown: bye, its reply, then the program has a moment to exit.
                if (try? child.writeLine(ExternalProtocol.bye, timeout: 1)) != nil {
                    _ = try? child.readLine(timeout: 1)
                }
                child.terminate(exitWait: 1, grace: 2)
            } else {
                child.terminate(exitWait: 0, grace: 2)
            }
        }

        func hello(space: SearchSpace, seed: UInt32, budget: Int, options: OrderedRecord<Value>) throws(SuggesterError) {
            let message = ExternalProtocol.hello(space: space, seed: seed, budget: budget, options: options)
            // A reused program is running already: its hello gets the ordinary timeout.
            let helloTimeout = served > 0 ? timeout : max(timeout, Connection.minimumHelloTimeout)
            let reply = try exchange(what: "hello", timeout: helloTimeout) { $0.append(contentsOf: message.utf8) }
            guard case .hello(let name, let capabilities) = reply else {
                throw failure("replied \(ExternalSuggester.describe(reply)) to hello; expected {\"type\":\"hello\",\"name\":…}")
            }
            programName = name
            programCapabilities = capabilities
            if space.isConditional && !capabilities.contains("conditional") {
                throw failure("does not declare the capability \"conditional\" in its hello, but the space is conditional", includeStderr: false)
            }
        }

        /// Tells every finished trial of `history` not told yet, in trial order.
        ///
        /// - Complexity: amortised O(1) per new trial when the history grows by appending (a
        ///   cell's does), plus the trials after the first pending one; a history that does not
        ///   continue the previous one (shorter, or another trial where the told prefix ended)
        ///   is scanned whole, skipping the trials told.
        func tellFinished(_ history: Trials) throws(SuggesterError) {
            let trials = history.trials
            if toldPrefix > trials.count || (toldPrefix > 0 && trials[toldPrefix - 1].id != toldPrefixLastID) {
                toldPrefix = 0
            }
            var extendsPrefix = true
            for index in toldPrefix..<trials.count {
                let status = trials[index].status
                if status == .pending { extendsPrefix = false; continue }
                let id = trials[index].id
                if !told.contains(id) {
                    let reply = try exchange(what: "tell for trial \(id)") { ExternalProtocol.tell(trials[index], into: &$0) }
                    guard reply == .ok else { throw failure("replied \(ExternalSuggester.describe(reply)) to tell for trial \(id); expected {\"type\":\"ok\"}") }
                    told.insert(id)
                }
                if extendsPrefix {
                    toldPrefix = index + 1
                    toldPrefixLastID = id
                }
            }
        }

        /// The wait for the `hello` reply is at least this long (seconds): it includes the
        /// program's start, e.g. importing a library on a busy machine.
        static let minimumHelloTimeout = 30.0

        /// Sends one message, written by `message` into the (reused) outgoing bytes, and decodes
        /// the one-line reply; an `error` reply throws. `what` names the message in failures.
        func exchange(what: @autoclosure () -> String, timeout: Double? = nil, message: (inout [UInt8]) -> Void) throws(SuggesterError) -> ExternalProtocol.Reply {
            let timeout = timeout ?? self.timeout
            outgoing.removeAll(keepingCapacity: true)
            message(&outgoing)
            outgoing.append(UInt8(ascii: "\n"))
            // Replies are matched to messages: a line waiting before this message is sent
            // answers nothing (a second reply to the last message) and would be read as this
            // message's reply, shifting every later one.
            if let extra = child.unreadLine() {
                let shown = extra.count > 200 ? String(extra.prefix(200)) + "…" : extra
                throw failure("wrote a line nobody asked for before \(what()): '\(shown)'; a suggester answers each message with exactly one line on stdout (print logs to stderr)")
            }
            let line: String
            do {
                try child.writeBytes(outgoing, timeout: timeout)
                line = try child.readLine(timeout: timeout)
            } catch {
                throw failure(describe(error, during: what()))
            }
            let reply: ExternalProtocol.Reply
            do { reply = try ExternalProtocol.reply(line) } catch {
                throw failure("answered \(what()) with garbage: \(error)")
            }
            if case .error(let message) = reply {
                throw failure("reported an error at \(what()): \(message)")
            }
            return reply
        }

        private func describe(_ error: ChildProcessError, during what: String) -> String {
            switch error {
            case .timedOut(let seconds, _):
                return "did not answer \(what) within \(ChildProcessError.format(seconds)) s (timeout)"
            case .closed(let status):
                return "ended before answering \(what)" + (status.map { " (\($0))" } ?? " (closed its output)")
            case .writeFailed(_, let status):
                return "stopped reading before \(what)" + (status.map { " (\($0))" } ?? "")
            default:
                return "\(error) at \(what)"
            }
        }

        /// A failure naming the program, with its last stderr lines; marks the connection
        /// unhealthy and terminates the child first, so the tail is complete.
        func failure(_ what: String, includeStderr: Bool = true) -> SuggesterError {
            healthy = false
            child.terminate(exitWait: 0, grace: 2)
            var message = "external suggester '\(commandText)' \(what)"
            if served > 0 {
                message += " (its process had served \(served) earlier search\(served == 1 ? "" : "es"); it was ended, the next search starts a fresh one)"
            }
            if includeStderr {
                let tail = child.stderrTail()
                if tail.isEmpty {
                    message += "; it wrote nothing to stderr"
                } else {
                    message += "; its last stderr lines:\n" + tail.map { "  | \($0)" }.joined(separator: "\n")
                }
            }
            return .failed(message)
        }
    }
}

extension Algorithm {
    /// An external suggester program (``ExternalSuggester``).
    ///
    /// The name is `external`; the options record holds the command and the program's options
    /// (both enter fingerprints), not the timeout, the directory or the environment.
    ///
    /// - Throws: ``SuggesterError/invalidOption(name:message:)`` for an empty command or a
    ///   timeout that is not > 0.
    public static func external(command: [String], options: OrderedRecord<Value> = [:], timeout: Double = 60,
                                workingDirectory: String = "", environment: [String: String] = [:]) throws(SuggesterError) -> Algorithm {
        let configuration = ExternalSuggester.Options(command: command, options: options, timeout: timeout,
                                                      workingDirectory: workingDirectory, environment: environment)
        try configuration.validate()
        let record: OrderedRecord<Value> = ["command": .list(command.map { .string($0) }), "options": .record(options)]
        return Algorithm(name: ExternalSuggester.name, capabilities: ExternalSuggester.capabilities, options: record) { (space, budget, rng) throws(SuggesterError) in
            try ExternalSuggester(space: space, options: configuration, budget: budget, using: rng)
        }
    }
}
