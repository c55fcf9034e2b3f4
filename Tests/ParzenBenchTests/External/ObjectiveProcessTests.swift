import Foundation
import GSLKit
import Parzen
import Testing
@testable import ParzenBench
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Helpers: a scratch folder with shell scripts, pid files, the repository root.
struct ObjectiveScratch {
    let folder: URL

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-objective-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func script(_ name: String, _ text: String) -> String {
        let url = folder.appendingPathComponent(name)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    var pidFile: String { folder.appendingPathComponent("pids").path }

    /// Every pid the children wrote.
    func pids() -> [pid_t] {
        ((try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
    }

    /// Whether the process still runs; a zombie (killed, waiting for its parent or init to
    /// reap it) counts as gone. Waits up to two seconds for a dying process to settle.
    static func isAlive(_ pid: pid_t) -> Bool {
        for _ in 0..<40 {
            guard kill(pid, 0) == 0 else { return false }
            #if os(Linux)
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return false }
            #endif
            usleep(50_000)
        }
        return true
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The worker protocol and the template path against real child processes, with every failure
/// kind recorded as a failed trial while the others stay intact and no process is left behind.
@Suite(.serialized) struct ObjectiveProcessTests {
    func session(_ objective: ExternalObjective, work: URL? = nil, isCancelled: @escaping () -> Bool = { false }) throws -> any ObjectiveSession {
        try objective.makeSession(problemRNG: MersenneTwister(seed: 11), context: SessionContext(workDirectory: work, isCancelled: isCancelled))
    }

    @Test func shellWorkerRoundTrip() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let script = ObjectiveScratch.repositoryRoot.appendingPathComponent("examples/shell/worker.sh").path
        let space = try SearchSpace(parsing: "{x: uniform(-5, 5), y: uniform(-5, 5)}")
        let objective = ExternalObjective(worker: ["sh", script], space: space, timeout: 20)
        let work = scratch.folder.appendingPathComponent("work")
        var s = try session(objective, work: work)
        for (i, (x, y)) in [(1.0, -2.0), (0.5, -1.0), (3.0, 0.0)].enumerated() {
            let assignment: Assignment = ["x": x, "y": y]
            let outcome = s.evaluate(assignment, point: try space.evaluate(assignment))
            #expect(outcome.status == .ok, "trial \(i): \(outcome.message ?? "")")
            #expect(outcome.value == (x - 1) * (x - 1) + (y + 2) * (y + 2))
        }
        s.close()
        let extras = try String(contentsOf: work.appendingPathComponent("extras.jsonl"), encoding: .utf8)
        #expect(extras.hasPrefix("{\"trial\": 0, \"extras\": {\"dx\": 0}}\n"))
    }

    @Test func workerRequestsCarryAssignmentPointSeedAndTrial() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let log = scratch.folder.appendingPathComponent("requests").path
        let script = scratch.script("echo.sh", """
            echo $$ >> \(scratch.pidFile)
            while IFS= read -r line; do printf '%s\\n' "$line" >> \(log); echo '{"loss": 1, "extras": {"n": [1, 2]}}'; done
            """)
        let space = try SearchSpace(parsing: "{c: choice({kind: a}, {kind: b, r: uniform(0, 1)})}")
        var s = try session(ExternalObjective(worker: ["sh", script], space: space, direction: .maximize, timeout: 20))
        let assignment: Assignment = ["c": 1, "r": 0.5]
        #expect(s.evaluate(assignment, point: try space.evaluate(assignment)).value == 1)
        _ = s.evaluate(["c": 0], point: try space.evaluate(["c": 0]))
        s.close()
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        let rng = MersenneTwister(seed: 11)
        let seeds = [rng.next(), rng.next()]
        // The first request of a process in a cell is a hello request: the cell's work folder
        // in front of the trial's request.
        #expect(lines[0].hasPrefix("{\"type\": \"hello\", \"work_dir\": \""), "\(lines[0])")
        #expect(lines[0].hasSuffix("\", \"assignment\": {\"c\": 1.0, \"r\": 0.5}, \"point\": {\"c\": {\"kind\": \"b\", \"r\": 0.5}}, \"seed\": \(seeds[0]), \"trial\": 0}"), "\(lines[0])")
        #expect(lines[1] == "{\"assignment\": {\"c\": 0.0}, \"point\": {\"c\": {\"kind\": \"a\"}}, \"seed\": \(seeds[1]), \"trial\": 1}")
        // One worker for the whole session.
        #expect(scratch.pids().count == 1)
        #expect(!scratch.pids().contains(where: ObjectiveScratch.isAlive))
    }

    /// trial 1 crashes, 2 hangs (timeout), 3 prints garbage, 4 NaN, 5 reports a failure; the
    /// others answer their trial number. Every worker's pid (and its sleep's) is recorded.
    static func failingWorker(_ scratch: ObjectiveScratch, ignoreTERM: Bool = false) -> String {
        scratch.script("failing.sh", """
            \(ignoreTERM ? "trap '' TERM" : "")
            echo $$ >> \(scratch.pidFile)
            echo "worker $$ started" >&2
            while IFS= read -r line; do
              trial=$(printf '%s\\n' "$line" | sed -n 's/.*"trial": *\\([0-9]*\\).*/\\1/p')
              case "$trial" in
                1) echo "boom at trial 1" >&2; exit 3 ;;
                2) sleep 30 & echo $! >> \(scratch.pidFile); wait ;;
                3) echo "this is not json" ;;
                4) echo '{"loss": NaN, "status": "ok"}' ;;
                5) echo '{"status": "fail", "message": "diverged"}' ;;
                *) echo "{\\"loss\\": $trial}" ;;
              esac
            done
            """)
    }

    @Test func workerFailuresAreTrialsAndTheSearchGoesOn() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let space = try SearchSpace(parsing: "{x: uniform(0, 1)}")
        var objective = ExternalObjective(worker: ["sh", Self.failingWorker(scratch)], space: space, timeout: 1.5)
        objective.grace = 0.5
        var s = try session(objective)
        var outcomes: [ObjectiveOutcome] = []
        for _ in 0..<7 { outcomes.append(s.evaluate(["x": 0.5], point: ["x": 0.5])) }
        s.close()
        #expect(outcomes.map(\.status) == [.ok, .fail, .fail, .fail, .fail, .fail, .ok])
        #expect(outcomes[0].value == 0 && outcomes[6].value == 6)
        #expect(outcomes[1].message?.contains("crashed (exited with status 3)") == true)
        #expect(outcomes[1].message?.contains("boom at trial 1") == true)
        #expect(outcomes[2].message?.contains("timed out after 1.5 s") == true)
        #expect(outcomes[3].message?.contains("unreadable output \"this is not json\"") == true)
        #expect(outcomes[4].message?.contains("NaN") == true)
        #expect(outcomes[5].message?.contains("diverged") == true)
        // Fresh workers after the crash, the timeout and the garbage: 4 in all.
        #expect(scratch.pids().count == 5)  // 4 workers (after the crash, the timeout, the garbage) + the hung sleep
        #expect(!scratch.pids().contains(where: ObjectiveScratch.isAlive), "left behind: \(scratch.pids().filter(ObjectiveScratch.isAlive))")
    }

    @Test func aWorkerIgnoringSIGTERMIsKilledAfterTheGracePeriod() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        var objective = ExternalObjective(worker: ["sh", Self.failingWorker(scratch, ignoreTERM: true)], space: try SearchSpace(parsing: "{x: uniform(0, 1)}"), timeout: 1)
        objective.grace = 0.7
        var s = try session(objective)
        _ = s.evaluate(["x": 0.5], point: ["x": 0.5])
        _ = s.evaluate(["x": 0.5], point: ["x": 0.5])  // crashes
        let clock = ContinuousClock()
        let started = clock.now
        let hung = s.evaluate(["x": 0.5], point: ["x": 0.5])  // hangs, ignores SIGTERM
        let elapsed = (clock.now - started).seconds
        #expect(hung.status == .fail && hung.message?.contains("timed out") == true)
        #expect(elapsed >= 1.0 + 0.7 - 0.05 && elapsed < 6, "elapsed \(elapsed)")
        #expect(s.evaluate(["x": 0.5], point: ["x": 0.5]).status == .fail)  // garbage
        #expect(s.evaluate(["x": 0.5], point: ["x": 0.5]).status == .fail)  // NaN
        s.close()  // the last worker ignores SIGTERM too: closed by end of input
        #expect(!scratch.pids().contains(where: ObjectiveScratch.isAlive), "left behind: \(scratch.pids().filter(ObjectiveScratch.isAlive))")
    }

