import Parzen

/// The one JSON reader of the external protocols: suggester replies (``ExternalProtocol``) and
/// objective replies (``ObjectiveJSON/decode(_:)``). A recursive-descent reader over the UTF-8
/// bytes of one line, strict about the grammar (RFC 8259 numbers, escapes, literals), into a
/// ``Value`` that keeps object keys in the order written.
///
/// The two callers differ in a few points, each a field of ``Dialect``: suggester replies read
/// exactly what Foundation's `JSONDecoder` accepts and produces (so any program that works with
/// `JSONDecoder` works here), objective replies read what Python's `json` writes.
struct JSONReader {
    struct Dialect {
        /// `NaN`, `Infinity` and `-Infinity` are numbers, and a number too large for a double
        /// reads as ±infinity (Python's `json`); otherwise both are errors.
        var nonFiniteNumbers: Bool
        /// A whole number written with a fraction or an exponent (`3.0`, `1e2`, `-0.0`) reads
        /// as `.int` when it fits, as it did through `JSONDecoder` into ``Value``.
        var wholeNumbersAsInt: Bool
        /// One trailing comma before `]` or `}` is accepted (`JSONDecoder` accepts it).
        var trailingCommas: Bool
        /// A UTF-8 byte order mark before the value is skipped (`JSONDecoder` skips it).
        var byteOrderMark: Bool
        /// An unpaired surrogate escape (`\ud800`) reads as U+FFFD (Python writes one for a
        /// string holding it); otherwise it is an error.
        var replaceLoneSurrogates: Bool
        /// A repeated key keeps its last value (Python) or its first (`JSONDecoder`); either
        /// way at the key's first position.
        var lastDuplicateWins: Bool
        /// Arrays and objects nest at most this deep.
        var maximumDepth: Int

        /// Replies of external suggesters: what Foundation's `JSONDecoder` read into ``Value``.
        static let suggesterReply = Dialect(nonFiniteNumbers: false, wholeNumbersAsInt: true, trailingCommas: true, byteOrderMark: true,
                                            replaceLoneSurrogates: false, lastDuplicateWins: false, maximumDepth: 512)
        /// Replies of objective programs: JSON as Python's `json` writes it.
        static let python = Dialect(nonFiniteNumbers: true, wholeNumbersAsInt: false, trailingCommas: false, byteOrderMark: false,
                                    replaceLoneSurrogates: true, lastDuplicateWins: true, maximumDepth: 256)
    }

    /// Parses one JSON text (surrounding whitespace allowed); nil when it is not JSON.
    static func parse(_ text: String, _ dialect: Dialect) -> Value? {
        read(text, dialect) { $0.value() }
    }

    /// Parses one JSON text that is an object into its members, in the order written (a
    /// repeated key once, as the dialect says); nil when it is not JSON or not an object.
    /// The same as ``parse(_:_:)`` without building an ``OrderedRecord`` for the outer object.
    static func members(_ text: String, _ dialect: Dialect) -> [Member]? {
        read(text, dialect) { $0.peek == UInt8(ascii: "{") ? $0.objectMembers() : nil }
    }

    /// Runs `body` at the start of `text` (after a byte order mark and whitespace), and
    /// returns its result when only whitespace follows.
    @inline(__always)
    private static func read<T>(_ text: String, _ dialect: Dialect, _ body: (inout JSONReader) -> T?) -> T? {
        func run(_ bytes: UnsafeBufferPointer<UInt8>) -> T? {
            var reader = JSONReader(bytes: bytes, dialect: dialect)
            if dialect.byteOrderMark, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { reader.index = 3 }
            reader.skipSpace()
            guard let result = body(&reader) else { return nil }
            reader.skipSpace()
            guard reader.index == bytes.count else { return nil }
            return result
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(run) { return result }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer(run)
    }

    /// One member of an object (a struct, not a tuple: its metadata is static).
    struct Member {
        var key: String
        var value: Value
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let dialect: Dialect
    private var index = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect) {
        self.bytes = bytes
        self.dialect = dialect
    }

    /// The byte at `index`, or 0 at the end (a 0 byte inside the text is never valid JSON
    /// outside a string, and strings check the end themselves).
    private var peek: UInt8 { index < bytes.count ? bytes[index] : 0 }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Consumes `word` (ASCII) if it comes next.
    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let w = word.utf8Start
        for i in 0..<count where bytes[index + i] != w[i] { return false }
        index += count
        return true
    }

