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

/// Each error a careless or hostile input used to give raw is one line with the path and what
/// to do.
@Suite(.serialized) struct UnclearErrorTests {
    func manifestError(at path: String) -> String {
        do { _ = try Manifest(contentsOf: path); return "accepted" } catch { return "\(error)" }
    }

    @Test func aFolderOrDevNullAsTheManifest() {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(manifestError(at: folder) == "\(folder): cannot read the manifest: it is a folder, not a file; name a file")
        #expect(manifestError(at: "/dev/null") == "/dev/null:1:1: the manifest is empty; expected a mapping with name, problems and suggesters")
        #expect(manifestError(at: "/no/such/manifest.yaml") == "/no/such/manifest.yaml: cannot read the manifest: it No such file or directory"
                || manifestError(at: "/no/such/manifest.yaml").hasPrefix("/no/such/manifest.yaml: cannot read the manifest"))
    }

    @Test func nonUTF8InputNamesTheByteAndTheEncoding() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let path = scratch.folder.appendingPathComponent("latin1.yaml").path
        try Data("name: x\nlabel: caf".utf8 + [0xE9] + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(manifestError(at: path) == "\(path): cannot read the manifest: it is not UTF-8 text: byte 0xE9 at line 2, column 11; save it as UTF-8 (for example `iconv -f latin1 -t utf-8`)")
    }

    @Test func duplicateKeysAreReportedAtTheSecondUse() {
        let text = "name: d\nrepeats: 1\nbudget: 5\nproblems: [branin]\nsuggesters: [random]\nbudget: 6\n"
        do { _ = try Manifest(yaml: text, source: "d.yaml"); Issue.record("accepted") } catch {
            #expect("\(error)" == "d.yaml:6:1: key 'budget' is given twice in one mapping (first at line 3); keep one")
        }
        let flow = "name: d\nrepeats: 1\nbudget: 5\nproblems: [branin]\nsuggesters:\n  - {algorithm: random, label: a, label: b}\n"
        do { _ = try Manifest(yaml: flow, source: "d.yaml"); Issue.record("accepted") } catch {
            #expect("\(error)" == "d.yaml:6:35: key 'label' is given twice in one mapping (first at line 6); keep one")
        }
    }

    @Test func aStringLossSaysItIsAString() {
        guard case .rejected(let message) = ObjectiveReply.read("{\"loss\": \"0.5\"}") else { Issue.record("accepted"); return }
        #expect(message == "\"loss\" is the string \"0.5\", not a number: write it as a JSON number, e.g. {\"loss\": 0.5} (in Python: float(loss))")
    }

    @Test func aTemplateLossIsKeptWhenABackgroundChildHoldsStdout() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        // Prints its loss and exits, leaving a background process with stdout open for 30 s.
        let script = scratch.script("bg.sh", "sleep 30 &\necho $! >> \(scratch.pidFile)\necho 0.25\n")
        var objective = try ExternalObjective(template: ["sh", script, "{{x: uniform(0, 1)}}"], timeout: 20)
        objective.grace = 0.5
        var session = try objective.makeSession(problemRNG: MersenneTwister(seed: 1), context: SessionContext(workDirectory: scratch.folder.appendingPathComponent("w")))
        let started = ChildProcess.now()
        let outcome = session.evaluate(["x": 0.5], point: ["x": 0.5])
        session.close()
        #expect(outcome.status == .ok && outcome.value == 0.25, "\(outcome.message ?? "")")
        #expect(ChildProcess.now() - started < 15, "the trial ended with the program, not at the timeout")
        #expect(!scratch.pids().contains(where: ObjectiveScratch.isAlive), "the background process was ended with the group")
    }

    @Test func aFullOrReadOnlyFolderGivesOneLineAndLeavesNoTemporaryFiles() throws {
        let scratch = ObjectiveScratch()
        defer { scratch.remove() }
        let store = ResultStore(root: scratch.folder)
        // /dev/full fails every write with ENOSPC: a full disk.
        #expect(throws: ResultStoreError.unwritable(path: "/dev/full", reason: String(cString: strerror(ENOSPC)))) {
            try ResultStore.writeFile([1, 2, 3], to: URL(fileURLWithPath: "/dev/full"))
        }
        let target = scratch.folder.appendingPathComponent("sub/file.csv")
        try store.writeAtomically("x\n", to: target)
        chmod(scratch.folder.appendingPathComponent("sub").path, 0o555)
        defer { chmod(scratch.folder.appendingPathComponent("sub").path, 0o755) }
        if geteuid() != 0 {  // root writes anyway
            do { try store.writeAtomically("y\n", to: target); Issue.record("wrote into a read-only folder") } catch {
                #expect("\(error)".hasPrefix("cannot write \(scratch.folder.path)/sub/"), "\(error)")
                #expect("\(error)".hasSuffix("; make the folder writable, free space, or choose another --base"))
            }
        }
        let hidden = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.appendingPathComponent("sub").path).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "temporary files left: \(hidden)")
    }
}
