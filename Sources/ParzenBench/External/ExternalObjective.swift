import Foundation
import GSLKit
import Parzen

/// A problem evaluated by an external program (docs/external-objectives.md).
///
/// Two protocols:
/// - ``Kind/worker``: one long-lived process per cell reads one JSON request per line on stdin
///   and answers one JSON line on stdout; start-up is paid once per cell (once per runner
///   thread for a worker that declares `"reuse"`, ``ObjectiveWorkerSession``); a crashed, hung
///   or confused worker is replaced by a fresh one for the next trial.
/// - ``Kind/template``: Hyperas-style; the command's arguments and an optional template file
///   carry `{{…}}` markers, the space is read from them, and each trial runs the filled-in
///   command once in its own folder and reads the loss from the last line of its stdout.
///
/// Values are in the user's sign (``direction``); the cell negates them when maximising.
public struct ExternalObjective: ProblemObjective {
    public enum Kind: String, Sendable, CaseIterable {
        case worker, template
    }

    /// A template file: its path as written, its text (read when the manifest is read) and the
    /// name the filled copy gets in each trial's folder.
    public struct TemplateFile: Sendable, Equatable {
        public var path: String
        public var text: String
        public var fileName: String { (path as NSString).lastPathComponent }
    }

    public let kind: Kind
    /// The argv as written (template markers and `{file}`, `{dir}`, `{trial}`, `{seed}` included).
    public let command: [String]
    public let space: SearchSpace
    public let direction: Direction
    public let knownOptimum: Double?
    /// Seconds allowed per evaluation (a worker's first evaluation includes its start-up).
    public let timeout: Double
    /// The markers of the command and the template file (template protocol only).
    public let templates: TemplateSet?
    public let templateFile: TemplateFile?
    /// Seconds between SIGTERM and SIGKILL when a program is stopped.
    public var grace: Double = 2
    /// How many of the last stderr lines a failure message quotes.
    public var stderrLines: Int = 8

    /// The placeholders replaced in command arguments (besides markers).
    public static let placeholders = ["{file}", "{dir}", "{trial}", "{seed}"]

    /// A worker objective: `space` is given, `command` starts the worker.
    public init(worker command: [String], space: SearchSpace, direction: Direction = .minimize, knownOptimum: Double? = nil, timeout: Double = 300) {
        kind = .worker
        self.command = command
        self.space = space
        self.direction = direction
        self.knownOptimum = knownOptimum
        self.timeout = timeout
        templates = nil
        templateFile = nil
    }

    /// A template objective: the space comes from the markers of `command` (and `templateFile`).
    ///
    /// - Throws: ``TemplateError`` positioned in the argument (`command[2]`) or the file.
    public init(template command: [String], templateFile: TemplateFile? = nil, direction: Direction = .minimize,
                knownOptimum: Double? = nil, timeout: Double = 300) throws(TemplateError) {
        var texts = command.enumerated().map { (text: $0.element, source: "command[\($0.offset)]") }
        if let templateFile { texts.append((templateFile.text, templateFile.path)) }
        let set = try TemplateSet(parsing: texts)
        try self.init(template: command, templates: set, templateFile: templateFile, direction: direction, knownOptimum: knownOptimum, timeout: timeout)
    }

    /// A template objective from templates already parsed (the manifest reader positions errors itself).
    init(template command: [String], templates: TemplateSet, templateFile: TemplateFile?, direction: Direction,
         knownOptimum: Double?, timeout: Double) throws(TemplateError) {
        kind = .template
        self.command = command
        self.templates = templates
        self.templateFile = templateFile
        space = templates.space
        self.direction = direction
        self.knownOptimum = knownOptimum
        self.timeout = timeout
    }

    public var canonicalText: String {
        var text = "external;protocol=\(kind.rawValue);command=\(ObjectiveJSON.encode(.list(command.map(Value.string))));space=\(space);direction=\(direction.rawValue);timeout=\(timeout)"
        if let knownOptimum { text += ";optimum=\(knownOptimum)" }
        if let templateFile { text += ";template=\(templateFile.path)#\(SeedDerivation.fingerprint(templateFile.text))" }
        return text
    }

    public var lockFields: [(String, Value)] {
        var fields: [(String, Value)] = [("protocol", .string(kind.rawValue)), ("command", .list(command.map(Value.string)))]
        if let templateFile { fields.append(("template", .string(templateFile.path))) }
        fields += [("space", .string(space.description)), ("timeout", .double(timeout))]
        if let knownOptimum { fields.append(("optimum", .double(knownOptimum))) }
        return fields
    }