    private mutating func value() -> Value? {
        switch peek {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(Value.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : Value?.none
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : Value?.none
        case UInt8(ascii: "n"): return literal("null") ? .null : Value?.none
        case UInt8(ascii: "N") where dialect.nonFiniteNumbers: return literal("NaN") ? .double(.nan) : Value?.none
        case UInt8(ascii: "I") where dialect.nonFiniteNumbers: return literal("Infinity") ? .double(.infinity) : Value?.none
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return nil
        }
    }

    private mutating func object() -> Value? {
        objectMembers().map { .record(OrderedRecord($0.lazy.map { ($0.key, $0.value) })) }
    }

    private mutating func objectMembers() -> [Member]? {
        guard depth < dialect.maximumDepth else { return nil }
        index += 1; depth += 1; defer { depth -= 1 }
        var members: [Member] = []
        members.reserveCapacity(4)
        skipSpace()
        if peek == UInt8(ascii: "}") { index += 1; return members }
        while true {
            guard peek == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard peek == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            guard let item = value() else { return nil }
            if let repeated = members.firstIndex(where: { $0.key == key }) {
                if dialect.lastDuplicateWins { members[repeated].value = item }
            } else {
                members.append(Member(key: key, value: item))
            }
            skipSpace()
            switch peek {
            case UInt8(ascii: ","):
                index += 1
                skipSpace()
                if dialect.trailingCommas && peek == UInt8(ascii: "}") { index += 1; return members }
            case UInt8(ascii: "}"):
                index += 1
                return members
            default:
                return nil
            }
        }
    }

    private mutating func array() -> Value? {
        guard depth < dialect.maximumDepth else { return nil }
        index += 1; depth += 1; defer { depth -= 1 }
        var items: [Value] = []
        skipSpace()
        if peek == UInt8(ascii: "]") { index += 1; return .list(items) }
        while true {
            guard let item = value() else { return nil }
            items.append(item)
            skipSpace()
            switch peek {
            case UInt8(ascii: ","):
                index += 1
                skipSpace()
                if dialect.trailingCommas && peek == UInt8(ascii: "]") { index += 1; return .list(items) }
            case UInt8(ascii: "]"):
                index += 1
                return .list(items)
            default:
                return nil
            }
        }
    }

    /// A string literal, `index` at its opening quote. Raw control characters are errors.
    private mutating func string() -> String? {
        index += 1
        let start = index
        // The common case, no escapes: one slice of the (valid UTF-8) input.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    out.append(contentsOf: UTF8.encode(scalar)!)
                default: return nil
                }
            default:
                if byte < 0x20 { return nil }
                out.append(byte)
            }
        }
        return nil
    }

    /// The scalar of a `\u` escape (`index` after the `u`), joining a surrogate pair.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let code = hex4() else { return nil }
        switch code {
        case 0xD800..<0xDC00:
            let saved = index
            if literal("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
            }
            index = saved
            return dialect.replaceLoneSurrogates ? "\u{FFFD}" : nil
        case 0xDC00..<0xE000:
            return dialect.replaceLoneSurrogates ? "\u{FFFD}" : nil
        default:
            return Unicode.Scalar(code)
        }
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` (or `-Infinity`).
    /// An integer that fits is `.int`; anything else is converted from the exact token by the
    /// standard library (correctly rounded, locale-independent).
    private mutating func number() -> Value? {
        let start = index
        if peek == UInt8(ascii: "-") {
            index += 1
            if dialect.nonFiniteNumbers && peek == UInt8(ascii: "I") { return literal("Infinity") ? .double(-.infinity) : Value?.none }
        }
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) { reader.index += 1 }
            return reader.index - first
        }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { return nil }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { return nil }  // no leading zeros
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { return nil }
            isInteger = false
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { return nil }
            isInteger = false
        }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if isInteger, let i = Self.integer(token) { return .int(i) }
        guard let d = Double(String(decoding: token, as: UTF8.self)) else { return nil }
        if !d.isFinite && !dialect.nonFiniteNumbers { return nil }
        if dialect.wholeNumbersAsInt && !isInteger && d == d.rounded(.towardZero) && d >= -0x1p63 && d < 0x1p63 { return .int(Int(d)) }
        return .double(d)
    }

    /// An optional `-` and decimal digits as an `Int`; nil when it does not fit.
    private static func integer(_ token: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = token.first == UInt8(ascii: "-")
        var value = 0
        for byte in token.dropFirst(negative ? 1 : 0) {
            let digit = Int(byte &- UInt8(ascii: "0"))
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
        }
        return value
    }
}
