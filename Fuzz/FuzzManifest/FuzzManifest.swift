// libFuzzer target: the manifest reader (`Manifest(yaml:source:)`: YAML through Yams, then the
// field-by-field validation), and for a manifest that validates, its cells and lock file text.
//
// Skipped inputs, each the subject of a validation limit rather than of this target: more than
// `maximumAliases` YAML aliases (alias expansion bombs) and manifests of more than
// `maximumCells` cells. Deep spaces meet the space parser's own depth limit.
@testable import ParzenBench

let maximumAliases = 4
let maximumCells = 10_000

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let aliases = bytes.count { $0 == UInt8(ascii: "*") }
    guard aliases <= maximumAliases else { return -1 }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let manifest = try? Manifest(yaml: text, source: "fuzz.yaml") else { return 0 }
    let (cells, overflow) = manifest.repeats.multipliedReportingOverflow(by: manifest.problems.count * manifest.suggesters.count)
    guard !overflow, cells <= maximumCells else { return 0 }
    let lock = ManifestLock.text(for: manifest)
    precondition(manifest.cells.count == cells && lock.hasSuffix("\n"))
    return 0
}
