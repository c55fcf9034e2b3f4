import Foundation
import Parzen
import Testing
@testable import ParzenBench

/// The one JSON reader of the external protocols (``JSONReader``): suggester replies read what
/// Foundation's `JSONDecoder` read before (checked against it), objective replies what Python's
/// `json` writes.
@Suite struct ExternalJSONReaderTests {
    /// `JSONDecoder` into ``Value`` (keys sorted), for comparison; nil when it throws.
    static func foundation(_ text: String) -> Value? {
        try? JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }

    /// The same value with every object's keys sorted, as `Value.init(from:)` orders them.
    static func sortedKeys(_ value: Value) -> Value {
        switch value {
        case .list(let items): return .list(items.map(sortedKeys))
        case .record(let record):
            return .record(OrderedRecord(record.sorted { $0.key < $1.key }.map { ($0.key, sortedKeys($0.value)) }))
        default: return value
        }
    }

    static let inputs: [String] = [
        // Replies as programs write them.
        #"{"type":"ok"}"#, #"{"type": "ok"}"#, #" {"type":"exhausted"} "#, "\t{\"type\":\"ok\"}\r\n",
        #"{"type": "suggest", "assignment": {"type": 1, "b": 1.2697529872800182, "c": 7.0}}"#,
        #"{"type":"suggest","assignment":{"x":-1.1041721250560732e-05,"y":1e300,"z":-0.0,"w":0}}"#,
        #"{"type":"hello","name":"n","capabilities":["conditional","x"]}"#,
        #"{"type":"error","message":"bad \"thing\"\n\ttab \\ \/ \u00e9 \ud83d\ude00 \u0000"}"#,
        #"{"type":"error","message":{"b":[1,2.5,true,false,null],"a":{}}}"#,
        // Numbers.
        "0", "-0", "-0.0", "3.0", "3.5", "1e2", "1E5", "1e+5", "1e-2", "3.5e1", "0e0", "1e-400", "4.9e-324", "2.5e-324",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "12345678901234567890123",
        "0.1", "123456789012345678", "1.7976931348623157e308",
        "01", "-01", "1.", ".5", "+1", "-", "1e400", "-1e400", "1.5e", "1.e5", "-.5", "1e5.5", "0x10", "[1e400]", "1.7976931348623157e309",
        "NaN", "Infinity", "-Infinity", "nan", "[-]", #"{"a":-}"#,
        // Strings.
        #""\uD83D\uDE00""#, #""\u00e9""#, #""é""#, "\"\u{7F}\"", #""\/""#, #""\u0000""#, #""\uD800""#, #""\uD800\u0041""#,
        #""\uDC00""#, #"["\ud800"]"#, "\"a\tb\"", #""\x""#, #""\u00""#, #""\uGGGG""#, #""unterminated"#, #""a\"#,
        // Structure.
        "[1,]", #"{"a":1,}"#, "[1 ,]", "[1, ]", #"{"a":1 ,}"#, "[[1,],]", #"{"a":{"b":1,},}"#, "[1,,2]", "{,}", "[,]", #"{"a":1,,}"#,
        #"{"a":1,"a":2}"#, #"{"b":1,"a":2}"#, "[1 2]", #"{"a" 1}"#, #"{a:1}"#, "{} x", "", " ", "\u{0C}{}", "\u{FEFF}{}",
        "true", "tru", "nul", "false", "null", "[]", "{}", "[[[[1]]]]", #"{"a" : [ 1 , { } ] }"#, "garbage", "Loading model... done",
    ]

    @Test func suggesterRepliesReadAsJSONDecoderReadThem() {
        for input in Self.inputs {
            let ours = JSONReader.parse(input, .suggesterReply).map(Self.sortedKeys)
            #expect(ours == Self.foundation(input), "\(input.debugDescription)")
        }
        for depth in [511, 512, 513] {
            let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            #expect((JSONReader.parse(arrays, .suggesterReply) != nil) == (Self.foundation(arrays) != nil), "depth \(depth)")
            let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
            #expect((JSONReader.parse(objects, .suggesterReply) != nil) == (Self.foundation(objects) != nil), "depth \(depth)")
        }
    }

    @Test func suggesterRepliesKeepKeysInTheOrderWritten() {
        #expect(JSONReader.parse(#"{"b":1,"a":2.5,"b":3}"#, .suggesterReply) == .record(OrderedRecord([("b", .int(1)), ("a", .double(2.5))])))
    }

