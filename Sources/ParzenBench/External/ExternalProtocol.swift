import Foundation
import Parzen

/// The line-delimited JSON protocol between Parzen and an external suggester program
/// (docs/external-suggesters.md). Parzen writes one JSON object per line to the program's
/// stdin; the program answers each with exactly one JSON object on one line of stdout.
public enum ExternalProtocol {
    /// The protocol version sent in `hello`.
    public static let version = 1

    /// The `hello` message: the space (text and JSON forms), seed, budget and options.
    static func hello(space: SearchSpace, seed: UInt32, budget: Int, options: OrderedRecord<Value>) -> String {
        var out = JSONText()
        out.object {
            $0.field("type") { $0.string("hello") }
            $0.field("protocol") { $0.int(version) }
            $0.field("space") { $0.string(space.description) }
            $0.field("space_json") { spaceJSON(space, into: &$0) }
            $0.field("seed") { $0.int(Int(seed)) }
            $0.field("budget") { $0.int(budget) }
            $0.field("options") { $0.value(.record(options)) }
        }
        return out.text
    }

    /// `ask` for the trial with this id.
    static func ask(trial: Int) -> String {
        var bytes: [UInt8] = []
        ask(trial: trial, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `ask`, appended to `out` as UTF-8.
    static func ask(trial: Int, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"type":"ask","trial":"#.utf8)
        out.append(contentsOf: String(trial).utf8)
        out.append(UInt8(ascii: "}"))
    }

    /// `tell`: the finished trial's status, loss (null for a failed trial) and assignment.
    static func tell(_ trial: Trial) -> String {
        var bytes: [UInt8] = []
        tell(trial, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `tell`, appended to `out` as UTF-8 (written once per trial: straight into the bytes).
    static func tell(_ trial: Trial, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"type":"tell","trial":"#.utf8)
        out.append(contentsOf: String(trial.id).utf8)
        let ok = trial.status == .ok
        out.append(contentsOf: (ok ? #","status":"ok","loss":"# : #","status":"fail","loss":"#).utf8)
        if ok, let loss = trial.loss, loss.isFinite { appendNumber(loss, to: &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: #","assignment":{"#.utf8)
        let assignment = trial.assignment
        for index in assignment.labels.indices {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(assignment.labels[index], to: &out)
            out.append(UInt8(ascii: ":"))
            appendNumber(assignment.values[index], to: &out)
        }
        out.append(contentsOf: "}}".utf8)
    }

    /// As ``JSONText/number(_:)``: shortest round-trip form, null when not finite.
    private static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        out.append(contentsOf: JSONSpelling.compact.number(value).utf8)
    }

    /// As ``JSONText/string(_:)`` (``ObjectiveJSON/string(_:)``'s escaping).
    private static func appendString(_ value: String, to out: inout [UInt8]) {
        if ObjectiveJSON.needsEscaping(value) {
            out.append(contentsOf: ObjectiveJSON.string(value).utf8)
        } else {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: value.utf8)
            out.append(UInt8(ascii: "\""))
        }
    }

    static let bye = "{\"type\":\"bye\"}"

    /// The capability a program declares in its `hello` reply (a worker: in its reply to a
    /// `hello` request) when one process may serve many searches, each begun by a new `hello`.
    public static let reuseCapability = "reuse"

    /// The JSON form of a space: its hyperparameters flattened in declaration order (depth
    /// first; a choice before the parameters inside its options), each with its kind, the
    /// kind's arguments and the choices that must be taken for it to be active.
    ///
    /// ```json
    /// {"parameters":[
    ///   {"label":"type","kind":"choice","options":2,"conditions":[]},
    ///   {"label":"a","kind":"uniform","low":-5.0,"high":5.0,"conditions":[["type",0]]}]}
    /// ```
    public static func spaceJSON(_ space: SearchSpace) -> String {
        var out = JSONText()
        spaceJSON(space, into: &out)
        return out.text
    }

    static func spaceJSON(_ space: SearchSpace, into out: inout JSONText) {
        out.object {
            $0.field("parameters") { writer in
                writer.array { array in
                    for coordinate in NumericSpace(space).coordinates {
                        array.element { parameterJSON(coordinate, into: &$0) }
                    }
                }
            }
        }
    }

    private static func parameterJSON(_ coordinate: NumericCoordinate, into out: inout JSONText) {
        out.object { object in
            object.field("label") { $0.string(coordinate.label) }
            object.field("kind") { $0.string(coordinate.distribution.kindName) }
            func number(_ key: String, _ value: Double) { object.field(key) { $0.number(value) } }
            func integer(_ key: String, _ value: Int) { object.field(key) { $0.int(value) } }
            switch coordinate.distribution {
            case .choice(let options):
                integer("options", options.count)
            case .pchoice(let options, let probabilities):
                integer("options", options.count)
                object.field("probabilities") { writer in writer.array { array in for p in probabilities { array.element { $0.number(p) } } } }
            case .randint(let low, let high), .uniformint(let low, let high):
                integer("low", low); integer("high", high)
            case .uniform(let low, let high), .loguniform(let low, let high):
                number("low", low); number("high", high)
            case .quniform(let low, let high, let q), .qloguniform(let low, let high, let q):
                number("low", low); number("high", high); number("q", q)
            case .normal(let mu, let sigma), .lognormal(let mu, let sigma):
                number("mu", mu); number("sigma", sigma)
            case .qnormal(let mu, let sigma, let q), .qlognormal(let mu, let sigma, let q):
                number("mu", mu); number("sigma", sigma); number("q", q)
            }
            object.field("conditions") { writer in
                writer.array { array in
                    for condition in coordinate.conditions {
                        array.element { element in
                            element.array { pair in
                                pair.element { $0.string(condition.label) }
                                pair.element { $0.int(condition.option) }
                            }
                        }
                    }
                }
            }
            object.field("numeric") { numericJSON(coordinate, into: &$0) }
        }
    }

    /// The parameter's numeric view (``NumericCoordinate``): `domain` (`continuous`, `lattice`
    /// with `step`, or `categorical` with `count`), `scale` (`linear` or `log`), the range
    /// `low`…`high` in values, `integer`, `truncated` (an unbounded prior cut to μ ± 4σ) and,
    /// for a quantized kind modelled as continuous, `output_q`.
    private static func numericJSON(_ coordinate: NumericCoordinate, into out: inout JSONText) {
        out.object { object in
            switch coordinate.domain {
            case .continuous:
                object.field("domain") { $0.string("continuous") }
            case .lattice(let step):
                object.field("domain") { $0.string("lattice") }
                object.field("step") { $0.number(step) }
            case .categorical(let count):
                object.field("domain") { $0.string("categorical") }
                object.field("count") { $0.int(count) }
            }
            object.field("scale") { $0.string(coordinate.scale == .log ? "log" : "linear") }
            object.field("low") { $0.number(coordinate.low) }
            object.field("high") { $0.number(coordinate.high) }
            object.field("integer") { $0.bool(coordinate.isInteger) }
            object.field("truncated") { $0.bool(coordinate.isTruncated) }
            if let q = coordinate.outputQuantum { object.field("output_q") { $0.number(q) } }
        }
    }

    /// A reply from the program, decoded.
    enum Reply: Equatable {
        case hello(name: String, capabilities: [String])
        case suggest(Value)
        case exhausted
        case ok
        case error(String)
    }

    /// Why a reply line could not be understood.
    struct ReplyError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Decodes one reply line: JSON as Foundation's `JSONDecoder` read it
    /// (``JSONReader/Dialect/suggesterReply``).
    static func reply(_ line: String) throws(ReplyError) -> Reply {
        // The line as shown in messages (built only for one).
        func shown() -> String { (line.count > 200 ? String(line.prefix(200)) + "…" : line).debugDescription }
        guard let members = JSONReader.members(line, .suggesterReply) else {
            throw ReplyError(message: "not a JSON object: \(shown())")
        }
        func field(_ key: String) -> Value? { members.first { $0.key == key }?.value }
        guard let type = field("type")?.string else {
            throw ReplyError(message: "a reply without a string \"type\": \(shown())")
        }
        switch type {
        case "hello":
            let name = field("name")?.string ?? "unnamed"
            var capabilities: [String] = []
            if let given = field("capabilities") {
                guard case .list(let items) = given, items.allSatisfy({ $0.string != nil }) else {
                    throw ReplyError(message: "hello: \"capabilities\" must be a list of strings, got \(given)")
                }
                capabilities = items.compactMap(\.string)
            }
            return .hello(name: name, capabilities: capabilities)
        case "suggest":
            guard let assignment = field("assignment") else {
                throw ReplyError(message: "suggest without \"assignment\": \(shown())")
            }
            return .suggest(assignment)
        case "exhausted": return .exhausted
        case "ok": return .ok
        case "error": return .error(field("message")?.string ?? field("message").map { "\($0)" } ?? "(no message)")
        default:
            throw ReplyError(message: "unknown reply type \(type.debugDescription) (expected hello, suggest, exhausted, ok or error)")
        }
    }

    /// The assignment of a `suggest` reply: a JSON object of label → number, in the space's
    /// declaration order (labels the space does not have last, sorted, for validation to name).
    ///
    /// - Throws: a message naming the label for a non-number value.
    static func assignment(_ value: Value, space: SearchSpace? = nil) throws(ReplyError) -> Assignment {
        guard case .record(let record) = value else {
            throw ReplyError(message: "\"assignment\" must be a JSON object of label → number, got \(value)")
        }
        func number(_ label: String, _ item: Value) throws(ReplyError) -> Double {
            switch item {
            case .int(let i): return Double(i)
            case .double(let d): return d
            default: throw ReplyError(message: "'\(label)' = \(item): expected a number (choices as option indexes)")
            }
        }
        var assignment = Assignment()
        if let space {
            var known = 0
            for parameter in space.parameters {
                guard let item = record[parameter.label] else { continue }
                assignment[parameter.label] = try number(parameter.label, item)
                known += 1
            }
            if known < record.count {
                // Sorted, the order they always had (JSONDecoder sorted them): validation names
                // the first.
                for (label, item) in record.sorted(by: { $0.key < $1.key }) where space.parameter(label) == nil {
                    assignment[label] = try number(label, item)
                }
            }
        } else {
            for (label, item) in record { assignment[label] = try number(label, item) }
        }
        return assignment
    }
}

/// A small ordered JSON writer (keys in the order written, numbers in shortest form).
struct JSONText {
    private(set) var text = ""

    mutating func null() { text += "null" }
    mutating func int(_ value: Int) { text += String(value) }
    mutating func bool(_ value: Bool) { text += value ? "true" : "false" }

    /// A finite number in shortest round-trip form; null for NaN and infinities.
    mutating func number(_ value: Double) { text += JSONSpelling.compact.number(value) }

    /// A JSON string literal (escaping shared with the objective protocols).
    mutating func string(_ value: String) { text += ObjectiveJSON.string(value) }

    mutating func value(_ value: Value) { JSONSpelling.compact.write(value, to: &text) }

    mutating func object(_ body: (inout ObjectWriter) -> Void) {
        var writer = ObjectWriter()
        body(&writer)
        text += "{" + writer.text + "}"
    }

    mutating func array(_ body: (inout ArrayWriter) -> Void) {
        var writer = ArrayWriter()
        body(&writer)
        text += "[" + writer.text + "]"
    }

    struct ObjectWriter {
        var text = ""
        mutating func field(_ key: String, _ body: (inout JSONText) -> Void) {
            var json = JSONText()
            if !text.isEmpty { json.text = "," }
            json.string(key)
            json.text += ":"
            body(&json)
            text += json.text
        }
    }

    struct ArrayWriter {
        var text = ""
        mutating func element(_ body: (inout JSONText) -> Void) {
            var json = JSONText()
            body(&json)
            text += (text.isEmpty ? "" : ",") + json.text
        }
    }
}
