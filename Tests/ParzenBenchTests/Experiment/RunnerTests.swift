import GSLKit
import Foundation
import Parzen
import Testing
@testable import ParzenBench

/// Determinism and resumption of the runner, proven on the bytes of the result files.
@Suite struct RunnerTests {
    static let manifestText = """
        name: t
        seed: 5
        repeats: 3
        budget: 25
        problems:
          - square
          - branin
          - conditional
          - {function: sphere, dims: 3, noise: 0.2, label: noisy}
        suggesters: [grid, random, tpe]
        """

    func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-runner-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func run(_ manifest: Manifest, in folder: URL, jobs: Int = 2, shard: Shard? = nil, cancellation: Cancellation = Cancellation()) throws -> Runner.Report {
        try Runner(manifest: manifest, store: ResultStore(manifestName: manifest.name, base: folder),
                   options: Runner.Options(jobs: jobs, shard: shard)).run(cancellation: cancellation)
    }

    func collectedFiles(_ manifest: Manifest, in folder: URL) throws -> [String: Data] {
        let store = ResultStore(manifestName: manifest.name, base: folder)
        try Collector(manifest: manifest, store: store).collect()
        var files: [String: Data] = [:]
        for name in ["runs.csv", "summary.csv", "manifest.lock.yaml"] {
            files[name] = try Data(contentsOf: store.root.appendingPathComponent(name))
        }
        return files
    }

    @Test func jobs1AndJobs4GiveByteIdenticalResults() throws {
        let manifest = try Manifest(yaml: Self.manifestText, source: "t.yaml")
        let a = temporaryFolder(), b = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let reportA = try run(manifest, in: a, jobs: 1)
        #expect(reportA.ran == manifest.cells.count && reportA.failed.isEmpty)
        _ = try run(manifest, in: b, jobs: 4)
        let filesA = try collectedFiles(manifest, in: a)
        #expect(filesA == (try collectedFiles(manifest, in: b)))
        // One row per checkpoint a run reached (a grid smaller than the budget stops short).
        let store = ResultStore(manifestName: manifest.name, base: a)
        let reached = manifest.cells.map { cell in manifest.checkpoints.filter { $0 <= store.load(cell)!.rows.count }.count }.reduce(0, +)
        #expect(reached < manifest.cells.count * manifest.checkpoints.count)
        #expect(String(decoding: filesA["runs.csv"]!, as: UTF8.self).split(separator: "\n").count == 1 + reached)
    }

