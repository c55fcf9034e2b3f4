import Testing
@testable import ParzenBench

/// Errors from the YAML reader itself are one line with where the problem is.
@Suite struct ManifestYAMLErrorTests {
    @Test func aControlCharacterIsNamedAtItsLineAndColumnOnOneLine() {
        let text = "name: x\nproblems:\n  - coé\u{07}ditional\nsuggesters: [random]\n"
        do {
            _ = try Manifest(yaml: text, source: "m.yaml")
            Issue.record("a control character was accepted")
        } catch {
            #expect(error.line == 3 && error.column == 8, "\(error)")
            #expect(error.message == "YAML error: control characters are not allowed (U+0007); remove the character, or write it as an escape in a double-quoted string")
            #expect(!"\(error)".contains("\n"), "\(error)")
        }
    }
}
