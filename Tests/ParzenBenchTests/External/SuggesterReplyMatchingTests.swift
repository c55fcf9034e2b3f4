import Foundation
import Parzen
import Testing
@testable import ParzenBench

/// Replies of an external suggester are matched to messages: a program that answers one message
/// twice fails its cell loudly instead of having its extra line read as the next reply.
@Suite struct SuggesterReplyMatchingTests {
    /// A suggester in sh that proposes the same point every time, and answers the ask number
    /// `twice` with two suggest lines in one write (0: never).
    static func program(in scratch: ObjectiveScratch, name: String, twice: Int) -> String {
        scratch.script("\(name).sh", """
            echo $$ >> \(scratch.pidFile)
            s='{"type": "suggest", "assignment": {"x1": 0.5, "x2": 0.5}}'
            n=0
            while IFS= read -r line; do
              case "$line" in
                *'"type":"hello"'*) echo '{"type": "hello", "name": "\(name)", "capabilities": []}' ;;
                *'"type":"ask"'*) n=$((n + 1)); if [ "$n" = \(twice) ]; then printf '%s\\n%s\\n' "$s" "$s"; else echo "$s"; fi ;;
                *'"type":"bye"'*) echo '{"type": "ok"}'; exit 0 ;;
                *) echo '{"type": "ok"}' ;;
              esac
            done
            """)
    }

    @Test func aSecondReplyToOneAskFailsTheCell() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let once = Self.program(in: scratch, name: "once", twice: 0)
        let twice = Self.program(in: scratch, name: "twice", twice: 2)
        let manifest = try Manifest(yaml: """
            name: twice
            repeats: 1
            budget: 4
            problems: [branin]
            suggesters:
              - {label: once, command: [sh, \(once)], timeout: 20}
              - {label: twice, command: [sh, \(twice)], timeout: 20}
            """, source: "twice.yaml")
        let store = ResultStore(manifestName: manifest.name, base: scratch.folder)
        let report = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1)).run(cancellation: Cancellation())
        #expect(report.ran == 1)
        let failure = try #require(report.failed.first)
        #expect(report.failed.count == 1 && failure.cell.contains("twice"))
        // The second ask (trial 1) was answered twice; the extra line is found before the tell
        // for trial 1, the next message.
        #expect(failure.message.contains("external suggester 'sh \(twice)' wrote a line nobody asked for before tell for trial 1: '{\"type\": \"suggest\""),
                "\(failure.message)")
        #expect(failure.message.contains("exactly one line on stdout"))
        let cells = Dictionary(uniqueKeysWithValues: manifest.cells.map { ($0.suggester.label, $0) })
        #expect(store.load(try #require(cells["once"]))?.rows.count == 4)
        #expect(store.load(try #require(cells["twice"])) == nil)
        for pid in scratch.pids() { #expect(!ObjectiveScratch.isAlive(pid), "process \(pid) is still running") }
    }
}
