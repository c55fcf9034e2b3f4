import Foundation
import GSLKit
import Parzen
import Testing
@testable import ParzenBench
#if canImport(Glibc)
import Glibc
#endif

/// External programs that serve many cells ("reuse"): the same bytes whichever process served
/// which cell (--jobs 1 and 2, shards, a resumed run, one process per cell), and every fault on
/// a reused process (crash, hang, garbage, an invalid point, a program that stops answering
/// after its first search) failing its own cell only, the next cell starting a fresh process,
/// and no process left behind.
@Suite(.serialized) struct ProgramReuseTests {
    typealias Helpers = ExternalSuggesterTests

    static func run(_ manifest: Manifest, in folder: URL, jobs: Int, shard: Shard? = nil, reuse: Bool = true) throws -> Runner.Report {
        try Runner(manifest: manifest, store: ResultStore(manifestName: manifest.name, base: folder),
                   options: Runner.Options(jobs: jobs, shard: shard, reuseProcesses: reuse)).run(cancellation: Cancellation())
    }

    /// Every cell file's content without its timings (the per-trial times and the last line's
    /// `suggest_seconds=…`), in manifest order; nil for a missing cell.
    static func cellTexts(_ manifest: Manifest, in folder: URL) -> [String?] {
        let store = ResultStore(manifestName: manifest.name, base: folder)
        return manifest.cells.map { cell in
            // Written without the per-trial times, which vary: the rest must match byte for byte.
            guard var record = store.load(cell) else { return nil }
            record.trialTimes = nil
            let text = String(decoding: CellFile.bytes(for: record, cell: cell), as: UTF8.self)
            guard let cut = text.range(of: " suggest_seconds=") else { return nil }
            return String(text[..<cut.lowerBound])
        }
    }

