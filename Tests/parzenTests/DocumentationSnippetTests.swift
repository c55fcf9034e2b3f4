import Foundation
import ParzenTestSupport
import Testing

/// The Swift snippets of README.md and docs/library.md are the `library-guide` executable's
/// source (examples/library): every snippet appears there line for line, so the build compiles
/// it, and the program's output is pinned.
@Suite struct DocumentationSnippetTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let documents = ["README.md", "docs/library.md"]
    static let examples = repository.appendingPathComponent("examples/library")

    /// The ```swift blocks of a Markdown document.
    static func swiftBlocks(in text: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```swift" {
                current = []
            } else if current != nil, trimmed == "```" {
                blocks.append(current!)
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    /// Lines without indentation, blank lines and imports (a snippet's imports are at the top of
    /// the example file, its body inside a function).
    static func normalized(_ lines: [String]) -> [String] {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("import ") }
    }

    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    @Test(arguments: documents) func everySwiftSnippetIsCompiledByTheExamplesTarget(document: String) throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent(document), encoding: .utf8)
        // Manifest fragments (`// Package.swift`) are built by CI's separate package instead.
        let blocks = Self.swiftBlocks(in: text).filter { $0.first?.hasPrefix("// Package.swift") != true }
        #expect(!blocks.isEmpty, "\(document) has no Swift snippet")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter { $0.hasSuffix(".swift") }
        let sources = try files.map { Self.normalized(try String(contentsOf: Self.examples.appendingPathComponent($0), encoding: .utf8).components(separatedBy: "\n")) }
        for block in blocks {
            let lines = Self.normalized(block)
            #expect(sources.contains { Self.contains($0, lines) },
                    "a snippet of \(document) is not in examples/library/*.swift as written:\n\(block.joined(separator: "\n"))")
        }
    }

    @Test func theExamplesPrintTheirExpectedOutput() throws {
        let run = try TestSupport.run(TestSupport.productPath("library-guide"), [])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try String(contentsOf: Self.examples.appendingPathComponent("expected-output.txt"), encoding: .utf8)
        #expect(run.stdout == expected)
    }
}
