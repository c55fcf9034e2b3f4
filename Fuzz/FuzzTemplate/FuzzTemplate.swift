// libFuzzer target: the template marker parser (`{{…}}` markers of objective templates).
//
// The input is split at its first NUL byte into a command-line template and a file template,
// read as one set (numbered in sequence). Oracle beyond "no crash": the space derived from a
// set prints to a text that `SearchSpace(parsing:)` reads back to the same text, and filling the
// templates with a point sampled from that space is at least as long as its literal pieces.
import GSLKit
import Parzen
@testable import ParzenBench

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let first = String(decoding: bytes[..<split], as: UTF8.self)
    let second = split < bytes.count ? String(decoding: bytes[(split + 1)...], as: UTF8.self) : nil
    var texts = [(text: first, source: "command[1]")]
    if let second { texts.append((second, "train.py")) }
    guard let set = try? TemplateSet(parsing: texts, requireParameters: false) else { return 0 }
    let printed = set.space.description
    guard let again = try? SearchSpace(parsing: printed, source: "printed") else {
        fatalError("the template set's space does not parse: \(printed.debugDescription)")
    }
    guard again.description == printed else {
        fatalError("the template set's space prints differently: \(printed.debugDescription) then \(again.description.debugDescription)")
    }
    let point = (try? set.space.evaluate(set.space.sample(using: MersenneTwister(seed: 1)))) ?? .null
    for template in set.templates {
        // Every marker is filled: with its sampled value, a referenced value or its literal text.
        let filled = template.filled(with: point)
        let literal = template.pieces.reduce(0) { if case .text(let text) = $1 { $0 + text.utf8.count } else { $0 } }
        precondition(filled.utf8.count >= literal)
    }
    return 0
}