    public func makeSession(problemRNG: MersenneTwister) throws(ObjectiveError) -> any ObjectiveSession {
        try makeSession(problemRNG: problemRNG, context: SessionContext())
    }

    public func makeSession(problemRNG: MersenneTwister, context: SessionContext) throws(ObjectiveError) -> any ObjectiveSession {
        let folder = try ObjectiveWorkFolder(context.workDirectory)
        switch kind {
        case .worker:
            var session = ObjectiveWorkerSession(objective: self, rng: problemRNG, folder: folder, isCancelled: context.isCancelled, programs: context.programs)
            do { try session.start() } catch {
                folder.close()
                throw ObjectiveError("cannot start the worker \(ObjectiveJSON.encode(.list(command.map(Value.string)))): \(error)")
            }
            return session
        case .template:
            return ObjectiveTemplateSession(objective: self, rng: problemRNG, folder: folder, isCancelled: context.isCancelled)
        }
    }

    /// The argument list with markers filled from `point` and the placeholders replaced.
    func arguments(point: Value, file: String?, directory: String, trial: Int, seed: UInt32) -> [String] {
        let filled: [String]
        if let templates {
            filled = templates.templates.prefix(command.count).map { $0.filled(with: point) }
        } else {
            filled = command
        }
        return filled.map { argument in
            guard argument.contains("{") else { return argument }
            var out = argument
            if let file { out = out.replacingOccurrences(of: "{file}", with: file) }
            out = out.replacingOccurrences(of: "{dir}", with: directory)
            out = out.replacingOccurrences(of: "{trial}", with: String(trial))
            return out.replacingOccurrences(of: "{seed}", with: String(seed))
        }
    }

    /// A failure message: what happened, then the last stderr lines.
    func failure(_ message: String, stderr: [String]) -> ObjectiveOutcome {
        let tail = stderr.suffix(stderrLines).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let text = tail.isEmpty ? message : message + "; stderr: " + tail.joined(separator: " | ")
        return ObjectiveOutcome(status: .fail, value: nil, trueValue: nil, message: text)
    }
}

/// The cell's work folder (created empty), or a temporary one removed at the end.
struct ObjectiveWorkFolder {
    let url: URL
    let isTemporary: Bool

    init(_ directory: URL?) throws(ObjectiveError) {
        let manager = FileManager.default
        if let directory {
            url = directory
            isTemporary = false
            try? manager.removeItem(at: directory)
        } else {
            url = manager.temporaryDirectory.appendingPathComponent("parzen-work-\(getpid())-\(UUID().uuidString)")
            isTemporary = true
        }
        do { try manager.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw ObjectiveError("cannot create the work folder \(url.path): \(error.localizedDescription)")
        }
    }

    /// `tNNNN` under the folder.
    func trialURL(_ trial: Int) -> URL {
        let digits = String(trial)
        return url.appendingPathComponent("t" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits)
    }

    /// Appends `{"trial": id, "extras": {...}}` to extras.jsonl.
    func recordExtras(_ extras: Value, trial: Int) {
        let line = ObjectiveJSON.encode(.record(["trial": .int(trial), "extras": extras])) + "\n"
        let file = url.appendingPathComponent("extras.jsonl")
        if let handle = try? FileHandle(forWritingTo: file) {
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            try? handle.close()
        } else {
            try? Data(line.utf8).write(to: file)
        }
    }

    func close() {
        if isTemporary { try? FileManager.default.removeItem(at: url) }
    }
}

/// What a program said about one evaluation.
enum ObjectiveReply: Equatable {
    case ok(Double, extras: Value?)
    case fail(String, extras: Value?)
    /// A well-formed reply that is no result (NaN, no loss, an unknown status).
    case rejected(String)
    /// Not a number nor JSON: the program may be out of step.
    case unreadable(String)