    @Test func interruptedAndResumedEqualsUninterrupted() throws {
        let manifest = try Manifest(yaml: Self.manifestText, source: "t.yaml")
        let whole = temporaryFolder(), pieces = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: whole); try? FileManager.default.removeItem(at: pieces) }
        _ = try run(manifest, in: whole)

        // A cancelled run writes nothing for the cells it abandons.
        let cancelled = Cancellation()
        cancelled.cancel()
        let nothing = try run(manifest, in: pieces, cancellation: cancelled)
        #expect(nothing.ran == 0 && nothing.cancelled)
        // Half the cells finish (a shard stands in for an interrupted run), one record is cut short
        // (a process killed while appending), another belongs to other settings (stale).
        _ = try run(manifest, in: pieces, shard: Shard("1/2"))
        let store = ResultStore(manifestName: manifest.name, base: pieces)
        let cells = manifest.cells
        try store.editRecord(of: cells[0]) { Array($0.prefix($0.count / 2)) }
        try store.editRecord(of: cells[2]) { record in
            resealed(String(decoding: record, as: UTF8.self).replacingOccurrences(of: "# fingerprint ", with: "# fingerprint 0"))
        }
        #expect(store.load(cells[0]) == nil && store.load(cells[2]) == nil)
        #expect(throws: CollectError.self) { try Collector(manifest: manifest, store: store).collect() }

        let resumed = try run(manifest, in: pieces)
        #expect(resumed.ran == cells.count - cells.count / 2 - cells.count % 2 + 2)
        #expect(try collectedFiles(manifest, in: whole) == (try collectedFiles(manifest, in: pieces)))
    }

    @Test func twoShardsPlusCollectEqualOneRun() throws {
        let manifest = try Manifest(yaml: Self.manifestText, source: "t.yaml")
        let one = temporaryFolder(), sharded = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: one); try? FileManager.default.removeItem(at: sharded) }
        _ = try run(manifest, in: one)
        let first = try run(manifest, in: sharded, shard: Shard("1/2"))
        let store = ResultStore(manifestName: manifest.name, base: sharded)
        do {
            try Collector(manifest: manifest, store: store).collect()
            Issue.record("collect must refuse while cells are missing")
        } catch let CollectError.missingCells(missing) {
            #expect(missing.count == manifest.cells.count - first.ran)
        }
        _ = try run(manifest, in: sharded, shard: Shard("2/2"))
        #expect(try collectedFiles(manifest, in: one) == (try collectedFiles(manifest, in: sharded)))
    }

    @Test func addingASuggesterLeavesExistingPackFilesUntouched() throws {
        let manifest = try Manifest(yaml: Self.manifestText, source: "t.yaml")
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(manifest, in: folder)
        let store = ResultStore(manifestName: manifest.name, base: folder)
        let packs = try FileManager.default.contentsOfDirectory(atPath: store.cellsFolder.path)
        var before: [String: (Data, Date)] = [:]
        for name in packs {
            let url = store.cellsFolder.appendingPathComponent(name)
            before[name] = (try Data(contentsOf: url), try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date)
        }
        let bigger = try Manifest(yaml: Self.manifestText.replacingOccurrences(of: "[grid, random, tpe]", with: "[grid, random, tpe, {label: tpe2, algorithm: tpe, options: {gamma: 0.5}}]"), source: "t.yaml")
        let report = try run(bigger, in: folder)
        #expect(report.ran == manifest.problems.count * manifest.repeats && report.skipped == manifest.cells.count)
        for name in packs {
            let url = store.cellsFolder.appendingPathComponent(name)
            let (data, date) = before[name]!
            #expect(try Data(contentsOf: url) == data)
            #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date == date)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.cellsFolder.path).count == packs.count + report.workers)
    }

    /// Fails on its third proposal of every cell whose space is exactly {x1, x2} (branin), works elsewhere.
    struct FailingSuggester: Suggester {
        typealias Options = NoOptions
        static let name = "failing"
        static let summary = "test double"
        static let capabilities: SuggesterCapabilities = [.conditionalSpaces]
        let space: SearchSpace
        init(space: SearchSpace, options: NoOptions, budget: Int, using rng: MersenneTwister) { self.space = space }
        mutating func suggest(history: Trials, using rng: MersenneTwister) throws(SuggesterError) -> Assignment? {
            if space.labels == ["x1", "x2"] && history.count == 2 { throw .failed("model exploded") }
            return space.sample(using: rng)
        }
    }

    /// Cancels `CancellingSuggester.cancellation` when it proposes the last trial of its budget.
    struct CancellingSuggester: Suggester {
        typealias Options = NoOptions
        static let name = "cancelling"
        static let summary = "test double"
        static let capabilities: SuggesterCapabilities = [.conditionalSpaces]
        static let cancellation = Cancellation()
        let space: SearchSpace
        let budget: Int
        init(space: SearchSpace, options: NoOptions, budget: Int, using rng: MersenneTwister) {
            self.space = space
            self.budget = budget
        }
        mutating func suggest(history: Trials, using rng: MersenneTwister) throws(SuggesterError) -> Assignment? {
            if history.count == budget - 1 { Self.cancellation.cancel() }
            return space.sample(using: rng)
        }
    }

    /// A run cancelled while a cell's last trial runs (an external program stopped by the same
    /// signal would fail that trial) writes nothing for that cell.
    @Test func aCellCancelledDuringItsLastTrialIsAbandoned() throws {
        var manifest = try Manifest(yaml: "name: c\nrepeats: 1\nbudget: 5\nproblems: [square]\nsuggesters: [random]\n", source: "c.yaml")
        manifest.suggesters = [SuggesterSpec(label: "cancelling", algorithm: Algorithm(CancellingSuggester.self))]
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try run(manifest, in: folder, jobs: 1, cancellation: CancellingSuggester.cancellation)
        #expect(report.cancelled && report.ran == 0)
        #expect(ResultStore(manifestName: manifest.name, base: folder).load(manifest.cells[0]) == nil)
    }

    @Test func aFailingSuggesterFailsOnlyItsCellsAndCollectListsThem() throws {
        var manifest = try Manifest(yaml: Self.manifestText, source: "t.yaml")
        manifest.suggesters.append(SuggesterSpec(label: "failing", algorithm: Algorithm(FailingSuggester.self)))
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try run(manifest, in: folder)
        #expect(report.failed.count == manifest.repeats)
        #expect(report.failed.allSatisfy { $0.cell.hasPrefix("branin/failing/") && $0.message == "failing failed at trial 2: model exploded" })
        #expect(report.ran == manifest.cells.count - manifest.repeats)
        let store = ResultStore(manifestName: manifest.name, base: folder)
        // Collect covers every finished cell and lists the failed ones.
        let missing = Collector(manifest: manifest, store: store).missingCells()
        #expect(missing.map(\.cell) == report.failed.map(\.cell))
        #expect(missing.allSatisfy { $0.failure == "failing failed at trial 2: model exploded" })
        let outcome = try Collector(manifest: manifest, store: store).collectAll()
        #expect(outcome.failures.map { "\($0.problem)/\($0.suggester)/r00\($0.replicate)" } == report.failed.map(\.cell))
        #expect(outcome.failures.allSatisfy { $0.message == "failing failed at trial 2: model exploded" })
    }
}

