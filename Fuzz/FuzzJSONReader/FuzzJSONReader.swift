// libFuzzer target: the protocols' JSON reader, in both dialects, and the two reply decoders
// built on it (a suggester's reply line, an objective's reply line).
//
// Oracle beyond "no crash": a value read in either dialect, written back by the objective
// protocol's writer (`ObjectiveJSON.encode`), reads again in Python's dialect and writes the
// same text (texts are compared, so NaN needs no special case).
@testable import ParzenBench

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    for dialect in [JSONReader.Dialect.suggesterReply, .python] {
        guard let value = JSONReader.parse(text, dialect) else { continue }
        let written = ObjectiveJSON.encode(value)
        guard let again = JSONReader.parse(written, .python) else {
            fatalError("written JSON does not read back: \(written.debugDescription) (from \(text.debugDescription))")
        }
        let rewritten = ObjectiveJSON.encode(again)
        guard rewritten == written else {
            fatalError("written JSON changes on a second round: \(written.debugDescription) then \(rewritten.debugDescription)")
        }
    }
    if case .suggest(let assignment)? = try? ExternalProtocol.reply(text) {
        _ = try? ExternalProtocol.assignment(assignment)
    }
    _ = ObjectiveReply.read(text)
    return 0
}