    /// Reads a reply: a number, or a JSON object with `loss` (or `value`), optional `status`
    /// (`ok` or `fail`), `message` and `extras`.
    static func read(_ line: String) -> ObjectiveReply {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .unreadable("empty output, expected a number or a JSON object such as {\"loss\": 0.5}") }
        if let number = Double(text) ?? (text.lowercased() == "nan" ? .nan : nil) {
            return number.isFinite ? .ok(number, extras: nil) : .rejected("the program returned \(text)")
        }
        guard let value = ObjectiveJSON.decode(text) else {
            return .unreadable("unreadable output \(quote(text)); expected a number or a JSON object such as {\"loss\": 0.5, \"status\": \"ok\"}")
        }
        if let number = value.double {
            return number.isFinite ? .ok(number, extras: nil) : .rejected("the program returned \(ObjectiveJSON.number(number))")
        }
        guard case .record(let record) = value else {
            return .rejected("unreadable output \(quote(text)); expected a number or a JSON object with a loss")
        }
        let extras = record["extras"]
        let status = record["status"]?.string ?? "ok"
        let message = record["message"]?.string ?? record["error"]?.string
        switch status {
        case "ok":
            guard let loss = (record["loss"] ?? record["value"]) else {
                return .rejected("the reply has no \"loss\": \(quote(text))")
            }
            guard let number = loss.double else {
                if case .string(let s) = loss {
                    return .rejected("\"loss\" is the string \(quote(s)), not a number: write it as a JSON number, e.g. {\"loss\": \(Double(s).map { $0.isFinite ? s : "0.5" } ?? "0.5")} (in Python: float(loss))")
                }
                return .rejected("\"loss\" is not a number: \(quote(text))")
            }
            return number.isFinite ? .ok(number, extras: extras) : .rejected("the program returned \(ObjectiveJSON.number(number))")
        case "fail":
            return .fail("the program reported a failure" + (message.map { ": \($0)" } ?? ""), extras: extras)
        default:
            return .rejected("unknown status \(quote(status)); accepted: ok, fail")
        }
    }

    static func quote(_ text: String) -> String {
        text.count > 200 ? ObjectiveJSON.string(String(text.prefix(200)) + "…") : ObjectiveJSON.string(text)
    }
}

/// Polls a child for a line in short slices, so an interrupted run stops it at once.
enum ObjectiveChildWait {
    static let slice = 0.1

    enum Result {
        case line(String)
        case closed(ChildExitStatus?)
        case timedOut
        case cancelled
        case failed(String)
    }

    /// - Parameter endAtExit: a one-shot program (a template trial) is done once it has exited,
    ///   even when a process it started in the background keeps its stdout open: 0.2 s after
    ///   the exit without a new line, the wait ends as if the output had closed.
    static func readLine(_ child: ChildProcess, timeout: Double, isCancelled: () -> Bool, endAtExit: Bool = false) -> Result {
        let deadline = ChildProcess.now() + timeout
        var exitedAt: Double? = nil
        while true {
            if isCancelled() { return .cancelled }
            if endAtExit {
                if let exitedAt {
                    if ChildProcess.now() - exitedAt > 0.2 { return .closed(child.exitStatus()) }
                } else if child.exitStatus() != nil {
                    exitedAt = ChildProcess.now()
                }
            }
            let remaining = deadline - ChildProcess.now()
            if remaining <= 0 { return .timedOut }
            do { return .line(try child.readLine(timeout: min(slice, remaining))) } catch {
                switch error {
                case .timedOut: continue
                case .closed(let status): return .closed(status)
                default: return .failed("\(error)")
                }
            }
        }
    }

    /// Whether a program that ended with `status` was stopped together with this run. SIGINT,
    /// SIGTERM and SIGHUP reach every process of a terminal's process group or of a Slurm job
    /// step at once, and the run's own handler may set the cancellation a moment after the
    /// program's end is seen; waiting up to `seconds` for it lets the trial be abandoned with its
    /// cell instead of recorded as failed. Any other end, or no cancellation within the wait, is
    /// the program's own.
    static func stoppedWithRun(_ status: ChildExitStatus?, isCancelled: () -> Bool, seconds: Double = 1) -> Bool {
        guard case .signaled(let signal)? = status, [SIGINT, SIGTERM, SIGHUP].contains(signal) else { return false }
        let deadline = ChildProcess.now() + seconds
        while !isCancelled() {
            if ChildProcess.now() >= deadline { return false }
            usleep(10_000)
        }
        return true
    }
}

/// Runs the filled-in command once per trial in the trial's own folder.
struct ObjectiveTemplateSession: ObjectiveSession {
    let objective: ExternalObjective
    let rng: MersenneTwister
    let folder: ObjectiveWorkFolder
    let isCancelled: () -> Bool
    var trial = 0

