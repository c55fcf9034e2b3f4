import Foundation
import Synchronization
import Testing
import Yams
@testable import ParzenBench

/// The pack files: damaged records redone, concurrent slices, the one-file-per-cell layout read
/// and packed, and the lock file's seed derivation.
@Suite struct CellPackTests {
    static let manifestText = """
        name: p
        seed: 11
        repeats: 4
        budget: 12
        problems: [square, branin]
        suggesters: [random, {label: ipop, algorithm: cmaes, options: {restart_strategy: ipop}}]
        """

    func manifest() throws -> Manifest { try Manifest(yaml: Self.manifestText, source: "p.yaml") }

    func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-pack-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func run(_ manifest: Manifest, in folder: URL, jobs: Int = 2, shard: Shard? = nil) throws -> Runner.Report {
        try Runner(manifest: manifest, store: ResultStore(manifestName: manifest.name, base: folder),
                   options: Runner.Options(jobs: jobs, shard: shard)).run(cancellation: Cancellation())
    }

    /// Every collected file but the machine-dependent ones.
    func collected(_ manifest: Manifest, in folder: URL) throws -> [String: Data] {
        let store = ResultStore(manifestName: manifest.name, base: folder)
        try Collector(manifest: manifest, store: store).collect()
        var files: [String: Data] = [:]
        for name in ["runs.csv", "summary.csv", "trace.csv", "samples.csv", "extras.csv", "manifest.lock.yaml"] {
            files[name] = try Data(contentsOf: store.root.appendingPathComponent(name))
        }
        return files
    }

    @Test func aRecordRoundTripsAndItsHeaderIsChecked() throws {
        let cell = try manifest().cells[5]
        let bytes = CellPackRecord.bytes(kind: .cell, cell: cell, body: Array("body\n".utf8), extras: Array("x\n".utf8))
        let header = try #require(CellPackRecord.header(bytes[...]))
        #expect(header.kind == .cell && header.key == cell.fingerprint && header.bodyLength == 5 && header.extrasLength == 2)
        #expect(header.recordLength == bytes.count && CellPackRecord.isIntact(bytes[...]))
        var flipped = bytes
        flipped[header.length + 1] ^= 1
        #expect(!CellPackRecord.isIntact(flipped[...]))
        #expect(CellPackRecord.header(Array("# parzen-record 1 kind=cell key=k body=-1 extras=0 cell=a\n".utf8)[...]) == nil)
        #expect(CellPackRecord.header(Array("# parzen-record 1 kind=cell key=k body=1\n".utf8)[...]) == nil)
    }

