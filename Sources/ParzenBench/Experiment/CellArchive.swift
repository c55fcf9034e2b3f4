import Foundation

/// The finished and failed cells of a results folder, read from its pack files
/// (results/NAME/cells/*.pack, ``CellPackRecord``) through an index built when it is opened,
/// and from cell files of the one-file-per-cell layout when the folder still has some
/// (``LegacyCells``).
///
/// Opening reads every record once and keeps, per cell key, where its record is: the first
/// intact record of a finished cell (in file-name, then file order), else the first failure.
/// A torn or corrupt record is skipped, so its cell counts as not run and runs again. An archive
/// opened for a set of keys (a run's slice) indexes only records of those keys, so its memory
/// follows the slice, not the records already in the folder.
///
/// Sendable: every stored property is set while opening and only read after, and reading a
/// record is a positioned read (`pread`) that shares no file offset, so threads may load cells
/// of one archive at once.
public final class CellArchive: @unchecked Sendable {
    /// Where a record's body and extras are.
    private struct Location: Sendable {
        var file: Int32
        var headerLength: Int32
        var bodyLength: Int32
        var extrasLength: Int32
        /// The record's offset in the file.
        var offset: Int
        var bodyOffset: Int { offset + Int(headerLength) }
        var recordLength: Int { Int(headerLength + bodyLength + extrasLength) + CellPackRecord.closingLength }
    }

    public let store: ResultStore
    private var files: [PackFile] = []
    private var finished: [UInt64: Location] = [:]
    private var failed: [UInt64: Location] = [:]
    /// Torn or corrupt records whose cell has no intact record elsewhere.
    public private(set) var damagedRecords = 0
    /// The pack file of the first damaged record of every key without an intact record.
    private var damaged: [UInt64: Int32] = [:]
    /// The one-file-per-cell layout's files under cells/, when there are any.
    public let legacy: LegacyCells?

    /// Opens `store`'s cells (none yet is fine).
    ///
    /// - Parameters:
    ///   - keys: the hashes of the keys to index (``CellPackRecord/keyHash(_:)`` of
    ///     ``CellPackRecord/key(of:)``); records of other keys are read past and not kept, and
    ///     their cells are unknown to this archive. nil (the default) indexes every record.
    ///   - threads: pack files read at once, at least 1; the index does not depend on it (files
    ///     are read in waves of `threads` and indexed in file-name order).
    /// - Complexity: reads every pack file once, O(bytes), checking every record's checksum;
    ///   the index holds about 50 bytes per indexed key, and a wave of files about 40 bytes per
    ///   record while it is indexed.
    public init(store: ResultStore, keys: Set<UInt64>? = nil, threads: Int = 1) {
        self.store = store
        let folder = store.cellsFolder.path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        legacy = LegacyCells(folder: store.cellsFolder, names: names)
        let paths = names.filter { $0.hasSuffix(".pack") && !$0.hasPrefix(".") }.map { folder + "/" + $0 }
        let threads = max(1, threads)
        var damagedKeys: [UInt64: Int32] = [:]
        var unreadable = 0
        for wave in stride(from: 0, to: paths.count, by: threads) {
            let scanned = OrderedParallelMap.map(wave..<min(wave + threads, paths.count), threads: threads) { i in
                PackFile.reading(paths[i]).map { Self.records(of: $0, keys: keys) }
            }
            for case let scanned? in scanned {
                files.append(scanned.file)
                let number = Int32(files.count - 1)
                unreadable += scanned.unreadable
                for record in scanned.records {
                    guard record.intact else {
                        if damagedKeys[record.keyHash] == nil { damagedKeys[record.keyHash] = number }
                        continue
                    }
                    var location = record.location
                    location.file = number
                    switch record.kind {
                    case .cell: if finished[record.keyHash] == nil { finished[record.keyHash] = location }
                    case .failed: if failed[record.keyHash] == nil { failed[record.keyHash] = location }
                    }
                }
            }
        }
        damaged = damagedKeys.filter { finished[$0.key] == nil }
        damagedRecords = unreadable + damaged.count
    }

