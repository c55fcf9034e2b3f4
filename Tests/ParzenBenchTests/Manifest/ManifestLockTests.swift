import Foundation
import Parzen
import Testing
import Yams
@testable import ParzenBench

/// manifest.lock.yaml written through Yams: it reads back to the manifest's values and to the
/// tree it was written from, and a lock in the earlier hand-written layout reads the same.
@Suite struct ManifestLockTests {
    static let manifestText = """
        name: locked
        seed: 7
        repeats: 2
        budget: 6
        checkpoints: [3, 6]
        problems:
          - branin
          - {function: bbob-f3, dims: 2, instance: replicate, budget: 4}
          - {label: w, command: [sh, "run it.sh", "--x={{x: uniform(0, 1)}}"], protocol: template, optimum: 1.5, timeout: 10}
        suggesters:
          - random
          - {label: tpe-fast, algorithm: tpe, options: {gamma: 0.5, n_startup_jobs: 3}}
          - {label: ext, command: [python3, "adapters/x.py"], options: {name: "a: b", flag: true, list: ["1", 2]}}
        """

    func manifest() throws -> Manifest { try Manifest(yaml: Self.manifestText, source: "dir/lock test.yaml") }

    @Test func theLockReadsBackAsTheManifest() throws {
        let manifest = try manifest()
        let text = ManifestLock.text(for: manifest)
        #expect(text.hasPrefix(ManifestLock.header))
        let root = try ManifestLock.root(of: text, file: "lock")
        #expect(root["source"]?.string == "dir/lock test.yaml" && root["name"]?.string == "locked")
        #expect(root["seed"]?.int == 7 && root["repeats"]?.int == 2 && root["budget"]?.int == 6)
        #expect(root["checkpoints"]?.sequence?.compactMap(\.int) == [3, 6])
        let problems = try #require(root["problems"]?.sequence)
        #expect(problems.compactMap { $0["label"]?.string } == manifest.problems.map(\.label))
        #expect(problems[0]["optimum"]?.string == "\(manifest.problems[0].objective.knownOptimum!)")
        #expect(problems[1]["instance"]?.string == "replicate" && problems[1]["budget"]?.int == 4)
        #expect(problems[2]["command"]?.sequence?.compactMap(\.string) == ["sh", "run it.sh", "--x={{x: uniform(0, 1)}}"])
        #expect(problems[2]["space"]?.string == manifest.problems[2].space.description)
        let suggesters = try #require(root["suggesters"]?.sequence)
        #expect(suggesters.compactMap { $0["label"]?.string } == ["random", "tpe-fast", "ext"])
        for (node, suggester) in zip(suggesters, manifest.suggesters) {
            let options = try #require(node["options"]?.mapping)
            #expect(options.keys.compactMap(\.string) == suggester.algorithm.options.keys)
        }
        let external = try #require(suggesters[2]["options"]?["options"])
        #expect(external["name"]?.string == "a: b" && external["flag"]?.bool == true)
        // A string that looks like a number stays a string, a number stays a number.
        #expect(external["list"]?[0]?.scalar?.style == .singleQuoted && external["list"]?[1]?.scalar?.style == .plain)
        #expect(root["cell_count"]?.int == manifest.catalog.count)
    }

    /// The node's content in order, without its styles: scalars with their text, sequences
    /// and mappings with their items.
    func content(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'" + scalar.string + "'"
        case .sequence(let items): return "[" + items.map(content).joined(separator: ",") + "]"
        case .mapping(let pairs): return "{" + pairs.map { content($0.key) + "=" + content($0.value) }.joined(separator: ",") + "}"
        case .alias: return "*"
        }
    }

    @Test func yamsReadsTheTreeItWrote() throws {
        let manifest = try manifest()
        let text = ManifestLock.text(for: manifest)
        let read = try ManifestLock.root(of: text, file: "lock")
        #expect(content(read) == content(ManifestLock.node(for: manifest)))
        // One line per problem and suggester, so the scripts that read the lock line by line can.
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("- {label: ") }.count == 6)
    }

    @Test func aLockInTheEarlierLayoutReadsTheSame() throws {
        let manifest = try Manifest(yaml: "name: old\nrepeats: 3\nbudget: 10\nproblems: [branin, {function: bbob-f1, dims: 2, instance: 2}]\nsuggesters: [random]\n",
                                    source: "experiments/old.yaml")
        let current = ManifestLock.text(for: manifest)
        // The layout written by hand before: block items indented by two spaces, the source
        // and the digest double-quoted, the seeds' descriptions single-quoted.
        var earlier = current.replacingOccurrences(of: "\n- {", with: "\n  - {")
            .replacingOccurrences(of: "source: experiments/old.yaml", with: "source: \"experiments/old.yaml\"")
        earlier = earlier.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("  digest: ") else { return String(line) }
            return "  digest: \"" + line.dropFirst("  digest: ".count) + "\""
        }.joined(separator: "\n")
        #expect(earlier != current && earlier.contains("\n  - {label: bbob-f1-2d-i2, function: bbob-f1, dims: 2, instance: 2, optimum: 394.48, direction: minimize}\n"))
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        var exports: [ExportLock] = []
        var locks: [ResultsReader.Lock] = []
        for (name, text) in [("earlier", earlier), ("current", current)] {
            let folder = base.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: folder.appendingPathComponent("manifest.lock.yaml"), atomically: true, encoding: .utf8)
            exports.append(try ExportLock(folder: folder))
            locks.append(try ResultsReader.Lock(text: text, file: name))
        }
        #expect(exports[0].problems.map(\.label) == exports[1].problems.map(\.label))
        #expect(exports[0].problems.map(\.instance) == exports[1].problems.map(\.instance))
        #expect(exports[0].problems.map(\.number) == exports[1].problems.map(\.number) && exports[0].repeats == exports[1].repeats)
        #expect(locks[0].problems.map(\.label) == locks[1].problems.map(\.label) && locks[0].checkpoints == locks[1].checkpoints)
        #expect(locks[0].problems.map(\.optimum) == locks[1].problems.map(\.optimum) && locks[0].repeats == locks[1].repeats)
        #expect(locks[0].problems.map(\.dimension) == locks[1].problems.map(\.dimension))
        #expect(locks[0].suggesters.map(\.algorithm) == locks[1].suggesters.map(\.algorithm))
    }
}
