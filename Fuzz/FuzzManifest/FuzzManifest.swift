// libFuzzer target: the manifest reader (`Manifest(yaml:source:)`: YAML through Yams, then the
// field-by-field validation), and for a manifest that validates, its cells and lock file text.
//
// Skipped inputs, each the subject of a validation limit rather than of this target: more than
// `maximumAliases` YAML aliases (alias expansion bombs), brackets nested deeper than
// `maximumNesting` (deep spaces), and manifests of more than `maximumCells` cells.
@testable import ParzenBench

let maximumAliases = 4
let maximumNesting = 48
let maximumCells = 10_000

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    var aliases = 0, depth = 0, deepest = 0
    for byte in bytes {
        switch byte {
        case UInt8(ascii: "*"): aliases += 1
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "("): depth += 1; deepest = max(deepest, depth)
        case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"): depth = max(0, depth - 1)
        default: break
        }
    }
    guard aliases <= maximumAliases, deepest <= maximumNesting else { return -1 }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let manifest = try? Manifest(yaml: text, source: "fuzz.yaml") else { return 0 }
    let (cells, overflow) = manifest.repeats.multipliedReportingOverflow(by: manifest.problems.count * manifest.suggesters.count)
    guard !overflow, cells <= maximumCells else { return 0 }
    let lock = ManifestLock.text(for: manifest)
    precondition(manifest.cells.count == cells && lock.hasSuffix("\n"))
    return 0
}
