import Foundation
import Parzen
import ParzenTestSupport
import Testing

/// The `parzen` executable, run as a user would, in fresh processes.
@Suite struct CommandLineTests {
    let parzen = TestSupport.productPath("parzen")

    @Test func helpAndListingsWork() throws {
        let help = try TestSupport.run(parzen, ["--help"])
        #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS"))
        let suggesters = try TestSupport.run(parzen, ["list", "suggesters"])
        #expect(suggesters.status == 0)
        for name in SuggesterRegistry.names { #expect(suggesters.stdout.contains("\n\(name) ")) }
    }

    @Test func tutorialFindsSmallXForTheIdentityExample() throws {
        let output = try TestSupport.run(parzen, ["tutorial"])
        #expect(output.status == 0)
        let rows = output.stdout.split(separator: "\n").filter { $0.hasPrefix("identity") }
        #expect(rows.count == SuggesterRegistry.names.count)
        for row in rows {
            let loss = Double(row.split(separator: " ", omittingEmptySubsequences: true)[3])!
            #expect(loss < 0.05)
        }
    }

    /// The same seed gives the same trial sequence in two fresh processes (no per-process hashing
    /// or clocks leak into decisions); a different seed gives a different one.
    @Test func sameSeedSameTrialsAcrossProcesses() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-repro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        func trials(seed: Int, run: String) throws -> [String: [Assignment]] {
            let folder = base.appendingPathComponent(run)
            let output = try TestSupport.run(parzen, ["tutorial", "--seed", "\(seed)", "--trials-out", folder.path])
            #expect(output.status == 0, "\(output.stderr)")
            var result: [String: [Assignment]] = [:]
            let space = try SearchSpace(["x": .uniform("x", 0, 1), "y": .normal("y", 0, 1), "name": .choice("name", ["alice", "bob"])])
            for name in SuggesterRegistry.names {
                let file = folder.appendingPathComponent("record-\(name).json")
                result[name] = try Trials(hyperoptJSON: Data(contentsOf: file), space: space).trials.map(\.assignment)
            }
            return result
        }
        let first = try trials(seed: 7, run: "a"), second = try trials(seed: 7, run: "b"), other = try trials(seed: 8, run: "c")
        #expect(first == second)
        #expect(first["random"] != other["random"])
        #expect(first["random"]?.count == 100)
    }

    @Test func badInputExitsWithCode2AndAOneLineMessage() throws {
        let badSpace = try TestSupport.run(parzen, ["sample", "{x: uniform(1, 0)}"])
        #expect(badSpace.status == 2)
        #expect(badSpace.stderr.contains("low (1.0) must be less than high (0.0)"))
        #expect(badSpace.stderr.split(separator: "\n").count == 1)
        let badFlag = try TestSupport.run(parzen, ["sample", "{x: uniform(0, 1)}", "--count", "0"])
        #expect(badFlag.status == 2)
        let badList = try TestSupport.run(parzen, ["list", "algorithms"])
        #expect(badList.status == 2)
    }

    @Test func sampleDrawsTypedPoints() throws {
        let output = try TestSupport.run(parzen, ["sample", "{k: uniformint(1, 5), name: choice(alice, bob)}", "--count", "3", "--seed", "4"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("{k: ") && ($0.hasSuffix("name: alice}") || $0.hasSuffix("name: bob}")) })
    }
}

/// `parzen run` interrupted by SIGINT in a real process, then resumed.
@Suite struct RunInterruptionTests {
    let parzen = TestSupport.productPath("parzen")

    @Test func interruptedRunResumesToTheSameBytes() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-sigint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let manifest = base.appendingPathComponent("m.yaml")
        try """
            name: sigint
            seed: 3
            repeats: 12
            budget: 150
            problems: [branin, hartmann3, camel6]
            suggesters: [random, tpe]
            """.write(to: manifest, atomically: true, encoding: .utf8)
        let interrupted = base.appendingPathComponent("interrupted"), whole = base.appendingPathComponent("whole")

        let process = Process()
        process.executableURL = parzen
        process.arguments = ["run", manifest.path, "--base", interrupted.path, "--jobs", "2", "--no-plots", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some cells are finished, then interrupt.
        let cells = interrupted.appendingPathComponent("results/sigint/cells")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            // Finished cells are records appended to the run's pack files.
            let packs = (try? FileManager.default.contentsOfDirectory(atPath: cells.path)) ?? []
            let done = packs.map { pack in
                ("\n" + ((try? String(contentsOf: cells.appendingPathComponent(pack), encoding: .utf8)) ?? "")).components(separatedBy: "\n# parzen-record 1 kind=cell ").count - 1
            }.reduce(0, +)
            if done >= 2 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.interrupt()
        process.waitUntilExit()
        let leftovers = FileManager.default.enumerator(atPath: cells.path)?.allObjects.compactMap { $0 as? String } ?? []
        #expect(!leftovers.contains { $0.contains(".tmp-") }, "no half-written file is left behind")
        if process.terminationStatus == 0 {
            // The run finished before the signal arrived; nothing to resume, but still valid.
            Issue.record("the run finished before it could be interrupted; make the manifest larger")
        } else {
            #expect(process.terminationStatus == 1)
        }

        let resumed = try TestSupport.run(parzen, ["run", manifest.path, "--base", interrupted.path, "--no-plots", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let fresh = try TestSupport.run(parzen, ["run", manifest.path, "--base", whole.path, "--jobs", "1", "--no-plots", "--quiet"])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        for file in ["runs.csv", "summary.csv", "manifest.lock.yaml"] {
            let a = try Data(contentsOf: interrupted.appendingPathComponent("results/sigint/\(file)"))
            let b = try Data(contentsOf: whole.appendingPathComponent("results/sigint/\(file)"))
            #expect(a == b, "\(file) differs after resumption")
        }
    }
}

/// Argument errors of `parzen run` name the flag and what is accepted.
@Suite struct RunArgumentErrorTests {
    let parzen = TestSupport.productPath("parzen")

    @Test func negativeJobsIsNamedNotMissing() throws {
        let result = try TestSupport.run(parzen, ["run", "experiments/smoke.yaml", "--jobs", "-1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs must be >= 1, got -1"), "\(result.stderr)")
    }

    @Test func aFileAsBaseIsNamed() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-base-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let manifest = ObjectiveScratchPath.repositoryRoot.appendingPathComponent("experiments/smoke.yaml").path
        let result = try TestSupport.run(parzen, ["run", manifest, "--base", file.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr == "parzen: cannot write \(file.path): it is a file, not a folder (--base must name a folder); make the folder writable, free space, or choose another --base\n", "\(result.stderr)")
    }
}

private enum ObjectiveScratchPath {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