    /// The header lines the writer makes are read in place; any line reads as the general
    /// reader of `name=value` fields reads it.
    @Test func headersReadInPlaceAsTheGeneralReaderReadsThem() throws {
        let lines = [
            "kind=cell key=0123abcd body=5 extras=2 cell=p/s/r000", "kind=failed key=0123abcd+ff body=0 extras=0 cell=p/s/r001",
            "kind=cell key=a=b body=05 extras=0 cell=", "kind=cell key=k body=+5 extras=0 cell=x", "kind=cell key=k body=-1 extras=0 cell=x",
            "key=k kind=cell body=5 extras=0 cell=x", "kind=cell key=k body=5 extras=0 cell", "kind=cell key= body=5 extras=0 cell=x",
            "kind=cell key=kö body=5 extras=0 cell=x", "kind=cell key=k\u{0600} body=5 extras=0 cell=x", "kind=cell  key=k body=5 extras=0 cell=x",
            "kind=other key=k body=5 extras=0 cell=x", "kind=cell key=k body=5 extras=0 extras=1 cell=x", "kind=cell key=k body=1234567890123456789 extras=0 cell=x",
            "kind=cell key=k body=5 extras=0 cell=x y z", "kind=cell key=k body=5 extras=0x1 cell=x", "",
        ]
        var inPlace = 0
        for line in lines {
            let bytes = Array(line.utf8)
            let any = CellPackRecord.anyHeader(bytes[...], length: bytes.count)
            if let written = CellPackRecord.writtenHeader(bytes[...], length: bytes.count) {
                inPlace += 1
                #expect(written == any, "\(line)")
            }
            #expect(CellPackRecord.header(Array(("# parzen-record 1 " + line + "\n").utf8)[...]) == any.map { header in
                var header = header
                header.length += CellPackRecord.marker.count + 1
                return header
            }, "\(line)")
        }
        #expect(inPlace == 4)
    }

    @Test func tornAndCorruptRecordsAreRedone() throws {
        let manifest = try manifest()
        let whole = folder(), damaged = folder()
        defer { try? FileManager.default.removeItem(at: whole); try? FileManager.default.removeItem(at: damaged) }
        _ = try run(manifest, in: whole)
        _ = try run(manifest, in: damaged, jobs: 1)
        let store = ResultStore(manifestName: manifest.name, base: damaged)
        let cells = manifest.cells
        // A byte flipped inside a record in the middle of the pack; the records after it stay readable.
        try store.damageRecord(of: cells[3])
        // A record cut short in the middle of the pack, in the middle of a line: the next
        // record's header follows the cut directly and is still found.
        try store.editRecord(of: cells[5]) { record in
            var cut = Array(record.prefix(record.count / 2))
            while cut.last == UInt8(ascii: "\n") { cut.removeLast() }
            return cut
        }
        // A record cut short at the end of a file: a process killed while appending.
        let last = try #require(store.cells().recordPositions(of: cells[cells.count - 1]).first)
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: last.path))
        try file.truncate(atOffset: UInt64(last.offset + last.length / 3))
        try file.close()
        let archive = store.cells()
        #expect(archive.damagedRecords == 3)
        #expect(archive.load(cells[3]) == nil && archive.load(cells[cells.count - 1]) == nil)
        #expect(cells.indices.filter { archive.load(cells[$0]) == nil } == [3, 5, cells.count - 1])
        #expect(archive.failure(of: cells[3])?.contains("damaged") == true)
        let redone = try run(manifest, in: damaged)
        #expect(redone.ran == 3 && redone.skipped == cells.count - 3)
        #expect(store.cells().damagedRecords == 0, "an intact record replaces a damaged one")
        #expect(try collected(manifest, in: whole) == (try collected(manifest, in: damaged)))
    }

    /// Pack files are read in waves of threads and indexed in file-name order: the index is the
    /// same whatever the number of threads, with damaged records and copies redone in other files.
    @Test func theIndexDoesNotDependOnTheThreads() throws {
        let manifest = try manifest()
        let base = folder()
        defer { try? FileManager.default.removeItem(at: base) }
        for slice in 1...3 { _ = try run(manifest, in: base, jobs: 1, shard: Shard("\(slice)/3")) }
        let store = ResultStore(manifestName: manifest.name, base: base)
        let cells = manifest.cells
        try store.damageRecord(of: cells[2])
        _ = try run(manifest, in: base, jobs: 2)
        try store.editRecord(of: cells[6]) { Array($0.prefix($0.count / 2)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.cellsFolder.path).filter { $0.hasSuffix(".pack") }.count == 4)
        func summary(_ archive: CellArchive) -> [String] {
            ["\(archive.damagedRecords) \(archive.indexedKeys)"] + cells.map { cell in
                "\(archive.load(cell) != nil) \(archive.failure(of: cell) ?? "-") \(archive.recordPositions(of: cell).map { "\($0.path):\($0.offset):\($0.length)" })"
            }
        }
        let one = summary(store.cells(threads: 1))
        #expect(one[0] == "1 \(cells.count)" && one[3].hasPrefix("true") && one[7].hasPrefix("false"))
        for threads in [2, 3, 8] { #expect(summary(store.cells(threads: threads)) == one) }
    }

    @Test func concurrentSlicesWriteTheirOwnFiles() throws {
        let manifest = try manifest()
        let one = folder(), sliced = folder()
        defer { try? FileManager.default.removeItem(at: one); try? FileManager.default.removeItem(at: sliced) }
        _ = try run(manifest, in: one)
        let results = Mutex([Int: Runner.Report]())
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            let report = try? run(manifest, in: sliced, jobs: 2, shard: Shard("\(i + 1)/3"))
            results.withLock { $0[i] = report }
        }
        let reports = (0..<3).map { i in results.withLock { $0[i] } }
        #expect(reports.allSatisfy { $0?.failed.isEmpty == true })
        #expect(reports.map { $0?.ran ?? 0 }.reduce(0, +) == manifest.cells.count)
        let store = ResultStore(manifestName: manifest.name, base: sliced)
        let packs = try FileManager.default.contentsOfDirectory(atPath: store.cellsFolder.path)
        // At most one file per worker (a worker that got no cell writes none), each named after its slice.
        #expect(packs.count <= reports.map { $0?.workers ?? 0 }.reduce(0, +) && packs.allSatisfy { $0.hasSuffix(".pack") })
        for i in 1...3 { #expect(packs.contains { $0.contains("-shard\(i)of3-w") }) }
        #expect(try collected(manifest, in: one) == (try collected(manifest, in: sliced)))
    }

    @Test func aSliceIndexesOnlyItsOwnCells() throws {
        let manifest = try manifest()
        let base = folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let store = ResultStore(manifestName: manifest.name, base: base)
        let slice = Runner(manifest: manifest, store: store, options: Runner.Options(jobs: 1, shard: Shard("2/4")))
        // Stale records (another seed, same name) and another slice's records: none indexed.
        var reseeded = manifest
        reseeded.seed += 1
        _ = try run(reseeded, in: base)
        _ = try run(manifest, in: base, shard: Shard("1/4"))
        #expect(store.cells().indexedKeys == manifest.cells.count / 4 + manifest.cells.count)
        #expect(slice.assignedArchive().indexedKeys == 0)
        let first = try slice.run(cancellation: Cancellation())
        #expect(first.ran == slice.assignedCells.count && first.skipped == 0)
        #expect(slice.assignedArchive().indexedKeys == slice.assignedCells.count)
        // The rest of the manifest adds records, not to the slice's index; the slice resumes as done.
        _ = try run(manifest, in: base)
        #expect(store.cells().indexedKeys == 2 * manifest.cells.count)
        #expect(slice.assignedArchive().indexedKeys == slice.assignedCells.count)
        let again = try slice.run(cancellation: Cancellation())
        #expect(again.ran == 0 && again.skipped == slice.assignedCells.count)
    }

    @Test func oneFilePerCellFoldersAreReadThenPacked() throws {
        let manifest = try manifest()
        let packed = folder(), legacy = folder()
        defer { try? FileManager.default.removeItem(at: packed); try? FileManager.default.removeItem(at: legacy) }
        _ = try run(manifest, in: packed)
        let expected = try collected(manifest, in: packed)
        // The same cells as one file each (format 1 for one of them) and extras files beside them.
        let source = ResultStore(manifestName: manifest.name, base: packed).cells()
        let store = ResultStore(manifestName: manifest.name, base: legacy)
        func url(_ cell: Cell, _ suffix: String) -> URL {
            store.cellsFolder.appendingPathComponent("\(cell.problem.label)/\(cell.suggester.label)/\(cell.replicateName).\(suffix)")
        }
        for (index, cell) in manifest.cells.enumerated() {
            let record = try #require(source.load(cell))
            var body = try #require(source.body(of: cell))
            if index == 1 {
                // Format 1 had no per-trial times: written from format 2's bytes.
                var plain = record
                plain.trialTimes = nil
                var text = String(decoding: CellFile.bytes(for: plain, cell: cell), as: UTF8.self)
                    .replacingOccurrences(of: CellFile.totalsMagic, with: CellFile.legacyMagic)
                text = String(text[..<text.range(of: " checksum=")!.lowerBound]) + "\n"
                body = Array(text.utf8)
            }
            try store.writeAtomically(body, to: url(cell, "csv"))
            if let extras = ExtrasFile.bytes(for: record, cell: cell) { try store.writeAtomically(extras, to: url(cell, "extras.csv")) }
        }
        let outcome = try Collector(manifest: manifest, store: store).collectAll()
        #expect(outcome.notes.count == 1 && outcome.notes[0].contains("one-file-per-cell"))
        #expect(try collected(manifest, in: legacy) == expected)
        // A run packs them and removes the folders; nothing runs again.
        let report = try run(manifest, in: legacy)
        #expect(report.ran == 0 && report.skipped == manifest.cells.count)
        let names = try FileManager.default.contentsOfDirectory(atPath: store.cellsFolder.path)
        #expect(names.count == 1 && names[0].hasSuffix("-migrated.pack"))
        #expect(store.cells().legacy == nil)
        #expect(try collected(manifest, in: legacy) == expected)
    }

    @Test func theLockFileDerivesEverySeed() throws {
        let manifest = try Manifest(yaml: Self.manifestText.replacingOccurrences(of: "repeats: 4", with: "repeats: 30"), source: "p.yaml")
        let text = ManifestLock.text(for: manifest)
        #expect(!text.contains("\ncells:\n") && text.split(separator: "\n").count < 40)
        let lock = try #require(try Yams.compose(yaml: text))
        let seed = try #require(lock["seed"]?.string.flatMap { UInt64($0) })
        let repeats = try #require(lock["repeats"]?.int)
        let problems = (lock["problems"]?.sequence ?? []).compactMap { $0["label"]?.string }
        let suggesters = (lock["suggesters"]?.sequence ?? []).compactMap { $0["label"]?.string }
        #expect(lock["cell_count"]?.int == problems.count * suggesters.count * repeats)
        #expect(lock["seeds"]?["salted"]?.sequence?.isEmpty == true)
        // Derived again from the lock alone, in its cell order, then checked against its digest.
        var derived: [(name: String, problemSeed: UInt32, suggesterSeed: UInt32)] = []
        for problem in problems {
            for suggester in suggesters {
                for replicate in 0..<repeats {
                    derived.append(("\(problem)/\(suggester)/r\(String(format: "%03d", replicate))",
                                    SeedDerivation.seed(manifestSeed: seed, role: .problem, problem: problem, suggester: "", replicate: replicate),
                                    SeedDerivation.seed(manifestSeed: seed, role: .suggester, problem: problem, suggester: suggester, replicate: replicate)))
                }
            }
        }
        let cells = manifest.cells
        #expect(derived.map(\.name) == cells.map(\.name))
        #expect(derived.map(\.problemSeed) == cells.map(\.problemSeed) && derived.map(\.suggesterSeed) == cells.map(\.suggesterSeed))
        var digest = SeedDerivation.fnv1a64([])
        for (cell, seeds) in zip(cells, derived) {
            digest = SeedDerivation.fnv1a64(Array("\(seeds.name) \(seeds.problemSeed) \(seeds.suggesterSeed) \(cell.fingerprint)\n".utf8), continuing: digest)
        }
        #expect(lock["seeds"]?["digest"]?.string == SeedDerivation.fingerprint(hash: digest))
        // Another seed gives another digest.
        var other = manifest
        other.seed += 1
        #expect(ManifestLock.text(for: other) != text)
    }
}
