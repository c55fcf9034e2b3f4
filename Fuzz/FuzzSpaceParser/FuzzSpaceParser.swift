// libFuzzer target: the space text parser (`Space(parsing:)`, `SearchSpace(parsing:)`).
//
// Oracle beyond "no crash": a text that parses prints (`description`) to a text that parses
// again and prints the same, and a compiled space samples a point that it accepts and evaluates.
// Deep nesting meets the parser's own depth limit, which fails before recursing further.
import GSLKit
import Parzen

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpaceParser(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
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
