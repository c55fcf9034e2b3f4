import Foundation
import GSLKit
import Parzen
import Testing

@testable import ParzenBench

@Suite struct HyperparameterShapedTests {
    @Test func logscaleIsTheReferenceProblem() throws {
        let f = try TestFunctionRegistry.function(named: "logscale")
        #expect(f.space.root == .logUniform("lr", in: 1e-6...1))
        #expect(f.space.root == .loguniform("lr", log(1e-6), log(1)))
        #expect(close(try f.value(at: ["lr": 1e-5]), 4, 1e-12))
        #expect(close(try f.value(at: ["lr": 1]), 9, 1e-12))
    }

    @Test func quantizedUsesTheThreeLatticeKinds() throws {
        let f = try TestFunctionRegistry.function(named: "quantized")
        #expect(f.space.parameters.map(\.distribution.kindName) == ["quniform", "qloguniform", "uniformint"])
        let rng = MersenneTwister(seed: 7)
        for _ in 0..<1000 {
            let point = f.space.sample(using: rng)
            #expect(point["width"]!.truncatingRemainder(dividingBy: 16) == 0)
            #expect(point["batch"]!.truncatingRemainder(dividingBy: 8) == 0 && point["batch"]! >= 8)
            #expect(point["layers"]!.rounded() == point["layers"]!)
        }
        #expect(try f.value(at: ["width": 160, "batch": 128, "layers": 4]) == 1 + 1 + 0.5)
    }

    @Test func mixedHasFloatsIntegersAndAChoice() throws {
        let f = try TestFunctionRegistry.function(named: "mixed")
        #expect(f.space.parameters.map(\.distribution.kindName) == ["uniform", "loguniform", "uniformint", "randint", "choice"])
        let base: Assignment = ["x": 1.5, "lr": 0.01, "units": 7, "seed": 2, "activation": 0]
        var tanh = base
        tanh["activation"] = 1
        #expect(close(try f.value(at: tanh), 0.3, 1e-12))
        var sigmoid = base
        sigmoid["activation"] = 2
        #expect(close(try f.value(at: sigmoid), 1, 1e-12))
    }

    @Test func conditionalHasTheReferenceShapeAndLabels() throws {
        let f = try TestFunctionRegistry.function(named: "conditional")
        #expect(f.space.labels == ["type", "a", "b", "c"])
        #expect(f.space.root == .choice("type", [
            ["a": .uniform("a", -5, 5)],
            ["b": .uniform("b", -5, 5), "c": .quniform("c", 0, 10, 1)],
        ]))
        #expect(f.space.isConditional)
        // Branch 0's floor is 0.5; branch 1 reaches 0.
        #expect(try f.value(at: ["type": 0, "a": 1]) == 0.5)
        #expect(try f.value(at: ["type": 0, "a": -1]) == 4.5)
        #expect(try f.value(at: ["type": 1, "b": 0, "c": 5]) == 8)
        #expect(try f.value(at: ["type": 1, "b": -2, "c": 3]) == 0)
    }

    @Test func deepConditionalNestsThreeLevelsOfChoice() throws {
        let f = try TestFunctionRegistry.function(named: "deep-conditional")
        let degree = try #require(f.space.parameter("svm_poly_degree"))
        #expect(degree.conditions.map(\.label) == ["classifier", "svm_kernel"])
        #expect(degree.conditions.map(\.option) == [1, 2])
        let gamma = try #require(f.space.parameter("svm_rbf_gamma"))
        #expect(gamma.conditions.count == 2)
        // Each leaf's best value, as documented.
        let leaves: [(Assignment, Double)] = [
            (["classifier": 0, "nb_alpha": 0.5], 0.30),
            (["classifier": 1, "svm_C": 1, "svm_kernel": 0], 0.20),
            (["classifier": 1, "svm_C": 10, "svm_kernel": 1, "svm_rbf_gamma": 0.01], 0.05),
            (["classifier": 1, "svm_C": 1, "svm_kernel": 2, "svm_poly_degree": 1, "svm_poly_coef0": 0.5], 0.15),
            (["classifier": 2, "rf_max_depth": 8, "rf_n_estimators": 200, "rf_criterion": 0], 0.10),
            (["classifier": 3, "knn_n_neighbors": 11], 0.25),
        ]
        for (assignment, best) in leaves {
            try f.space.validate(assignment)
            #expect(close(try f.value(at: assignment), best, 1e-12), "\(assignment)")
        }
        #expect(f.optimum == 0.05)
    }

    @Test func weightedChoiceUsesPchoiceWithTheOptimumInTheRareBranch() throws {
        let f = try TestFunctionRegistry.function(named: "weighted-choice")
        #expect(f.space.parameter("model")?.distribution.kindName == "pchoice")
        #expect(f.space.parameter("model")?.distribution.categoryProbabilities == [0.7, 0.2, 0.1])
        #expect(try f.value(at: ["model": 0, "common_x": 0]) == 1)
        #expect(try f.value(at: ["model": 1, "uncommon_y": 2]) == 0.25)
        #expect(try f.value(at: ["model": 2, "rare_z": 0.7]) == 0)
    }

    @Test func gaussianPriorsHaveATrueGlobalMinimumOverTheirSupports() throws {
        let f = try TestFunctionRegistry.function(named: "gaussian-priors")
        #expect(f.space.parameters.map(\.distribution.kindName) == ["normal", "qnormal", "lognormal", "qlognormal"])
        #expect(f.space.parameters.allSatisfy { $0.distribution.isUnbounded })
        // Every term is a square, zero only at the minimiser: the minimum is global over ℝ.
        #expect(try f.value(at: ["x": 1, "n": 4, "s": exp(0.5), "m": 8]) == 0)
        #expect(try f.value(at: ["x": 3, "n": 2, "s": exp(1.5), "m": 0]) == 4 + 2 + 1 + 4)
    }
}