    /// A Python worker declaring "reuse": the sum of (v - 1)^2 over the point plus noise drawn
    /// from Python's global generator seeded with the trial's seed, and a count of the cells it
    /// served (kept out of the loss); `atHello` runs at each hello request. Records its pid.
    static func reusableWorker(_ name: String, in folder: URL, atHello: String = "") throws -> String {
        let pids = folder.appendingPathComponent("pids").path
        let source = """
            import json, os, random, sys, time
            os.makedirs(\(pids.debugDescription), exist_ok=True)
            open(os.path.join(\(pids.debugDescription), str(os.getpid())), "w").close()
            cells = 0
            for line in sys.stdin:
                request = json.loads(line)
                reply = {}
                if request.get("type") == "hello":
                    cells += 1
                    assert os.path.isdir(request["work_dir"]), request["work_dir"]
                    reply["capabilities"] = ["reuse"]
            \(atHello.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n"))
                random.seed(request["seed"])
                reply["loss"] = sum((v - 1) ** 2 for v in request["point"].values()) + random.gauss(0, 0.1)
                reply["extras"] = {"cells": cells}
                print(json.dumps(reply), flush=True)
            """
        let url = folder.appendingPathComponent("\(name).py")
        try source.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test(.enabled(if: Helpers.hasPython, "needs python3")) func reusedProcessesGiveTheBytesOfFreshOnes() throws {
        let folder = Helpers.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let worker = try Self.reusableWorker("reusable_worker", in: folder)
        var suggesters = ["  - random", "  - {label: example, command: [python3, \(Helpers.example)]}"]
        let optuna = Helpers.adapters.appendingPathComponent("optuna_adapter.py").path
        let hyperopt = Helpers.adapters.appendingPathComponent("hyperopt_adapter.py").path
        if Helpers.pythonHas("optuna") {
            suggesters.append("  - {label: optuna-tpe, command: [python3, \(optuna)], options: {sampler: tpe}}")
            suggesters.append("  - {label: optuna-random, command: [python3, \(optuna)], options: {sampler: random}}")
        }
        if Helpers.pythonHas("hyperopt") {
            suggesters.append("  - {label: hyperopt-tpe, command: [python3, \(hyperopt)], options: {algo: tpe}}")
        }
        let manifest = try Manifest(yaml: """
            name: reuse
            seed: 7
            repeats: 3
            budget: 12
            problems:
              - branin
              - conditional
              - {label: py-sphere, protocol: worker, command: [python3, \(worker)], space: "{x: uniform(-5, 5), y: uniform(-5, 5)}", timeout: 60}
            suggesters:
            \(suggesters.joined(separator: "\n"))
            """, source: "reuse.yaml")
        func fresh(_ name: String) -> URL { folder.appendingPathComponent(name) }

        // One process per cell: the reference.
        let reference = try Self.run(manifest, in: fresh("fresh"), jobs: 2, reuse: false)
        #expect(reference.failed.isEmpty, "\(reference.failed)")
        let expected = Self.cellTexts(manifest, in: fresh("fresh"))
        #expect(!expected.contains(nil))

        let two = try Self.run(manifest, in: fresh("jobs2"), jobs: 2)
        #expect(two.failed.isEmpty, "\(two.failed)")
        #expect(two.programsReused > 0 && two.programsStarted <= 2 * 4, "started \(two.programsStarted), reused \(two.programsReused)")
        #expect(Self.cellTexts(manifest, in: fresh("jobs2")) == expected)

        let one = try Self.run(manifest, in: fresh("jobs1"), jobs: 1)
        #expect(one.failed.isEmpty, "\(one.failed)")
        #expect(Self.cellTexts(manifest, in: fresh("jobs1")) == expected)

        // Shards: each serves other cells on its processes.
        for index in 1...3 {
            let report = try Self.run(manifest, in: fresh("shards"), jobs: 1, shard: Shard("\(index)/3"))
            #expect(report.failed.isEmpty, "\(report.failed)")
        }
        #expect(Self.cellTexts(manifest, in: fresh("shards")) == expected)

        // A resumed run: every other cell is missing, the rest run on processes that serve
        // other cells than in the first run.
        let store = ResultStore(manifestName: manifest.name, base: fresh("jobs2"))
        for (index, cell) in manifest.cells.enumerated() where index % 2 == 0 {
            try store.removeRecords(of: cell)
        }
        let resumed = try Self.run(manifest, in: fresh("jobs2"), jobs: 2)
        #expect(resumed.failed.isEmpty && resumed.ran == (manifest.cells.count + 1) / 2 && resumed.skipped == manifest.cells.count / 2)
        #expect(Self.cellTexts(manifest, in: fresh("jobs2")) == expected)

        // With one thread, one worker served every cell of its problem; every process is gone.
        let workerCells = manifest.cells.filter { $0.problem.label == "py-sphere" }.count
        let serial = ResultStore(manifestName: manifest.name, base: fresh("jobs1"))
        let extras = try String(contentsOf: serial.workURL(manifest.cells.last!).appendingPathComponent("extras.jsonl"), encoding: .utf8)
        #expect(extras.hasPrefix("{\"trial\": 0, \"extras\": {\"cells\": \(workerCells)}}"), "\(extras)")
        let pids = Helpers.recordedPIDs(folder)
        // Fresh: one per cell; each of the five reusing runs: at most one per thread.
        #expect(pids.count <= workerCells + 2 + 1 + 3 + 2, "\(pids.count) worker processes")
        for pid in pids { #expect(!ObjectiveScratch.isAlive(pid), "process \(pid) is still running") }
    }

    /// A protocol program declaring "reuse" (``ExternalSuggesterTests/program(_:in:behaviour:prelude:atHello:capabilities:)``).
    static func reusableProgram(_ name: String, in folder: URL, atHello: String = "", atAsk: String = "", prelude: String = "") throws -> String {
        try Helpers.program(name, in: folder, behaviour: atAsk, prelude: prelude, atHello: atHello, capabilities: ["conditional", "reuse"])
    }

    @Test(.enabled(if: Helpers.hasPython, "needs python3")) func faultsOnAReusedProcessFailThatCellOnly() throws {
        let folder = Helpers.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let crash = try Self.reusableProgram("crash", in: folder, atAsk: """
            if searches == 2 and message["trial"] == 2:
                print("second search, failing on purpose", file=sys.stderr, flush=True)
                raise RuntimeError("boom in the second search")
            """)
        let hang = try Self.reusableProgram("hang", in: folder, atAsk: """
            if searches == 2 and message["trial"] == 1:
                print("thinking forever", file=sys.stderr, flush=True)
                time.sleep(3600)
            """, prelude: "signal.signal(signal.SIGTERM, signal.SIG_IGN)")
        let garbage = try Self.reusableProgram("garbage", in: folder, atAsk: """
            if searches == 2 and message["trial"] == 3:
                print("Loading model... done", flush=True)
            """)
        let outOfRange = try Self.reusableProgram("outofrange", in: folder, atAsk: """
            if searches == 2:
                values["x1"] = 11.0
            """)
        let silent = try Self.reusableProgram("silent", in: folder, atHello: """
            if searches == 2:
                print("not answering any more", file=sys.stderr, flush=True)
                time.sleep(3600)
            """)
        let manifest = try Manifest(yaml: """
            name: reused-faults
            seed: 5
            repeats: 4
            budget: 6
            problems: [branin]
            suggesters:
              - {label: crash, command: [python3, \(crash)], timeout: 5}
              - {label: hang, command: [python3, \(hang)], timeout: 1}
              - {label: garbage, command: [python3, \(garbage)], timeout: 5}
              - {label: outofrange, command: [python3, \(outOfRange)], timeout: 5}
              - {label: silent, command: [python3, \(silent)], timeout: 1}
            """, source: "faults.yaml")
        let started = Date()
        // One thread: r000 starts a process, r001 gets it (its second search: the fault), r002
        // starts a fresh one, r003 gets that one (the fault again).
        let report = try Self.run(manifest, in: folder, jobs: 1)
        #expect(Date().timeIntervalSince(started) < 90)
        let failures = Dictionary(uniqueKeysWithValues: report.failed.map { ($0.cell, $0.message) })
        let store = ResultStore(manifestName: manifest.name, base: folder)
        let reused = "(its process had served 1 earlier search; it was ended, the next search starts a fresh one)"
        for cell in manifest.cells {
            let message = failures[cell.name]
            guard cell.replicate % 2 == 1 else {
                #expect(message == nil, "\(cell.name): \(message ?? "")")
                #expect(store.load(cell)?.rows.count == 6, "\(cell.name)")
                continue
            }
            let text = try #require(message, "\(cell.name) should have failed")
            #expect(store.load(cell) == nil)
            switch cell.suggester.label {
            case "crash":
                #expect(text.contains("external suggester 'python3 \(crash)' ended before answering ask for trial 2 (exited with status 1) \(reused)"), "\(text)")
                #expect(text.contains("  | RuntimeError: boom in the second search"), "\(text)")
            case "hang":
                #expect(text.contains("did not answer ask for trial 1 within 1 s (timeout) \(reused)"), "\(text)")
                #expect(text.contains("  | thinking forever"), "\(text)")
            case "garbage":
                #expect(text.contains("answered ask for trial 3 with garbage: not a JSON object: \"Loading model... done\" \(reused)"), "\(text)")
            case "outofrange":
                #expect(text.contains("proposed an invalid point for trial 0: 'x1' = 11.0 is out of range: expected a number in [-5.0, 10.0] \(reused)"), "\(text)")
            case "silent":
                #expect(text.contains("did not answer hello within 1 s (timeout) \(reused)"), "\(text)")
                #expect(text.contains("  | not answering any more"), "\(text)")
            default:
                Issue.record("unexpected cell \(cell.name)")
            }
        }
        #expect(report.failed.count == 5 * 2)
        #expect(report.programsStarted == 5 * 2 && report.programsReused == 5 * 2)
        // Two processes per program (a fresh one after each fault), all gone, those ignoring
        // SIGTERM included.
        let pids = Helpers.recordedPIDs(folder)
        #expect(pids.count == 5 * 2)
        for pid in pids { #expect(!ObjectiveScratch.isAlive(pid), "process \(pid) is still running") }
    }

    @Test(.enabled(if: Helpers.hasPython, "needs python3")) func aProgramWithoutReuseGetsAProcessPerCell() throws {
        let folder = Helpers.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let oneShot = try Helpers.program("one-shot", in: folder, behaviour: "")
        let manifest = try Manifest(yaml: """
            name: no-reuse
            seed: 5
            repeats: 4
            budget: 3
            problems: [branin]
            suggesters:
              - {label: one-shot, command: [python3, \(oneShot)]}
            """, source: "no-reuse.yaml")
        let report = try Self.run(manifest, in: folder, jobs: 1)
        #expect(report.failed.isEmpty && report.programsStarted == 4 && report.programsReused == 0)
        let pids = Helpers.recordedPIDs(folder)
        #expect(pids.count == 4)
        for pid in pids { #expect(!ObjectiveScratch.isAlive(pid), "process \(pid) is still running") }
    }
    @Test(.enabled(if: Helpers.hasPython, "needs python3")) func aReusedWorkerThatFailsFailsOneTrialAndIsReplaced() throws {
        let folder = Helpers.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func worker(_ mode: String) throws -> String {
            try Self.reusableWorker("\(mode)_worker", in: folder, atHello: """
                if cells == 2:
                    print("second cell: \(mode)", file=sys.stderr, flush=True)
                    \(mode == "crash" ? "sys.exit(3)" : "time.sleep(3600)")
                """)
        }
        let manifest = try Manifest(yaml: """
            name: reused-workers
            seed: 5
            repeats: 3
            budget: 3
            problems:
              - {label: crash, protocol: worker, command: [python3, \(try worker("crash"))], space: "{x: uniform(0, 1)}", timeout: 1}
              - {label: silent, protocol: worker, command: [python3, \(try worker("silent"))], space: "{x: uniform(0, 1)}", timeout: 1}
            suggesters: [random]
            """, source: "workers.yaml")
        // One thread: r000 starts a worker; r001 gets it (its second cell: trial 0 fails, trial 1
        // starts a fresh worker, kept); r002 gets that one (trial 0 fails again, a third starts).
        let report = try Self.run(manifest, in: folder, jobs: 1)
        #expect(report.failed.isEmpty, "\(report.failed)")
        let store = ResultStore(manifestName: manifest.name, base: folder)
        for cell in manifest.cells {
            let rows = try #require(store.load(cell)?.rows)
            #expect(rows.count == 3)
            for row in rows where !(cell.replicate > 0 && row.id == 0) { #expect(row.status == .ok, "\(cell.name) \(row.id): \(row.message ?? "")") }
            guard cell.replicate > 0 else { continue }
            #expect(rows[0].status == .fail)
            let message = rows[0].message ?? ""
            if cell.problem.label == "crash" {
                #expect(message.hasPrefix("the worker crashed (exited with status 3) (the worker had served 1 earlier cell); restarted for the next trial; stderr: second cell: crash"), "\(message)")
            } else {
                #expect(message.hasPrefix("timed out after 1 s (the worker had served 1 earlier cell); the worker was stopped and restarted for the next trial; stderr: second cell: silent"), "\(message)")
            }
        }
        let recorded = Helpers.recordedPIDs(folder)
        #expect(recorded.count == 2 * 3)
        for pid in recorded { #expect(!ObjectiveScratch.isAlive(pid), "process \(pid) is still running") }
    }
}