    @Test func aMissingProgramCannotStart() throws {
        let objective = ExternalObjective(worker: ["/nonexistent/parzen-worker"], space: try SearchSpace(parsing: "{x: uniform(0, 1)}"))
        #expect(throws: ObjectiveError.self) { _ = try session(objective) }
    }

    @Test func interruptionStopsARunningProgram() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        var objective = ExternalObjective(worker: ["sh", Self.failingWorker(scratch)], space: try SearchSpace(parsing: "{x: uniform(0, 1)}"), timeout: 60)
        objective.grace = 0.5
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(800)
        var s = try session(objective, isCancelled: { clock.now > deadline })
        _ = s.evaluate(["x": 0.5], point: ["x": 0.5])
        _ = s.evaluate(["x": 0.5], point: ["x": 0.5])
        let outcome = s.evaluate(["x": 0.5], point: ["x": 0.5])  // would hang for 30 s
        s.close()
        #expect(outcome.message?.contains("interrupted") == true)
        #expect(clock.now - deadline < .seconds(5))
        #expect(!scratch.pids().contains(where: ObjectiveScratch.isAlive))
    }

    // MARK: Templates

    @Test func templateTrialsRunInTheirFolderWithFilledFilesAndArguments() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let script = scratch.script("run.sh", """
            echo "running $PARZEN_TRIAL" >&2
            . "$1"
            echo "progress line"
            echo "{\\"loss\\": $(awk -v a="$a" -v b="$2" 'BEGIN { print a * 10 + b }'), \\"status\\": \\"ok\\", \\"extras\\": {\\"seed\\": $PARZEN_SEED}}"
            """)
        let file = ExternalObjective.TemplateFile(path: scratch.script("params.sh", "a={{a: quniform(0, 5, 1)}}\n"), text: "a={{a: quniform(0, 5, 1)}}\n")
        let objective = try ExternalObjective(template: ["sh", script, "{file}", "{{b: choice(1, 2)}}"], templateFile: file, timeout: 20)
        let work = scratch.folder.appendingPathComponent("work")
        var s = try session(objective, work: work)
        let point = try objective.space.evaluate(["a": 3, "b": 1])
        let outcome = s.evaluate(["a": 3, "b": 1], point: point)
        #expect(outcome.status == .ok && outcome.value == 32, "\(outcome.message ?? "")")
        let trial = work.appendingPathComponent("t0000")
        #expect(try String(contentsOf: trial.appendingPathComponent("params.sh"), encoding: .utf8) == "a=3.0\n")
        #expect(try String(contentsOf: trial.appendingPathComponent("command.txt"), encoding: .utf8) == "sh \(script) \(trial.path)/params.sh 2\n")
        #expect(try String(contentsOf: trial.appendingPathComponent("stdout.txt"), encoding: .utf8).hasPrefix("progress line\n"))
        #expect(try String(contentsOf: trial.appendingPathComponent("stderr-tail.txt"), encoding: .utf8) == "running 0\n")
        #expect(s.evaluate(["a": 0, "b": 0], point: try objective.space.evaluate(["a": 0, "b": 0])).value == 1)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("t0001/params.sh").path))
        s.close()
    }

    /// A run's cancellation as Slurm's scancel or Ctrl-C makes it: the program and the run get
    /// the signal at once, and the run's handler sets the flag a moment (here 0.5 s, long enough that the
    /// program's end is seen first on a loaded machine, within the 1 s wait) after the
    /// program wrote `marker` and stopped itself.
    final class CancelledAfterMarker {
        let marker: String
        var seenAt: Double? = nil
        init(marker: String) { self.marker = marker }
        func isCancelled() -> Bool {
            if let seenAt { return ChildProcess.now() - seenAt > 0.5 }
            if FileManager.default.fileExists(atPath: marker) { seenAt = ChildProcess.now() }
            return false
        }
    }

    /// A program ended by SIGTERM while the run is cancelled is interrupted with it, not a failed
    /// trial, though the run's cancellation comes after the program's end is seen; ended by
    /// SIGTERM with no cancellation, or by another signal, it fails its trial.
    @Test func aProgramStoppedWithTheRunIsInterruptedNotFailed() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let marker = scratch.folder.appendingPathComponent("started").path
        let script = scratch.script("stop.sh", "touch \(marker)\nkill -$1 $$\n")
        let objective = try ExternalObjective(template: ["sh", script, "{{signal: choice(TERM, SEGV)}}"], timeout: 20)
        func outcome(_ signal: Int, isCancelled: @escaping () -> Bool) throws -> ObjectiveOutcome {
            try? FileManager.default.removeItem(atPath: marker)
            var s = try session(objective, isCancelled: isCancelled)
            defer { s.close() }
            let assignment: Assignment = ["signal": Double(signal)]
            return s.evaluate(assignment, point: try objective.space.evaluate(assignment))
        }
        let cancelledTerm = try outcome(0, isCancelled: CancelledAfterMarker(marker: marker).isCancelled)
        #expect(cancelledTerm.status == .fail && cancelledTerm.message?.hasPrefix("interrupted") == true, "\(cancelledTerm.message ?? "")")
        let term = try outcome(0, isCancelled: { false })
        #expect(term.message?.contains("was killed by signal 15 (SIGTERM)") == true, "\(term.message ?? "")")
        let cancelledSegv = try outcome(1, isCancelled: CancelledAfterMarker(marker: marker).isCancelled)
        #expect(cancelledSegv.message?.contains("was killed by signal 11 (SIGSEGV)") == true, "\(cancelledSegv.message ?? "")")
    }

    /// The same for a worker that the signal stops between requests and replies.
    @Test func aWorkerStoppedWithTheRunIsInterruptedNotCrashed() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let marker = scratch.folder.appendingPathComponent("started").path
        let script = scratch.script("stop-worker.sh", "read -r line\ntouch \(marker)\nkill -TERM $$\n")
        let space = try SearchSpace(parsing: "{x: uniform(0, 1)}")
        var s = try session(ExternalObjective(worker: ["sh", script], space: space, timeout: 20), isCancelled: CancelledAfterMarker(marker: marker).isCancelled)
        let outcome = s.evaluate(["x": 0.5], point: try space.evaluate(["x": 0.5]))
        s.close()
        #expect(outcome.status == .fail && outcome.message?.hasPrefix("interrupted") == true, "\(outcome.message ?? "")")
    }

    @Test func templateFailuresAreTrialsAndTheSearchGoesOn() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let script = scratch.script("mode.sh", """
            echo $$ >> \(scratch.pidFile)
            echo "mode $1" >&2
            case "$1" in
              ok) echo 0.25 ;;
              json) echo 'log'; echo '{"loss": 1.5, "status": "ok"}' ;;
              exit) echo 0.5; exit 4 ;;
              crash) kill -SEGV $$ ;;
              hang) sleep 30 & echo $! >> \(scratch.pidFile); wait ;;
              stubborn) trap '' TERM; sleep 30 & echo $! >> \(scratch.pidFile); wait; wait ;;
              notanumber) echo nan ;;
              garbage) echo 'loss is low' ;;
              fail) echo '{"status": "fail", "message": "out of memory"}' ;;
              silent) ;;
            esac
            """)
        var objective = try ExternalObjective(template: ["sh", script, "{{mode: choice(ok, json, exit, crash, hang, stubborn, notanumber, garbage, fail, silent)}}"], timeout: 1)
        objective.grace = 0.5
        var s = try session(objective)
        var outcomes: [ObjectiveOutcome] = []
        let clock = ContinuousClock()
        var stubbornSeconds = 0.0
        for mode in 0..<10 {
            let assignment: Assignment = ["mode": Double(mode)]
            let started = clock.now
            outcomes.append(s.evaluate(assignment, point: try objective.space.evaluate(assignment)))
            if mode == 5 { stubbornSeconds = (clock.now - started).seconds }
        }
        s.close()
        #expect(outcomes.map(\.status) == [.ok, .ok, .fail, .fail, .fail, .fail, .fail, .fail, .fail, .fail])
        #expect(outcomes[0].value == 0.25 && outcomes[1].value == 1.5)
        #expect(outcomes[2].message?.contains("exited with status 4") == true && outcomes[2].message?.contains("mode exit") == true)
        #expect(outcomes[3].message?.contains("was killed by signal 11 (SIGSEGV)") == true)
        #expect(outcomes[4].message?.contains("timed out after 1 s") == true)
        #expect(outcomes[5].message?.contains("timed out") == true && stubbornSeconds >= 1.45, "\(stubbornSeconds)")
        #expect(outcomes[6].message?.contains("the program returned nan") == true, "\(outcomes.map { $0.message ?? "-" })")
        #expect(outcomes[7].message?.contains("unreadable output \"loss is low\"") == true)
        #expect(outcomes[8].message?.contains("out of memory") == true)
        #expect(outcomes[9].message?.contains("printed nothing") == true)
        #expect(scratch.pids().count == 12)
        #expect(!scratch.pids().contains(where: ObjectiveScratch.isAlive), "left behind: \(scratch.pids().filter(ObjectiveScratch.isAlive))")
    }

    @Test func shellTemplateExample() throws {
        let script = ObjectiveScratch.repositoryRoot.appendingPathComponent("examples/shell/template-objective.sh").path
        let objective = try ExternalObjective(template: ["sh", script, "--x={{x: uniform(-5, 5)}}", "--shape={{choice(bowl, ridge)}}"], timeout: 20)
        #expect(objective.space.labels == ["x", "p2"])
        var s = try session(objective)
        #expect(s.evaluate(["x": -0.5, "p2": 0], point: try objective.space.evaluate(["x": -0.5, "p2": 0])).value == 0.25)
        #expect(s.evaluate(["x": -0.5, "p2": 1], point: try objective.space.evaluate(["x": -0.5, "p2": 1])).value == 1.5)
        s.close()
    }

    // MARK: Through the runner

    @Test func aManifestRaceWithAWorkerAndATemplate() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let root = ObjectiveScratch.repositoryRoot.path
        let manifest = try Manifest(yaml: """
            name: ext
            seed: 3
            repeats: 2
            budget: 6
            problems:
              - {label: sphere, protocol: worker, command: [sh, \(root)/examples/shell/worker.sh], space: "{x: uniform(-5, 5), y: uniform(-5, 5)}", optimum: 0, timeout: 20}
              - label: shape
                protocol: template
                direction: maximize
                command: [sh, \(root)/examples/shell/template-objective.sh, "--x={{x: uniform(-5, 5)}}", "--shape={{choice(bowl, ridge)}}"]
                timeout: 20
            suggesters: [random, tpe]
            """, source: "ext.yaml")
        let store = ResultStore(manifestName: manifest.name, base: scratch.folder)
        let report = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 2)).run(cancellation: Cancellation())
        #expect(report.ran == 8 && report.failed.isEmpty)
        for cell in manifest.cells {
            let record = try #require(store.load(cell))
            #expect(record.rows.count == 6 && record.rows.allSatisfy { $0.status == .ok })
            if cell.problem.label == "shape" {
                // Maximised: the loss is the negated value.
                let row = record.rows[0]
                let x = try #require(row.assignment["x"])
                let value = row.assignment["p2"] == 0 ? x * x : abs(x) + 1
                #expect(abs(row.loss! + value) <= 1e-12 * max(1, value))
                let trial = store.workURL(cell).appendingPathComponent("t0005")
                #expect(FileManager.default.fileExists(atPath: trial.appendingPathComponent("command.txt").path))
                #expect(trial.path.hasSuffix("results/ext/work/shape/\(cell.suggester.label)/\(cell.replicateName)/t0005"))
            }
        }
    }
}