    @Test func objectiveRepliesReadPythonJSON() {
        func read(_ text: String) -> Value? { ObjectiveJSON.decode(text) }
        #expect(read(#"{"loss": NaN, "status": "ok"}"#)?["loss"]?.double?.isNaN == true)
        #expect(read("[Infinity, -Infinity, 1e400]") == [.double(.infinity), .double(-.infinity), .double(.infinity)])
        #expect(read(#"{"b": 3.0, "a": 3, "b": -0.0}"#) == .record(OrderedRecord([("b", .double(-0.0)), ("a", .int(3))])))
        #expect(read(#"{"b": 3.0}"#) == ["b": .double(3)])
        #expect(read(#""\ud800""#) == "\u{FFFD}")
        #expect(read(#""\ud800\u0041""#) == "\u{FFFD}A")
        #expect(read(#""\udc00x""#) == "\u{FFFD}x")
        #expect(read(#""\ud83d\ude00 \u00e9\n""#) == "😀 é\n")
        #expect(read(String(repeating: "[", count: 256) + String(repeating: "]", count: 256)) != nil)
        #expect(read(String(repeating: "[", count: 257) + String(repeating: "]", count: 257)) == nil)
        for bad in ["[1,]", #"{"a":1,}"#, "01", "1.", ".5", "+1", "-", "nan", "-NaN", "infinity", "\u{FEFF}{}", "\"a\tb\"", #""\x""#, "{} x", ""] {
            #expect(read(bad) == nil, "\(bad.debugDescription)")
        }
    }

    @Test func theEscaperAndTheReaderRoundTrip() {
        for text in ["", "plain", "quote \" backslash \\ slash /", "lines\n\r\t\u{01}\u{1F}", "é 😀 \u{7F}", "\u{2028}"] {
            let literal = ObjectiveJSON.string(text)
            #expect(JSONReader.parse(literal, .python) == .string(text), "\(literal)")
            #expect(JSONReader.parse(literal, .suggesterReply) == .string(text), "\(literal)")
            #expect(Self.foundation(literal) == .string(text), "\(literal)")
        }
    }

    @Test func replyMessagesAreUnchanged() throws {
        func message(_ line: String) -> String {
            do { _ = try ExternalProtocol.reply(line); return "no error" } catch { return error.description }
        }
        #expect(message("Loading model... done") == #"not a JSON object: "Loading model... done""#)
        #expect(message("[1]") == #"not a JSON object: "[1]""#)
        #expect(message(#"{"type":NaN}"#) == #"not a JSON object: "{\"type\":NaN}""#)
        #expect(message(String(repeating: "x", count: 250)) == "not a JSON object: \"" + String(repeating: "x", count: 200) + "…\"")
        #expect(message(#"{"kind":"ok"}"#) == #"a reply without a string "type": "{\"kind\":\"ok\"}""#)
        #expect(message(#"{"type":"maybe"}"#) == #"unknown reply type "maybe" (expected hello, suggest, exhausted, ok or error)"#)
        #expect(message(#"{"type":"suggest"}"#) == #"suggest without "assignment": "{\"type\":\"suggest\"}""#)
        #expect(message(#"{"type":"hello","capabilities":[1.0]}"#) == #"hello: "capabilities" must be a list of strings, got [1]"#)
        #expect(try ExternalProtocol.reply(#"{"type":"error","message":2.0}"#) == .error("2"))
        #expect(try ExternalProtocol.reply(#"{"type":"error"}"#) == .error("(no message)"))
    }

    @Test func suggestedAssignmentsFollowTheSpace() throws {
        let space = try SearchSpace(Space(parsing: "{x: uniform(-1, 1), c: choice(a, b)}"))
        func assignment(_ line: String) throws -> Assignment {
            guard case .suggest(let value) = try ExternalProtocol.reply(line) else { throw ExternalProtocol.ReplyError(message: "not a suggest") }
            return try ExternalProtocol.assignment(value, space: space)
        }
        // Declaration order; -0 is 0, as through JSONDecoder (whole numbers were Ints).
        let read = try assignment(#"{"type":"suggest","assignment":{"c":1.0,"x":-0.0}}"#)
        #expect(read == Assignment([("x", 0), ("c", 1)]))
        #expect(read["x"]?.sign == .plus)
        // Unknown labels last, sorted.
        #expect(try assignment(#"{"type":"suggest","assignment":{"z":1,"c":0,"y":2,"x":0.5}}"#) == Assignment([("x", 0.5), ("c", 0), ("y", 2), ("z", 1)]))
        do {
            _ = try assignment(#"{"type":"suggest","assignment":{"x":0.5,"c":"b"}}"#)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "'c' = b: expected a number (choices as option indexes)")
        }
    }

    @Test func tellMessagesAreWrittenInOnePiece() {
        let trial = Trial(id: 12, assignment: Assignment([("x", -1.1041721250560732e-05), ("label \"q\"", 3), ("é", 1e300)]), status: .ok, loss: -0.5)
        #expect(ExternalProtocol.tell(trial) == #"{"type":"tell","trial":12,"status":"ok","loss":-0.5,"assignment":{"x":-1.1041721250560732e-05,"label \"q\"":3.0,"é":1e+300}}"#)
        let failed = Trial(id: 0, assignment: Assignment(), status: .ok, loss: .nan)
        #expect(ExternalProtocol.tell(failed) == #"{"type":"tell","trial":0,"status":"ok","loss":null,"assignment":{}}"#)
        var text = JSONText()
        text.value(["a": [1, 2.5, "s", true, .null, ["n": [:]]], "b": []])
        #expect(text.text == #"{"a":[1,2.5,"s",true,null,{"n":{}}],"b":[]}"#)
    }
}
