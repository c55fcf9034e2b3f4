import Foundation
import Parzen
import Testing
@testable import ParzenBench

@Suite struct ManifestTests {
    func parse(_ yaml: String) throws(ManifestError) -> Manifest {
        try Manifest(yaml: yaml, source: "m.yaml")
    }

    func rejection(_ yaml: String) -> ManifestError? {
        do { _ = try parse(yaml); return nil } catch { return error }
    }

    let valid = """
        name: demo
        seed: 7
        repeats: 2
        budget: 20
        problems:
          - branin
          - {function: rosenbrock, dims: 5}
          - {function: rastrigin, dims: 5, noise: 0.1, label: rastrigin5-noisy}
        suggesters:
          - grid
          - random
          - {label: tpe-g15, algorithm: tpe, options: {gamma: 0.15}}
        """

    @Test func aValidManifestWithDefaultsFilledIn() throws {
        let manifest = try parse(valid)
        #expect(manifest.name == "demo" && manifest.seed == 7 && manifest.repeats == 2 && manifest.budget == 20)
        #expect(manifest.checkpoints == [10, 20])
        #expect(manifest.problems.map(\.label) == ["branin", "rosenbrock-5d", "rastrigin5-noisy"])
        #expect(manifest.problems[1].space.parameters.count == 5)
        #expect((manifest.problems[2].objective as? TestFunctionObjective)?.noise == 0.1)
        #expect(manifest.problems[0].knownOptimum == 5 / (4 * Double.pi))
        #expect(manifest.suggesters.map(\.label) == ["grid", "random", "tpe-g15"])
        #expect(manifest.suggesters[2].algorithm.options["gamma"] == .double(0.15))
        #expect(manifest.cells.count == 3 * 3 * 2)
    }

    @Test func jsonIsAcceptedToo() throws {
        let manifest = try parse(#"{"name": "j", "budget": 5, "problems": ["square"], "suggesters": ["random"]}"#)
        #expect(manifest.name == "j" && manifest.budget == 5 && manifest.checkpoints == [5])
    }

    @Test func defaultCheckpointsAreRoughlyLogSpaced() {
        #expect(Manifest.defaultCheckpoints(budget: 200) == [10, 25, 50, 100, 200])
        #expect(Manifest.defaultCheckpoints(budget: 1000) == [10, 25, 50, 100, 250, 500, 1000])
        #expect(Manifest.defaultCheckpoints(budget: 7) == [7])
    }

    @Test func unknownKeysAreRejectedWithPosition() {
        let error = rejection("name: x\nbudgt: 5\nproblems: [square]\nsuggesters: [random]\n")
        #expect(error?.line == 2 && error?.column == 1 && error?.field == "budgt")
        #expect(error?.message.contains("did you mean 'budget'?") == true)
        let nested = rejection("name: x\nproblems:\n  - {function: branin, dim: 3}\nsuggesters: [random]\n")
        #expect(nested?.field == "problems[0].dim" && nested?.line == 3)
        #expect(nested?.description.hasPrefix("m.yaml:3:") == true)
    }

    @Test func unknownFunctionAndSuggesterNamesSuggestTheNearest() {
        let function = rejection("name: x\nproblems: [branni]\nsuggesters: [random]\n")
        #expect(function?.field == "problems[0]" && function?.line == 2 && function?.message.contains("branin") == true)
        let suggester = rejection("name: x\nproblems: [branin]\nsuggesters:\n  - tep\n")
        #expect(suggester?.field == "suggesters[0]" && suggester?.line == 4 && suggester?.message.contains("did you mean 'tpe'") == true)
    }

    @Test func badOptionsNameTheOption() {
        let error = rejection("name: x\nproblems: [branin]\nsuggesters:\n  - {algorithm: tpe, options: {gama: 0.1}}\n")
        #expect(error?.field == "suggesters[0].options.gama" && error?.line == 4)
        let range = rejection("name: x\nproblems: [branin]\nsuggesters:\n  - {algorithm: tpe, options: {gamma: -1}}\n")
        #expect(range?.field == "suggesters[0].options.gamma")
    }

    @Test func duplicateLabelsAreRejected() {
        let problems = rejection("name: x\nproblems: [branin, branin]\nsuggesters: [random]\n")
        #expect(problems?.field == "problems[1]" && problems?.message.contains("duplicate problem label 'branin'") == true)
        let suggesters = rejection("name: x\nproblems: [branin]\nsuggesters: [tpe, {label: tpe, algorithm: random}]\n")
        #expect(suggesters?.field == "suggesters[1]" && suggesters?.message.contains("duplicate suggester label") == true)
    }

    @Test func budgetRepeatsAndCheckpointsAreRangeChecked() {
        #expect(rejection("name: x\nbudget: 0\nproblems: [branin]\nsuggesters: [random]\n")?.field == "budget")
        #expect(rejection("name: x\nrepeats: 0\nproblems: [branin]\nsuggesters: [random]\n")?.field == "repeats")
        #expect(rejection("name: x\nbudget: abc\nproblems: [branin]\nsuggesters: [random]\n")?.field == "budget")
        let beyond = rejection("name: x\nbudget: 50\ncheckpoints: [10, 60]\nproblems: [branin]\nsuggesters: [random]\n")
        #expect(beyond?.field == "checkpoints[1]" && beyond?.line == 3 && beyond?.message.contains("1...50") == true)
        #expect(rejection("name: x\nbudget: 50\ncheckpoints: [0]\nproblems: [branin]\nsuggesters: [random]\n")?.field == "checkpoints[0]")
        #expect(rejection("name: x\nbudget: 50\ncheckpoints: [20, 10]\nproblems: [branin]\nsuggesters: [random]\n")?.field == "checkpoints[1]")
    }

    @Test func dimensionsAndNoiseAreChecked() {
        let dims = rejection("name: x\nproblems:\n  - {function: michalewicz, dims: 3}\nsuggesters: [random]\n")
        #expect(dims?.field == "problems[0]" && dims?.message.contains("2, 5 or 10") == true)
        let noise = rejection("name: x\nproblems:\n  - {function: branin, noise: -1}\nsuggesters: [random]\n")
        #expect(noise?.field == "problems[0].noise")
    }

    @Test func missingRequiredFieldsAndBadLabels() {
        #expect(rejection("name: x\nproblems: [branin]\n")?.field == "suggesters")
        #expect(rejection("name: a/b\nproblems: [branin]\nsuggesters: [random]\n")?.field == "name")
        #expect(rejection("")?.line == 1)
        let syntax = rejection("name: x\nproblems: [branin\nsuggesters: [random]\n")
        #expect(syntax?.line != nil && syntax?.message.contains("YAML syntax error") == true)
    }
}