    /// One pack file's records as a scan finds them, for the index.
    private struct ScannedFile: Sendable {
        let file: PackFile
        /// The records whose header reads and whose key is indexed, in file order (their
        /// location's file number is set when the file is indexed).
        var records: [(keyHash: UInt64, kind: CellPackRecord.Kind, intact: Bool, location: Location)] = []
        /// The records whose header does not read (damaged, their key unknown).
        var unreadable = 0
    }

    /// Reads one file's records (``scan(_:_:)``), keeping those of `keys` (nil: all).
    private static func records(of file: PackFile, keys: Set<UInt64>?) -> ScannedFile {
        var scanned = ScannedFile(file: file)
        scan(file) { header, offset in
            guard let header else { scanned.unreadable += 1; return }
            let keyHash = CellPackRecord.keyHash(header.key.utf8)
            if let keys, !keys.contains(keyHash) { return }
            let location = Location(file: -1, headerLength: Int32(header.fields.length), bodyLength: Int32(header.fields.bodyLength),
                                    extrasLength: Int32(header.fields.extrasLength), offset: offset)
            scanned.records.append((keyHash, header.fields.kind, header.intact, location))
        }
        return scanned
    }

    /// Calls `visit` for every record of `file` in order with its header (nil when unreadable),
    /// whether it is intact, and its offset; reading goes on after a damaged record at the next
    /// record marker.
    private static func scan(_ file: PackFile, _ visit: ((fields: CellPackRecord.Header, intact: Bool, key: String)?, Int) -> Void) {
        let size = file.size
        var offset = 0
        while offset < size {
            var bytes = file.read(at: offset, count: min(8_192, size - offset))
            guard let header = CellPackRecord.header(bytes[...]) else {
                visit(nil, offset)
                guard let next = nextMarker(in: file, after: offset, size: size) else { return }
                offset = next
                continue
            }
            let length = header.recordLength
            if length > bytes.count { bytes = file.read(at: offset, count: length) }
            let intact = bytes.count >= length && CellPackRecord.isIntact(bytes[0..<length])
            visit((header, intact, header.key), offset)
            if intact {
                offset += length
            } else {
                guard let next = nextMarker(in: file, after: offset, size: size) else { return }
                offset = next
            }
        }
    }

