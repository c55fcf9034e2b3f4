import Foundation
import ParzenTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Signals to `parzen` in real processes: SIGHUP (the terminal closed) stops a run like SIGTERM,
/// Ctrl-C, SIGTERM and SIGHUP stop `plot` promptly with a non-zero status, and `report` (which
/// often finishes before the signal arrives) leaves only whole files whatever the signal's timing.
@Suite(.serialized) struct SignalTests {
    let parzen = TestSupport.productPath("parzen")

    /// A scratch folder with a file of recorded pids.
    struct Scratch {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-signal-\(UUID().uuidString)")
        var pidFile: String { folder.appendingPathComponent("pids").path }
        var stderrFile: URL { folder.appendingPathComponent("stderr") }

        init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        func remove() { try? FileManager.default.removeItem(at: folder) }

        func write(_ name: String, _ text: String, executable: Bool = false) throws -> String {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            if executable { chmod(url.path, 0o755) }
            return url.path
        }

        func pids() -> [pid_t] {
            ((try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
        }

        func stderr() -> String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

        /// Files under `path` (relative to the folder), recursively.
        func files(under path: String) -> [String] {
            (FileManager.default.enumerator(atPath: folder.appendingPathComponent(path).path)?.allObjects as? [String]) ?? []
        }
    }

    /// Starts `parzen ARGUMENTS` with stderr to the scratch folder and `path` in front of PATH.
    func start(_ arguments: [String], in scratch: Scratch, path: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = parzen
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let path { environment["PATH"] = path + ":" + (environment["PATH"] ?? "/usr/bin:/bin") }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: scratch.stderrFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: scratch.stderrFile)
        try process.run()
        return process
    }

    /// Waits up to `seconds` for `condition`; false when it never held.
    func wait(seconds: Double, for condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    /// Sends `signal` and waits for the exit; a process still running after a minute is killed
    /// and the test fails (a hang, not a slow stop: the waits it cuts short are 300 s long).
    func stop(_ process: Process, with signal: Int32) {
        kill(process.processIdentifier, signal)
        if !wait(seconds: 60, for: { !process.isRunning }) {
            Issue.record("parzen did not stop on signal \(signal)")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// Whether the process still runs (a zombie counts as gone); waits up to 2 s for it to die.
    static func isAlive(_ pid: pid_t) -> Bool {
        for _ in 0..<100 {
            guard kill(pid, 0) == 0 else { return false }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].hasPrefix(" Z") { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }

    @Test func sighupStopsARunWithBusyWorkersAndTheirDescendants() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // A worker that starts two descendants (one in its own session), then never answers.
        let worker = try scratch.write("busy.sh", """
            echo $$ >> \(scratch.pidFile)
            sleep 300 & echo $! >> \(scratch.pidFile)
            setsid sleep 300 & echo $! >> \(scratch.pidFile)
            while IFS= read -r line; do sleep 300; done
            """)
        let manifest = try scratch.write("m.yaml", """
            name: hup
            repeats: 2
            budget: 20
            problems:
              - branin
              - {label: busy, protocol: worker, command: [sh, \(worker)], space: "{x: uniform(0, 1)}", timeout: 300}
            suggesters: [random]
            """)
        let process = try start(["run", manifest, "--base", scratch.folder.path, "--jobs", "2", "--no-plots", "--quiet"], in: scratch)
        // Both workers are busy, each with its two descendants; the branin cells are done.
        let busy = wait(seconds: 60) { scratch.pids().count == 6 }
        #expect(busy, "the workers did not start: \(scratch.stderr())")
        stop(process, with: SIGHUP)
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(process.terminationReason) \(process.terminationStatus)")
        #expect(scratch.stderr().contains("parzen: interrupted: finished cells are kept"), "\(scratch.stderr())")
        // The finished cells are records in the run's pack files; the abandoned ones left none.
        let packs = scratch.files(under: "results/hup/cells")
        let records = try packs.flatMap { pack in
            try String(contentsOf: scratch.folder.appendingPathComponent("results/hup/cells/\(pack)"), encoding: .utf8)
                .split(separator: "\n").filter { $0.hasPrefix("# parzen-record 1 kind=cell ") }
        }
        #expect(packs.allSatisfy { $0.hasSuffix(".pack") }, "\(packs)")
        #expect(records.filter { $0.contains(" cell=branin/") }.count == 2, "\(records)")
        #expect(!records.contains { $0.contains(" cell=busy/") })
        for pid in scratch.pids() { #expect(!Self.isAlive(pid), "process \(pid) outlived the run") }
    }

    /// A results folder of a tiny finished run, and a fake `gnuplot` that records its pid,
    /// starts writing its picture and then hangs.
    func plottable(_ scratch: Scratch) throws -> (results: String, fakePath: String) {
        let manifest = try scratch.write("m.yaml", """
            name: sig
            repeats: 2
            budget: 10
            problems: [branin]
            suggesters: [random, anneal]
            """)
        let run = try TestSupport.run(parzen, ["run", manifest, "--base", scratch.folder.path, "--no-plots", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let bin = scratch.folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        _ = try scratch.write("bin/gnuplot", """
            #!/bin/sh
            echo $$ >> \(scratch.pidFile)
            printf 'half a picture' > "$(basename "$1" .gp).png"
            sleep 300
            """, executable: true)
        return (scratch.folder.appendingPathComponent("results/sig").path, bin.path)
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP]) func aSignalStopsPlotAndItsGnuplot(signal: Int32) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (results, fakePath) = try plottable(scratch)
        let process = try start(["plot", results], in: scratch, path: fakePath)
        let drawing = wait(seconds: 60) { !scratch.pids().isEmpty && scratch.files(under: "plots/sig").contains { $0.hasSuffix(".png") } }
        #expect(drawing, "gnuplot did not start: \(scratch.stderr())")
        stop(process, with: signal)
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(process.terminationReason) \(process.terminationStatus)")
        #expect(scratch.stderr().hasSuffix("parzen: interrupted; run `parzen plot \(results)` to finish\n"), "\(scratch.stderr())")
        let plots = scratch.files(under: "plots/sig")
        #expect(!plots.contains { $0.hasSuffix(".png") }, "a half-drawn picture is left: \(plots)")
        #expect(!plots.contains { $0.contains(".tmp-") })
        for pid in scratch.pids() { #expect(!Self.isAlive(pid), "gnuplot \(pid) outlived parzen") }
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP]) func aSignalDuringReportLeavesOnlyWholeFiles(signal: Int32) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (results, _) = try plottable(scratch)
        let report = URL(fileURLWithPath: results).appendingPathComponent("report.md")
        try FileManager.default.removeItem(at: report)
        // The signal arrives while the report is computed or written (exit 1 with the message),
        // after it finished (exit 0 with report.md), or before the trap is set (killed by the
        // signal): in every case no partial file is left.
        let process = try start(["report", results], in: scratch)
        stop(process, with: signal)
        let files = scratch.files(under: "results/sig")
        #expect(!files.contains { $0.contains(".tmp-") }, "\(files)")
        if process.terminationReason == .exit {
            #expect(process.terminationStatus == 1 || process.terminationStatus == 0)
            if process.terminationStatus == 1 {
                #expect(scratch.stderr().hasSuffix("parzen: interrupted; run `parzen report \(results)` to finish\n"), "\(scratch.stderr())")
            } else {
                #expect(FileManager.default.fileExists(atPath: report.path))
            }
        } else {
            #expect(process.terminationStatus == signal, "killed before the trap was set, by the signal itself")
        }
    }
}
