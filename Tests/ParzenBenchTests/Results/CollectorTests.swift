import Foundation
import Testing
@testable import ParzenBench

@Suite struct CollectorTests {
    static let manifestText = """
        name: c
        seed: 3
        repeats: 3
        budget: 12
        problems:
          - branin
          - {function: sphere, dims: 2, noise: 0.2, label: noisy}
        suggesters: [random, tpe]
        """

    func ranStore(_ manifest: Manifest) throws -> ResultStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-collector-\(UUID().uuidString)")
        let store = ResultStore(manifestName: manifest.name, base: folder)
        _ = try Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 2)).run(cancellation: Cancellation())
        return store
    }

    /// Every file in the results folder but the cells and the run's lock, and the sample
    /// pictures' grids in the plots folder, by name.
    func files(_ store: ResultStore) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: store.root.path) where name != "cells" && name != "run.lock" {
            files[name] = try Data(contentsOf: store.root.appendingPathComponent(name))
        }
        let plots = SampleGrid.defaultPlotsFolder(for: store.root)
        for name in try FileManager.default.contentsOfDirectory(atPath: plots.path) {
            files["plots/" + name] = try Data(contentsOf: plots.appendingPathComponent(name))
        }
        return files
    }

    @Test func theFilesDoNotDependOnTheThreads() throws {
        let manifest = try Manifest(yaml: Self.manifestText, source: "c.yaml")
        let store = try ranStore(manifest)
        defer { try? FileManager.default.removeItem(at: store.root.deletingLastPathComponent().deletingLastPathComponent()) }
        let table = try Collector(manifest: manifest, store: store, threads: 1).collect()
        let one = try files(store)
        #expect(one.keys.contains("cost-growth.csv") && one.keys.contains("trace.csv") && one.keys.contains("sample-axes.csv"))
        #expect(one.keys.contains("plots/branin-grid.dat") && one.keys.contains("plots/noisy-grid.dat"))
        for threads in [2, 3, 8] {
            #expect(try Collector(manifest: manifest, store: store, threads: threads).collect() == table, "threads \(threads)")
            #expect(try files(store) == one, "threads \(threads)")
        }
    }

    /// A record that turns out unusable only when it is read (its fingerprint line edited, the
    /// pack's checksum made to match, so stale), in the last problem, after the first problem's
    /// rows went out: collect refuses, leaves the earlier tables as they were and no temporary file.
    @Test func aRecordFoundUnusableWhileReadingWritesNothing() throws {
        let manifest = try Manifest(yaml: Self.manifestText, source: "c.yaml")
        let store = try ranStore(manifest)
        defer { try? FileManager.default.removeItem(at: store.root.deletingLastPathComponent().deletingLastPathComponent()) }
        try Collector(manifest: manifest, store: store).collect()
        let before = try files(store)
        let cell = manifest.cells[manifest.cells.count - 1]
        let other = (cell.fingerprint.hasPrefix("0") ? "1" : "0") + cell.fingerprint.dropFirst()
        try store.editRecord(of: cell) { record in
            resealed(String(decoding: record, as: UTF8.self).replacingOccurrences(of: "# fingerprint \(cell.fingerprint)", with: "# fingerprint \(other)"))
        }
        #expect(store.cells().mayHaveRecord(cell) && store.load(cell) == nil)
        do {
            try Collector(manifest: manifest, store: store).collect()
            Issue.record("collect must refuse a cell without a usable record or a failure")
        } catch let CollectError.missingCells(missing) {
            #expect(missing.map(\.cell) == [cell.name] && missing[0].failure == nil)
        }
        #expect(try files(store) == before)
    }
}
