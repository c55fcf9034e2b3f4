import Foundation
import Testing
@testable import ParzenBench

/// Hostile manifests fail validation with a message naming the limit, before anything is
/// allocated for them.
@Suite struct ManifestLimitsTests {
    func message(_ yaml: String) -> String {
        do {
            _ = try Manifest(yaml: yaml, source: "m.yaml")
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test func anAliasBombIsRefusedByItsExpandedSize() {
        // 9^9 leaves from a few lines: the reader would walk every copy.
        var lines = ["name: bomb", "repeats: 1", "budget: 5", "problems: [branin]", "suggesters:",
                     "  - algorithm: random", "    label: r", "    options:", "      a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 {
            lines.append("      a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]")
        }
        let text = message(lines.joined(separator: "\n") + "\n")
        #expect(text.contains("expands to more than 1000000 YAML nodes (the limit)"), "\(text)")
    }

    @Test func repeatsAndBudgetHaveLimits() {
        #expect(message("name: r\nrepeats: 100000000\nbudget: 5\nproblems: [branin]\nsuggesters: [random]\n")
            == "m.yaml:2:10: repeats: must be at most 1000000 (the limit), got 100000000")
        #expect(message("name: b\nrepeats: 1\nbudget: 1000000000000\nproblems: [branin]\nsuggesters: [random]\n")
            == "m.yaml:3:9: budget: must be at most 100000000 (the limit), got 1000000000000")
    }

    @Test func repeatsTimesBudgetIsCheckedAgainstMemory() {
        let text = message("name: m\nrepeats: 1000000\nbudget: 100000000\nproblems: [branin]\nsuggesters: [random]\n")
        #expect(text.hasPrefix("m.yaml:3:9: budget: repeats × budget: 1 problems × 1 suggesters × 1000000 repeats × 100000000 evaluations need about "), "\(text)")
        #expect(text.hasSuffix("; lower repeats or budget"))
    }

    @Test func integerRangesBeyond32BitsAreRefused() {
        let text = message("name: ri\nrepeats: 1\nbudget: 5\nproblems:\n  - {label: w, protocol: worker, command: [sh, w.sh], space: \"{x: randint(0, 4294967297)}\"}\nsuggesters: [random]\n")
        #expect(text.contains("randint(0, 4294967297) spans more than 2^32 = 4294967296 integers (the limit"), "\(text)")
    }

    @Test func deepSpacesFailFastWithTheLimit() {
        for depth in [2_000, 10_000] {
            let space = String(repeating: "{a: ", count: depth) + "uniform(0, 1)" + String(repeating: "}", count: depth)
            let text = message("name: d\nrepeats: 1\nbudget: 5\nproblems:\n  - {label: w, protocol: worker, command: [sh, w.sh], space: \"\(space)\"}\nsuggesters: [random]\n")
            #expect(text.contains("the space nests deeper than 100 records, lists and calls (the limit)"), "\(text.prefix(300))")
        }
    }

    @Test func longLabelsAreRefusedAtValidation() {
        let label = String(repeating: "a", count: 300)
        #expect(message("name: l\nrepeats: 1\nbudget: 5\nproblems: [branin]\nsuggesters:\n  - {algorithm: random, label: \(label)}\n")
            == "m.yaml:6:32: suggesters[0].label: the label is 300 characters long; at most 100 (it names folders)")
        #expect(message("name: \(label)\nrepeats: 1\nbudget: 5\nproblems: [branin]\nsuggesters: [random]\n").contains("at most 100"))
    }

    @Test func loguniformBoundsAreLogarithms() {
        let text = message("name: lu\nrepeats: 1\nbudget: 5\nproblems:\n  - {label: w, protocol: worker, command: [sh, w.sh], space: \"{x: loguniform(0, 1000)}\"}\nsuggesters: [random]\n")
        #expect(text.contains("are natural logarithms (hyperopt's convention) and must lie in [-744, 709]"), "\(text)")
    }
}
