// libFuzzer target: the space text parser (`Space(parsing:)`, `SearchSpace(parsing:)`).
//
// Oracle beyond "no crash": a text that parses prints (`description`) to a text that parses
// again and prints the same, and a compiled space samples a point that it accepts and evaluates.
// Inputs nested deeper than `maximumNesting` brackets are skipped: the recursive-descent
// parser's depth limit is a validation rule of its own, not this target's subject.
import GSLKit
import Parzen

let maximumNesting = 48

/// The deepest nesting of `{`, `[` and `(` in `bytes` (quotes ignored: an over-estimate is safe).
func nesting(_ bytes: UnsafeRawBufferPointer) -> Int {
    var depth = 0, deepest = 0
    for byte in bytes {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "("): depth += 1; deepest = max(deepest, depth)
        case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"): depth = max(0, depth - 1)
        default: break
        }
    }
    return deepest
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpaceParser(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard nesting(bytes) <= maximumNesting else { return -1 }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let space = try? Space(parsing: text, source: "fuzz") else { return 0 }
    let printed = space.description
    guard let again = try? Space(parsing: printed, source: "printed") else {
        fatalError("the printed form does not parse: \(printed.debugDescription) (from \(text.debugDescription))")
    }
    guard again.description == printed else {
        fatalError("printing is not stable: \(printed.debugDescription) then \(again.description.debugDescription)")
    }
    guard let compiled = try? SearchSpace(parsing: text, source: "fuzz") else { return 0 }
    let point = compiled.sample(using: MersenneTwister(seed: 1))
    do {
        try compiled.validate(point)
        _ = try compiled.evaluate(point)
    } catch {
        fatalError("a sampled point is rejected: \(error) (space \(printed.debugDescription), point \(point))")
    }
    return 0
}
