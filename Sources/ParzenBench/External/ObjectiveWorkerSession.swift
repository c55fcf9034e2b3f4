import Foundation
import GSLKit
import Parzen

/// One cell's worker process; replaced after a crash, a timeout or an unreadable reply.
///
/// The first request a process gets in a cell is a `hello` request: the trial's request with
/// `"type": "hello"` and the cell's `work_dir` in front. A worker that answers it with
/// `"capabilities": ["reuse"]` serves many cells: given a ``ProgramPool``, it is given back at
/// the end of the cell when it is in step, and a later cell of the same problem on the same
/// runner thread starts with its own `hello` request on it. Other workers end with their cell.
struct ObjectiveWorkerSession: ObjectiveSession {
    let objective: ExternalObjective
    let rng: MersenneTwister
    let folder: ObjectiveWorkFolder
    let isCancelled: () -> Bool
    let programs: ProgramPool?
    var child: ChildProcess?
    var trial = 0
    /// Workers started or taken in this session (1 + restarts).
    var starts = 0
    /// True until the current process has been sent this cell's `hello` request.
    var helloPending = true
    /// Whether the current process declared `"reuse"` in its reply to the `hello` request.
    var reusable = false
    /// Cells the current process served before this one.
    var served = 0

    init(objective: ExternalObjective, rng: MersenneTwister, folder: ObjectiveWorkFolder, isCancelled: @escaping () -> Bool, programs: ProgramPool? = nil) {
        self.objective = objective
        self.rng = rng
        self.folder = folder
        self.isCancelled = isCancelled
        self.programs = programs
    }

    var key: ProgramPool.Key {
        ProgramPool.Key(role: .objective, arguments: objective.command, identity: objective.canonicalText)
    }

    mutating func start() throws(ChildProcessError) {
        helloPending = true
        reusable = false
        starts += 1
        if let lease = programs?.take(key) {
            child = lease.child
            served = lease.served
            return
        }
        child = try ChildProcess(
            arguments: objective.command, workingDirectory: nil,
            environment: ["PARZEN_WORK_DIR": folder.url.path, "PYTHONUNBUFFERED": "1"], stderrLines: max(objective.stderrLines, 20))
        served = 0
        programs?.noteStarted()
    }

    /// Stops the worker (the next trial starts a fresh one) and returns its last stderr lines.
    mutating func stop() -> [String] {
        guard let child else { return [] }
        child.terminate(exitWait: 0, grace: objective.grace)
        self.child = nil
        return child.stderrTail()
    }

    /// The request for trial `id`; the first of a process in this cell is a `hello` request.
    func request(_ assignment: Assignment, point: Value, seed: UInt32, trial id: Int) -> String {
        var stored = OrderedRecord<Value>()
        for (label, value) in assignment { stored[label] = .double(value) }
        var request = OrderedRecord<Value>()
        if helloPending {
            request["type"] = "hello"
            request["work_dir"] = .string(folder.url.path)
        }
        request["assignment"] = .record(stored)
        request["point"] = point
        request["seed"] = .int(Int(seed))
        request["trial"] = .int(id)
        return ObjectiveJSON.encode(.record(request))
    }

    /// A note for failure messages on a process that served earlier cells.
    var reusedNote: String {
        served > 0 ? " (the worker had served \(served) earlier cell\(served == 1 ? "" : "s"))" : ""
    }

