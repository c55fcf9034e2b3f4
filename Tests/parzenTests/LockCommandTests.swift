import Foundation
import ParzenTestSupport
import Testing

/// `parzen lock` writes every committed lock file again, byte for byte, from its manifest.
@Suite struct LockCommandTests {
    let parzen = TestSupport.productPath("parzen")
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyCommittedLockIsTheManifestsLock() throws {
        let results = root.appendingPathComponent("results")
        // Every results folder of a committed experiment (benchmarks write others, git-ignored).
        let names = try FileManager.default.contentsOfDirectory(atPath: results.path).filter {
            FileManager.default.fileExists(atPath: results.appendingPathComponent("\($0)/manifest.lock.yaml").path)
                && FileManager.default.fileExists(atPath: root.appendingPathComponent("experiments/\($0).yaml").path)
        }.sorted()
        #expect(names.count >= 10)
        for name in names {
            let committed = try String(contentsOf: results.appendingPathComponent("\(name)/manifest.lock.yaml"), encoding: .utf8)
            let output = try TestSupport.run(parzen, ["lock", "experiments/\(name).yaml"], currentDirectory: root)
            #expect(output.status == 0, "\(name): \(output.stderr)")
            #expect(output.stdout == committed, "results/\(name)/manifest.lock.yaml is not what parzen lock writes for experiments/\(name).yaml")
        }
    }

    @Test func aBadManifestIsNamed() throws {
        let output = try TestSupport.run(parzen, ["lock", "experiments/no-such-manifest.yaml"], currentDirectory: root)
        #expect(output.status == 2 && output.stderr.contains("no-such-manifest.yaml"), "\(output.stderr)")
    }
}
