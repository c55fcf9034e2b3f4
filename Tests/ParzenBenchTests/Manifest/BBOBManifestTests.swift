import Foundation
import Parzen
import Testing
@testable import ParzenBench

/// The manifest forms of COCO's bbob functions: a fixed instance, instance 1 by default, the
/// instance following the replicate, per-problem budgets, and the refusals.
@Suite struct BBOBManifestTests {
    func parse(_ problems: String, repeats: Int = 3, budget: Int = 100) throws(ManifestError) -> Manifest {
        try Manifest(yaml: """
            name: b
            repeats: \(repeats)
            budget: \(budget)
            problems:
            \(problems)
            suggesters: [random]
            """, source: "b.yaml")
    }

    func message(_ problems: String) -> String {
        do { _ = try parse(problems); return "" } catch { return "\(error)" }
    }

    @Test func theThreeFormsAndTheirOptima() throws {
        let manifest = try parse("""
              - {function: bbob-f15, dims: 10, instance: 3}
              - {function: bbob-f15, dims: 10}
              - {function: bbob-f15, dims: 5, instance: replicate, budget: 50}
            """, repeats: 17)
        #expect(manifest.problems.map(\.label) == ["bbob-f15-10d-i3", "bbob-f15-10d", "bbob-f15-5d"])
        let fixed = try #require(manifest.problems[0].objective as? BBOBObjective)
        #expect(fixed.instances == .fixed(3))
        #expect(manifest.problems[0].knownOptimum == (try BBOBFunction(number: 15, dimension: 10, instance: 3)).optimumValue)
        #expect((manifest.problems[1].objective as? BBOBObjective)?.instances == .fixed(1))
        let cycling = try #require(manifest.problems[2].objective as? BBOBObjective)
        #expect(cycling.instances == .byReplicate)
        #expect(manifest.problems[2].knownOptimum == nil)
        #expect([0, 1, 14, 15, 16].map { cycling.instances.instance(replicate: $0) } == [1, 2, 15, 1, 2])
        for replicate in [0, 4, 15] {
            let expected = try BBOBFunction(number: 15, dimension: 5, instance: replicate % 15 + 1).optimumValue
            #expect(cycling.knownOptimum(replicate: replicate) == expected)
        }
        #expect(manifest.problems[2].budget == 50)
        #expect(manifest.cells.filter { $0.problem.label == "bbob-f15-5d" }.allSatisfy { $0.budget == 50 })
        #expect(manifest.cells.filter { $0.problem.label == "bbob-f15-10d" }.allSatisfy { $0.budget == 100 })
        #expect(ManifestLock.text(for: manifest).contains("{label: bbob-f15-5d, function: bbob-f15, dims: 5, instance: replicate, direction: minimize, budget: 50}"))
    }

    @Test func aReplicateEvaluatesItsOwnInstance() throws {
        let manifest = try parse("  - {function: bbob-f3, dims: 2, instance: replicate}", repeats: 2, budget: 5)
        for cell in manifest.cells {
            let record = try cell.execute()
            let f = try BBOBFunction(number: 3, dimension: 2, instance: cell.replicate + 1)
            for row in record.rows {
                let x = [row.assignment["x1"]!, row.assignment["x2"]!]
                #expect(row.loss == f.value(at: x))
            }
        }
    }

    @Test func badInputGetsOneLineSayingWhatIsAccepted() {
        #expect(message("  - bbob-f25").contains("accepted: bbob-f1 … bbob-f24"))
        #expect(message("  - {function: bbob-f3, dims: 4}").contains("2, 3, 5, 10, 20 or 40"))
        #expect(message("  - {function: bbob-f3, instance: 0}").contains("accepted: an instance number >= 1, or replicate"))
        #expect(message("  - {function: bbob-f3, instance: often}").contains("or replicate"))
        #expect(message("  - {function: branin, instance: 2}").contains("only bbob-f1 … bbob-f24 take an instance"))
        #expect(message("  - {function: bbob-f3, budget: 500}").contains("accepted: 1...100"))
        #expect(message("  - {function: bbob-f3, noise: 0.1}").contains("noiseless"))
        for text in [message("  - bbob-f25"), message("  - {function: bbob-f3, dims: 4}")] {
            #expect(!text.isEmpty && !text.contains("\n"))
        }
    }
}