    mutating func evaluate(_ assignment: Assignment, point: Value) -> ObjectiveOutcome {
        let id = trial
        trial += 1
        let seed = rng.next()
        if child == nil {
            do { try start() } catch { return objective.failure("cannot restart the worker: \(error)", stderr: []) }
        }
        guard let child else { return objective.failure("no worker", stderr: []) }
        let note = reusedNote
        // Replies are matched to requests: a line waiting before the request is sent answers
        // nothing (a second reply to the last request) and would shift every later loss.
        if let extra = child.unreadLine() {
            let tail = stop()
            return objective.failure(Self.extraLineMessage(extra, after: helloPending ? nil : id - 1) + note, stderr: tail)
        }
        do { try child.writeLine(request(assignment, point: point, seed: seed, trial: id), timeout: objective.timeout) } catch {
            let status = child.waitForExit(seconds: 0.5)
            let tail = stop()
            return objective.failure("the worker stopped reading" + (status.map { " (\($0))" } ?? "") + note + ": \(error)", stderr: tail)
        }
        switch ObjectiveChildWait.readLine(child, timeout: objective.timeout, isCancelled: isCancelled) {
        case .line(let line):
            if helloPending {
                helloPending = false
                reusable = ObjectiveReply.declaresReuse(line)
            }
            if let echoed = Self.echoedTrial(line), echoed != id {
                let tail = stop()
                return objective.failure("the worker answered trial \(echoed) to the request for trial \(id): its replies are out of step; the worker was stopped and restarted for the next trial" + note, stderr: tail)
            }
            if let extra = child.unreadLine() {
                let tail = stop()
                return objective.failure(Self.extraLineMessage(extra, after: id) + note, stderr: tail)
            }
            switch ObjectiveReply.read(line) {
            case .ok(let value, let extras):
                if let extras { folder.recordExtras(extras, trial: id) }
                return ObjectiveOutcome(status: .ok, value: value, trueValue: nil)
            case .fail(let message, let extras):
                if let extras { folder.recordExtras(extras, trial: id) }
                return objective.failure(message, stderr: child.stderrTail())
            case .rejected(let message):
                return objective.failure(message, stderr: child.stderrTail())
            case .unreadable(let message):
                // The worker may be out of step (a stray print); start afresh.
                let tail = stop()
                return objective.failure(message + note + " (worker restarted)", stderr: tail)
            }
        case .closed(let status):
            let ended = status ?? child.waitForExit(seconds: 0.5)
            let tail = stop()
            if ObjectiveChildWait.stoppedWithRun(ended, isCancelled: isCancelled) { return objective.failure("interrupted", stderr: tail) }
            return objective.failure("the worker crashed (\(status.map { "\($0)" } ?? "closed its output"))\(note); restarted for the next trial", stderr: tail)
        case .timedOut:
            let tail = stop()
            return objective.failure("timed out after \(ChildProcessError.format(objective.timeout)) s\(note); the worker was stopped and restarted for the next trial", stderr: tail)
        case .cancelled:
            let tail = stop()
            return objective.failure("interrupted", stderr: tail)
        case .failed(let message):
            let tail = stop()
            return objective.failure("\(message)\(note) (worker restarted)", stderr: tail)
        }
    }

    /// The failure message for a line the worker wrote beyond the one reply per request.
    static func extraLineMessage(_ line: String, after trial: Int?) -> String {
        let shown = line.count > 200 ? String(line.prefix(200)) + "…" : line
        let when = trial.map { "after its reply to trial \($0)" } ?? "before its first request"
        return "the worker wrote a line nobody asked for (\(when)): '\(shown)'; a worker answers each request with exactly one line on stdout (print logs to stderr); the worker was stopped and restarted for the next trial"
    }

    /// The `"trial"` a reply echoes, when it has one (replies need not echo it).
    static func echoedTrial(_ line: String) -> Int? {
        guard line.contains("\"trial\""), case .record(let record)? = ObjectiveJSON.decode(line.trimmingCharacters(in: .whitespaces)),
              let trial = record["trial"] else { return nil }
        return trial.int
    }

    mutating func close() {
        if let child {
            if reusable, !helloPending, let programs {
                // Every request answered: the next cell can begin with its hello request.
                programs.keep(child, key: key, served: served + 1, farewell: nil, grace: objective.grace)
            } else {
                // A worker ends at end of input; give it a moment, then SIGTERM, then SIGKILL.
                child.terminate(exitWait: 1, grace: objective.grace)
            }
            self.child = nil
        }
        folder.close()
    }
}

extension ObjectiveReply {
    /// Whether a reply declares `"capabilities": [..., "reuse", ...]` (read from the reply to a
    /// `hello` request only).
    static func declaresReuse(_ line: String) -> Bool {
        guard case .record(let record)? = ObjectiveJSON.decode(line.trimmingCharacters(in: .whitespaces)),
              case .list(let capabilities)? = record["capabilities"] else { return false }
        return capabilities.contains { $0.string == ExternalProtocol.reuseCapability }
    }
}
