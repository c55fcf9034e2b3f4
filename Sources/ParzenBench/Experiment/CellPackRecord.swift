import Foundation

/// One record of a pack file (docs/results.md, "Cell packs"): a finished cell (its cell-file
/// bytes, ``CellFile``, and its proposal extras, ``ExtrasFile``) or a failed cell's message,
/// between a header line and a closing line whose checksum covers every byte before it:
///
///     # parzen-record 1 kind=cell key=KEY body=B extras=E cell=NAME\n
///     B bytes of body, E bytes of extras
///     # parzen-record-end checksum=C\n
///
/// KEY is the cell's fingerprint, with `+` and the programs' hash when it runs external programs
/// (``key(of:)``); NAME is `problem/suggester/rNNN`, for people reading the file.
enum CellPackRecord {
    enum Kind: String, Sendable {
        case cell
        case failed
    }

    /// What a header line says.
    struct Header: Equatable {
        var kind: Kind
        var key: String
        var bodyLength: Int
        var extrasLength: Int
        /// The header line's length, newline included.
        var length: Int
        /// The whole record's length: header, body, extras and closing line.
        var recordLength: Int { length + bodyLength + extrasLength + closingLength }
    }

    static let marker = Array("# parzen-record 1 ".utf8)
    static let closingPrefix = Array("# parzen-record-end checksum=".utf8)
    /// The closing line's length: its prefix, 16 hex digits and the newline.
    static let closingLength = closingPrefix.count + 17
    /// A header line is never longer (labels are short; the cell name is last).
    static let maximumHeaderLength = 4_096

    /// The key a cell's records are found by: what its cell file's fingerprint line holds.
    static func key(of cell: Cell) -> String {
        cell.programHash.map { "\(cell.fingerprint)+\($0)" } ?? cell.fingerprint
    }

    /// The 64-bit hash of a key that the pack index stores instead of the text.
    static func keyHash<C: Collection>(_ key: C) -> UInt64 where C.Element == UInt8 {
        SeedDerivation.splitMix64Finalizer(SeedDerivation.fnv1a64(Array(key)))
    }

    /// A whole record's bytes.
    static func bytes(kind: Kind, cell: Cell, body: [UInt8], extras: [UInt8] = []) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.count + extras.count + 200)
        bytes.append(contentsOf: marker)
        bytes.append(contentsOf: "kind=\(kind.rawValue) key=\(key(of: cell)) body=\(body.count) extras=\(extras.count) cell=\(cell.name)\n".utf8)
        bytes.append(contentsOf: body)
        bytes.append(contentsOf: extras)
        let checksum = CellFile.checksum(bytes)
        bytes.append(contentsOf: closingPrefix)
        bytes.append(contentsOf: checksum.utf8)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The header at the start of `bytes`; nil when they do not begin with a well-formed one.
    static func header(_ bytes: ArraySlice<UInt8>) -> Header? {
        guard bytes.count > marker.count, bytes.starts(with: marker),
              let newline = bytes.prefix(maximumHeaderLength).firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return writtenHeader(bytes[(bytes.startIndex + marker.count)..<newline], length: newline - bytes.startIndex + 1)
            ?? anyHeader(bytes[(bytes.startIndex + marker.count)..<newline], length: newline - bytes.startIndex + 1)
    }

    /// The header line (after the marker) in the layout ``bytes(kind:cell:body:extras:)`` writes,
    /// read in place: `kind=K key=KEY body=B extras=E cell=` with a known kind, a key of ASCII
    /// without spaces and lengths of digits alone; nil for anything else, which
    /// ``anyHeader(_:length:)`` then reads (the two agree on every line this one reads).
    static func writtenHeader(_ line: ArraySlice<UInt8>, length: Int) -> Header? {
        var i = line.startIndex
        func expect(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard line.endIndex - i >= count else { return false }
            for k in 0..<count where line[i + k] != text.utf8Start[k] { return false }
            i += count
            return true
        }
        func token() -> ArraySlice<UInt8> {
            let start = i
            while i < line.endIndex && line[i] != UInt8(ascii: " ") { i += 1 }
            return line[start..<i]
        }
        func count(_ digits: ArraySlice<UInt8>) -> Int? {
            guard (1...18).contains(digits.count) else { return nil }
            var value = 0
            for byte in digits {
                guard byte &- UInt8(ascii: "0") < 10 else { return nil }
                value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            }
            return value
        }
        guard expect("kind="), let kind = Kind(rawValue: String(decoding: token(), as: UTF8.self)), expect(" key=") else { return nil }
        let key = token()
        guard !key.isEmpty, key.allSatisfy({ $0 < 0x80 }), expect(" body="), let body = count(token()), expect(" extras="), let extras = count(token()),
              expect(" cell=") else { return nil }
        return Header(kind: kind, key: String(decoding: key, as: UTF8.self), bodyLength: body, extrasLength: extras, length: length)
    }

    /// Any header line (after the marker): four `name=value` fields, then `cell=` and the rest.
    static func anyHeader(_ bytes: ArraySlice<UInt8>, length: Int) -> Header? {
        let line = String(decoding: bytes, as: UTF8.self)
        var fields: [Substring: Substring] = [:]
        var rest = Substring(line)
        // kind, key, body, extras, then cell= which takes the rest of the line.
        for _ in 0..<4 {
            guard let space = rest.firstIndex(of: " ") else { return nil }
            let pair = rest[..<space].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[pair[0]] = pair[1]
            rest = rest[rest.index(after: space)...]
        }
        guard rest.hasPrefix("cell="), let kind = fields["kind"].flatMap({ Kind(rawValue: String($0)) }), let key = fields["key"],
              let body = fields["body"].flatMap({ Int($0) }), let extras = fields["extras"].flatMap({ Int($0) }),
              body >= 0, extras >= 0 else { return nil }
        return Header(kind: kind, key: String(key), bodyLength: body, extrasLength: extras, length: length)
    }

    /// Whether `record` (exactly ``Header/recordLength`` bytes) closes with the checksum of
    /// its content.
    static func isIntact(_ record: ArraySlice<UInt8>) -> Bool {
        guard record.count >= closingLength else { return false }
        let closing = record.suffix(closingLength)
        guard closing.starts(with: closingPrefix), closing.last == UInt8(ascii: "\n") else { return false }
        let stored = closing.dropFirst(closingPrefix.count).dropLast()
        return Array(stored) == Array(CellFile.checksum(record.dropLast(closingLength)).utf8)
    }
}