    /// The body (cell file) of the latest intact record of every cell name in `store`'s packs,
    /// latest by file modification time, then position; cell files of the one-file-per-cell
    /// layout for names without one. For tools that have no manifest, only the lock file
    /// (`parzen export coco`), so cannot compute a cell's key.
    static func latestBodies(in store: ResultStore) -> [String: [UInt8]] {
        let folder = store.cellsFolder.path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".pack") && !$0.hasPrefix(".") }
        func modified(_ name: String) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + name))?[.modificationDate] as? Date) ?? .distantPast
        }
        var bodies: [String: [UInt8]] = [:]
        for name in names.map({ ($0, modified($0)) }).sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }).map(\.0) {
            guard let file = PackFile.reading(folder + "/" + name) else { continue }
            scan(file) { header, offset in
                guard let header, header.intact, header.fields.kind == .cell else { return }
                let line = file.read(at: offset, count: header.fields.length)
                guard let range = line.firstRange(of: Array(" cell=".utf8)) else { return }
                let cell = String(decoding: line[range.upperBound..<(line.count - 1)], as: UTF8.self)
                bodies[cell] = file.read(at: offset + header.fields.length, count: header.fields.bodyLength)
            }
        }
        return bodies
    }

    /// The offset of the next record marker after `offset`, if any: where reading goes on after
    /// a damaged record. The marker need not begin a line: a record cut short in the middle of a
    /// file runs straight into the next one, whose header then follows the cut without a line
    /// break. A marker that is only text inside a record fails its header or its checksum, and
    /// the search goes on after it.
    private static func nextMarker(in file: PackFile, after offset: Int, size: Int) -> Int? {
        let pattern = CellPackRecord.marker
        var start = offset + 1
        while start < size {
            let bytes = file.read(at: start, count: min(1 << 16, size - start))
            if bytes.count < pattern.count { return nil }
            for i in 0...(bytes.count - pattern.count) where bytes[i] == pattern[0] && bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                return start + i
            }
            start += bytes.count - pattern.count + 1
        }
        return nil
    }

    private func location(_ cell: Cell, in table: [UInt64: Location]) -> Location? {
        table[CellPackRecord.keyHash(CellPackRecord.key(of: cell).utf8)]
    }

    /// The body and extras of a record.
    private func read(_ location: Location) -> (body: [UInt8], extras: [UInt8]) {
        let bytes = files[Int(location.file)].read(at: location.bodyOffset, count: Int(location.bodyLength + location.extrasLength))
        return (Array(bytes.prefix(Int(location.bodyLength))), Array(bytes.dropFirst(Int(location.bodyLength))))
    }

    /// The body of a record alone.
    private func readBody(_ location: Location) -> [UInt8] {
        files[Int(location.file)].read(at: location.bodyOffset, count: Int(location.bodyLength))
    }

    /// The keys the index holds a finished, failed or damaged record of.
    var indexedKeys: Int { finished.count + failed.count + damaged.count }

    /// Whether the cell has a usable record (or legacy file): its cell file parses, without
    /// building the trials' points or reading its extras, which cannot make it unusable.
    public func contains(_ cell: Cell) -> Bool { load(cell, points: false, extras: false) != nil }

    /// The finished cell, or nil when it has no usable record: not run, stale, or a record whose
    /// cell file does not parse (``CellFile/parse(_:cell:points:)``).
    ///
    /// - Parameters:
    ///   - points: whether the rows get their assignments (the points); a record is usable or
    ///     not alike either way.
    ///   - extras: whether the proposal extras stored after the cell file are read (empty
    ///     otherwise); they never make a record unusable.
    public func load(_ cell: Cell, points: Bool = true, extras: Bool = true) -> CellRecord? {
        if let location = location(cell, in: finished) {
            guard extras else { return CellFile.read(Data(readBody(location)), cell: cell, points: points) }
            let (body, extras) = read(location)
            guard var record = CellFile.read(Data(body), cell: cell, points: points) else { return nil }
            if !extras.isEmpty { record.extras = ExtrasFile.read(Data(extras), cell: cell) ?? [] }
            return record
        }
        return legacy?.load(cell, points: points)
    }

    /// Whether the cell may have a usable record: an intact record of its key, or a cell file of
    /// the one-file-per-cell layout. Parses nothing; ``load(_:points:)`` says whether it is usable.
    func mayHaveRecord(_ cell: Cell) -> Bool {
        location(cell, in: finished) != nil || legacy?.hasFile(cell) == true
    }

    /// Why the cell has no usable record: the message of its last failure, or why its record
    /// cannot be used (damaged values; not merely stale); nil when it simply has not run.
    public func failure(of cell: Cell) -> String? {
        if let location = location(cell, in: finished) {
            if case .failure(let problem) = CellFile.parse(Data(readBody(location)), cell: cell), problem != .stale {
                return "its record in \(files[Int(location.file)].path) is unusable, \(problem); run the manifest again to recompute the cell"
            }
            return nil
        }
        if let location = location(cell, in: failed) {
            return String(decoding: read(location).body, as: UTF8.self)
        }
        if let file = damaged[CellPackRecord.keyHash(CellPackRecord.key(of: cell).utf8)] {
            return "its record in \(files[Int(file)].path) is damaged (torn or edited: its checksum does not match); run the manifest again to recompute the cell"
        }
        return legacy?.failure(of: cell)
    }

    /// The raw bytes of the cell's record body (its cell file), for tests and tools.
    func body(of cell: Cell) -> [UInt8]? {
        location(cell, in: finished).map(readBody)
    }

    /// The pack file, offset and length of the cell's indexed records (finished, failed), for
    /// tests that damage or remove them.
    func recordPositions(of cell: Cell) -> [(path: String, offset: Int, length: Int)] {
        [location(cell, in: finished), location(cell, in: failed)].compactMap { $0 }.map { (files[Int($0.file)].path, $0.offset, $0.recordLength) }
    }
}