/// `run --fresh` and the results folder's lock.
@Suite struct RunLockTests {
    @Test func freshRefusesWhileAnotherRunHoldsTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try Manifest(yaml: "name: l\nrepeats: 2\nbudget: 5\nproblems: [square]\nsuggesters: [random]\n", source: "l.yaml")
        let store = ResultStore(manifestName: manifest.name, base: folder)
        _ = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1)).run(cancellation: Cancellation())
        var other: RunLock? = try RunLock(store: store, exclusive: false)  // another run in progress
        #expect(throws: ResultStoreError.inUse(path: store.root.path)) {
            try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1, fresh: true)).run(cancellation: Cancellation())
        }
        #expect(manifest.cells.allSatisfy { store.load($0) != nil }, "no cell of the other run was deleted")
        // Runs without --fresh share the folder.
        let resumed = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1)).run(cancellation: Cancellation())
        #expect(resumed.skipped == 2)
        #expect(other != nil)
        other = nil  // that run ends
        let fresh = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1, fresh: true)).run(cancellation: Cancellation())
        #expect(fresh.ran == 2)
        #expect("\(ResultStoreError.inUse(path: "/r"))".contains("wait for that run to finish"))
    }

    @Test func aFileWhereTheFolderShouldBeIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder)
        let manifest = try Manifest(yaml: "name: l\nrepeats: 1\nbudget: 5\nproblems: [square]\nsuggesters: [random]\n", source: "l.yaml")
        let store = ResultStore(manifestName: manifest.name, base: folder)
        do {
            _ = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1)).run(cancellation: Cancellation())
            Issue.record("ran under a file")
        } catch let error as ResultStoreError {
            #expect(error == .unwritable(path: folder.path, reason: "it is a file, not a folder (--base must name a folder)"))
            #expect("\(error)".contains("choose another --base"))
        }
    }
}