    init(objective: ExternalObjective, rng: MersenneTwister, folder: ObjectiveWorkFolder, isCancelled: @escaping () -> Bool) {
        self.objective = objective
        self.rng = rng
        self.folder = folder
        self.isCancelled = isCancelled
    }

    mutating func evaluate(_ assignment: Assignment, point: Value) -> ObjectiveOutcome {
        let id = trial
        trial += 1
        let seed = rng.next()
        let directory = folder.trialURL(id)
        let manager = FileManager.default
        do { try manager.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            return objective.failure("cannot create \(directory.path): \(error.localizedDescription)", stderr: [])
        }
        var filePath: String? = nil
        if let file = objective.templateFile, let templates = objective.templates, let template = templates.templates.last {
            let url = directory.appendingPathComponent(file.fileName)
            do { try Data(template.filled(with: point).utf8).write(to: url) } catch {
                return objective.failure("cannot write \(url.path): \(error.localizedDescription)", stderr: [])
            }
            filePath = url.path
        }
        let arguments = objective.arguments(point: point, file: filePath, directory: directory.path, trial: id, seed: seed)
        try? Data((arguments.map(Self.shellQuoted).joined(separator: " ") + "\n").utf8).write(to: directory.appendingPathComponent("command.txt"))

        let child: ChildProcess
        do {
            child = try ChildProcess(
                arguments: arguments, workingDirectory: nil,
                environment: ["PARZEN_TRIAL": String(id), "PARZEN_SEED": String(seed), "PARZEN_TRIAL_DIR": directory.path, "PYTHONUNBUFFERED": "1"],
                stderrLines: max(objective.stderrLines, 20))
        } catch {
            return objective.failure("\(error)", stderr: [])
        }
        child.closeInput()
        var lines: [String] = []
        var outcome: ObjectiveOutcome? = nil
        reading: while true {
            switch ObjectiveChildWait.readLine(child, timeout: objective.timeout, isCancelled: isCancelled, endAtExit: true) {
            case .line(let line): lines.append(line)
            case .closed: break reading
            case .timedOut:
                child.terminate(exitWait: 0, grace: objective.grace)
                outcome = objective.failure("timed out after \(ChildProcessError.format(objective.timeout)) s; the program was stopped", stderr: child.stderrTail())
                break reading
            case .cancelled:
                child.terminate(exitWait: 0, grace: objective.grace)
                outcome = objective.failure("interrupted", stderr: child.stderrTail())
                break reading
            case .failed(let message):
                child.terminate(exitWait: 0, grace: objective.grace)
                outcome = objective.failure(message, stderr: child.stderrTail())
                break reading
            }
        }
        if outcome == nil {
            // Output closed: the program is ending; give it the rest of the timeout to exit.
            let exited = child.waitForExit(seconds: max(1, objective.timeout))
            let status = exited ?? child.terminate(exitWait: 0, grace: objective.grace)
            child.terminate(exitWait: 0, grace: objective.grace)
            let tail = child.stderrTail()
            // Only an end the program came to by itself can be the run's signal, not our SIGTERM.
            if ObjectiveChildWait.stoppedWithRun(exited, isCancelled: isCancelled) {
                outcome = objective.failure("interrupted", stderr: tail)
            } else if status != .exited(0) {
                if case .signaled = status { outcome = objective.failure("the program was \(status)", stderr: tail) } else { outcome = objective.failure("the program \(status)", stderr: tail) }
            } else if let last = lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                switch ObjectiveReply.read(last) {
                case .ok(let value, let extras):
                    if let extras { folder.recordExtras(extras, trial: id) }
                    outcome = ObjectiveOutcome(status: .ok, value: value, trueValue: nil)
                case .fail(let message, let extras):
                    if let extras { folder.recordExtras(extras, trial: id) }
                    outcome = objective.failure(message, stderr: tail)
                case .rejected(let message), .unreadable(let message):
                    outcome = objective.failure(message, stderr: tail)
                }
            } else {
                outcome = objective.failure("the program printed nothing; its last line of output must be the loss", stderr: tail)
            }
        }
        let stdout = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
        try? Data(stdout.utf8).write(to: directory.appendingPathComponent("stdout.txt"))
        let tail = child.stderrTail()
        if !tail.isEmpty { try? Data((tail.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("stderr-tail.txt")) }
        return outcome!
    }

    mutating func close() { folder.close() }

    static func shellQuoted(_ argument: String) -> String {
        let plain = argument.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_./=:,+@%".unicodeScalars.contains($0)
        }
        return plain && !argument.isEmpty ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
