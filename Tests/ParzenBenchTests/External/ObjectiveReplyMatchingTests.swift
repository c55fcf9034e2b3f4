import Foundation
import GSLKit
import Parzen
import Testing
@testable import ParzenBench

/// Replies are matched to requests: a worker that answers twice, or answers another trial,
/// fails the trial loudly instead of shifting every later loss onto the wrong trial.
@Suite(.serialized) struct ObjectiveReplyMatchingTests {
    func session(_ objective: ExternalObjective) throws -> any ObjectiveSession {
        try objective.makeSession(problemRNG: MersenneTwister(seed: 11), context: SessionContext())
    }

    @Test func aSecondReplyToOneRequestFailsATrialAndShiftsNoLoss() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        // Answers trial 1 twice in one write; every other trial once, with its trial number as
        // the loss. (A second reply written later is caught before the next request when it has
        // arrived by then; a reply that echoes "trial" is matched exactly, next test.)
        let script = scratch.script("twice.sh", """
            echo $$ >> \(scratch.pidFile)
            while IFS= read -r line; do
              trial=$(printf '%s\\n' "$line" | sed -n 's/.*"trial": *\\([0-9]*\\).*/\\1/p')
              if [ "$trial" = 1 ]; then printf '{"loss": %s}\\n{"loss": 100}\\n' "$trial"; else echo "{\\"loss\\": $trial}"; fi
            done
            """)
        let space = try SearchSpace(parsing: "{x: uniform(0, 1)}")
        var s = try session(ExternalObjective(worker: ["sh", script], space: space, timeout: 20))
        var outcomes: [ObjectiveOutcome] = []
        for _ in 0..<5 { outcomes.append(s.evaluate(["x": 0.5], point: ["x": 0.5])) }
        s.close()
        // Whichever trial notices the extra line fails; every ok trial has its own loss.
        for (trial, outcome) in outcomes.enumerated() where outcome.status == .ok {
            #expect(outcome.value == Double(trial), "trial \(trial) got \(outcome.value ?? .nan)")
        }
        let failed = outcomes.filter { $0.status == .fail }
        #expect(failed.count == 1)
        #expect(failed.first?.message?.contains("a line nobody asked for") == true, "\(failed.first?.message ?? "")")
        #expect(failed.first?.message?.contains("{\"loss\": 100}") == true)
        #expect(scratch.pids().count == 2, "the worker is restarted after the extra line")
    }

    @Test func aReplyEchoingAnotherTrialFailsTheTrial() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let script = scratch.script("echo.sh", """
            while IFS= read -r line; do
              trial=$(printf '%s\\n' "$line" | sed -n 's/.*"trial": *\\([0-9]*\\).*/\\1/p')
              if [ "$trial" = 2 ]; then echo '{"loss": 1, "trial": 7}'; else echo "{\\"loss\\": 1, \\"trial\\": $trial}"; fi
            done
            """)
        let space = try SearchSpace(parsing: "{x: uniform(0, 1)}")
        var s = try session(ExternalObjective(worker: ["sh", script], space: space, timeout: 20))
        let outcomes = (0..<4).map { _ in s.evaluate(["x": 0.5], point: ["x": 0.5]) }
        s.close()
        #expect(outcomes.map(\.status) == [.ok, .ok, .fail, .ok])
        #expect(outcomes[2].message?.contains("answered trial 7 to the request for trial 2") == true, "\(outcomes[2].message ?? "")")
    }

    @Test func editingAWorkerScriptMakesItsCellsStale() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let script = scratch.script("worker.sh", "while IFS= read -r line; do echo '{\"loss\": 1}'; done\n")
        let text = """
            name: ext
            repeats: 1
            budget: 3
            problems:
              - {label: w, protocol: worker, command: [sh, \(script)], space: "{x: uniform(0, 1)}", timeout: 20}
            suggesters: [random]
            """
        let manifest = try Manifest(yaml: text, source: "ext.yaml")
        let store = ResultStore(manifestName: manifest.name, base: scratch.folder)
        let first = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1)).run(cancellation: Cancellation())
        #expect(first.ran == 1)
        let cell = manifest.cells[0]
        #expect(cell.programHash != nil)
        #expect(store.load(cell)?.rows.first?.loss == 1)
        // The same manifest after the script changed: same fingerprint, other program hash.
        _ = scratch.script("worker.sh", "while IFS= read -r line; do echo '{\"loss\": 2}'; done\n")
        let edited = try Manifest(yaml: text, source: "ext.yaml")
        #expect(edited.cells[0].fingerprint == cell.fingerprint)
        #expect(edited.cells[0].programHash != cell.programHash)
        #expect(store.load(edited.cells[0]) == nil, "a cell of the old script is stale")
        let second = try Runner(manifest: edited, store: store, options: Runner.Options(jobs: 1)).run(cancellation: Cancellation())
        #expect(second.ran == 1 && second.skipped == 0)
        #expect(store.load(edited.cells[0])?.rows.allSatisfy { $0.loss == 2 } == true)
    }

    @Test func programIdentityCoversNamedFilesOnly() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let script = scratch.script("a.py", "print(1)\n")
        #expect(ProgramIdentity.hash(command: ["python3", "-c", "print(1)"]) == nil)
        let before = try #require(ProgramIdentity.hash(command: ["python3", script, "--flag"]))
        _ = scratch.script("a.py", "print(2)\n")
        #expect(ProgramIdentity.hash(command: ["python3", script, "--flag"]) != before)
        #expect(ProgramIdentity.hash(command: [script]) != nil, "a program given as a path counts")
    }
}
