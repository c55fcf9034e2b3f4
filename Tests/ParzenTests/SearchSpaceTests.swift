import Foundation
import GSLKit
import Testing
@testable import Parzen

@Suite struct SearchSpaceTests {
    // MARK: Validation: every rule, each naming the label

    func rule(_ space: Space) -> SpaceError? {
        do { _ = try SearchSpace(space); return nil } catch { return error }
    }

    @Test func duplicateLabelsAnywhereInTheTreeAreRejected() {
        let error = rule(["a": .uniform("x", 0, 1), "b": .choice("c", [["x": .normal("x", 0, 1)]])])
        #expect(error == SpaceError(label: "x", rule: .duplicateLabel))
        #expect(error?.description.contains("'x' is used twice") == true)
        #expect(rule(.uniform("", 0, 1))?.rule == .emptyLabel)
    }

    @Test func boundsMustIncreaseEvenWhenABoundIsZero() {
        #expect(rule(.uniform("u", 0, 0))?.rule == .boundsNotIncreasing(low: 0, high: 0))
        #expect(rule(.uniform("u", 1, 0))?.rule == .boundsNotIncreasing(low: 1, high: 0))
        #expect(rule(.quniform("q", 5, 0, 1))?.label == "q")
        #expect(rule(.loguniform("l", 0, -1))?.label == "l")
        #expect(rule(.qloguniform("l", 2, 2, 1))?.label == "l")
        #expect(rule(.uniformint("i", 3, 3))?.label == "i")
        #expect(rule(.randint("r", 0))?.rule == .boundsNotIncreasing(low: 0, high: 0))
        #expect(rule(.randint("r", 5, 2))?.label == "r")
        #expect(rule(.uniform("u", 0, 1)) == nil)
    }

    @Test func randintRangesFitA32BitDraw() {
        #expect(rule(.randint("r", 0, 4_294_967_297))?.rule == .rangeTooWide(low: 0, high: 4_294_967_297))
        #expect(rule(.randint("r", Int.min, Int.max))?.rule == .rangeTooWide(low: Int.min, high: Int.max))
        #expect(rule(.randint("r", -5, 4_294_967_291)) == nil, "exactly 2^32 integers")
    }

    @Test func logBoundsMustHaveFiniteExponentials() {
        #expect(rule(.loguniform("l", 0, 1000))?.rule == .logBoundOutOfRange(low: 0, high: 1000))
        #expect(rule(.qloguniform("l", -800, 0, 1))?.label == "l")
        #expect(rule(.loguniform("l", -700, 700)) == nil)
        #expect(rule(.loguniform("l", 0, 1000))?.description.contains("natural logarithms") == true)
    }

    @Test func quantumAndSigmaMustBePositive() {
        #expect(rule(.quniform("q", 0, 1, 0))?.rule == .nonPositiveQuantum(0))
        #expect(rule(.qnormal("q", 0, 1, -1))?.rule == .nonPositiveQuantum(-1))
        #expect(rule(.normal("n", 0, 0))?.rule == .nonPositiveSigma(0))
        #expect(rule(.lognormal("n", 0, -2))?.rule == .nonPositiveSigma(-2))
        #expect(rule(.qlognormal("n", 0, 1, 0))?.rule == .nonPositiveQuantum(0))
        #expect(rule(.uniform("u", 0, .infinity))?.rule == .notFinite("high"))
        #expect(rule(.logUniform("lr", in: -1...1))?.rule == .notFinite("low"))
    }

    @Test func choicesNeedOptionsAndPchoiceProbabilitiesMustSumToOne() {
        #expect(rule(.choice("c", []))?.rule == .noOptions)
        #expect(rule(.pchoice("p", []))?.rule == .noOptions)
        #expect(rule(.pchoice("p", [(0.5, "a"), (0.4, "b")]))?.rule == .probabilitiesDoNotSumToOne(0.9))
        #expect(rule(.pchoice("p", [(1.5, "a"), (-0.5, "b")]))?.rule == .nonPositiveProbability(index: 1, value: -0.5))
        #expect(rule(.pchoice("p", [(0.3, "a"), (0.7 + 5e-10, "b")])) == nil)
        #expect(rule(.parameter(label: "p", .pchoice(["a"], probabilities: [0.5, 0.5])))?.rule == .probabilityCount(options: 1, probabilities: 2))
    }

    // MARK: Structure

    @Test func parametersAreFlattenedDepthFirstWithTheirConditions() throws {
        let space = try SearchSpace(TutorialSpaces.classifiers)
        #expect(space.labels.prefix(5) == ["classifier_type", "alpha", "C", "kernel", "gamma"])
        #expect(space.parameter("alpha")?.conditions == [Condition(label: "classifier_type", option: 0)])
        #expect(space.parameter("knn_n_neighbors")?.conditions == [Condition(label: "classifier_type", option: 3)])
        #expect(space.parameter("classifier_type")?.conditions == [])
        #expect(space.isConditional)
        let nested = try SearchSpace(.choice("a", [.choice("b", [["x": .uniform("x", 0, 1)], "none"]), "flat"]))
        #expect(nested.parameter("x")?.conditions == [Condition(label: "a", option: 0), Condition(label: "b", option: 0)])
    }

    @Test func realBoundsConvenienceMatchesHyperoptLogBounds() {
        #expect(Space.logUniform("lr", in: 1e-5...1e-1) == .loguniform("lr", log(1e-5), log(1e-1)))
    }

    // MARK: evaluate (space_eval)

    @Test func evaluateRebuildsTypedNestedValues() throws {
        let space = try SearchSpace(TutorialSpaces.classifiers)
        let svm: Assignment = ["classifier_type": 1, "C": 2.5, "kernel": 1, "gamma": 3]
        let value = try space.evaluate(svm)
        #expect(value == ["type": "svm", "C": 2.5, "kernel": "rbf", "gamma": 3.0])
        let rf: Assignment = ["classifier_type": 2, "max_depth": 4, "max_features": 0, "n_estimators": 9, "criterion": 1, "scale": 0, "normalize": 1]
        #expect(try space.evaluate(rf)["max_depth"] == .int(5))
        #expect(try space.evaluate(rf)["criterion"] == "entropy")
        // Labels not needed are ignored, as in hyperopt.
        var extra = svm
        extra["alpha"] = 1
        #expect(try space.evaluate(extra) == value)
    }

    @Test func integerKindsEvaluateToInt() throws {
        let space = try SearchSpace(["i": .uniformint("i", 1, 10), "r": .randint("r", 2, 5), "q": .quniform("q", 0, 10, 1)])
        let value = try space.evaluate(["i": 7, "r": 3, "q": 4])
        #expect(value["i"] == .int(7))
        #expect(value["r"] == .int(3))
        #expect(value["q"] == .double(4))
        #expect(throws: AssignmentError.wrongType(label: "i", value: 7.5, accepted: "an integer")) {
            try space.evaluate(["i": 7.5, "r": 3, "q": 4])
        }
    }

    @Test func evaluateRoundTripsSampledPoints() throws {
        let space = try SearchSpace(TutorialSpaces.record)
        let rng = MersenneTwister(seed: 4)
        for _ in 0..<200 {
            let point = space.sample(using: rng)
            let value = try space.evaluate(point)
            #expect(value["x"]?.double == point["x"])
            #expect(value["y"]?.double == point["y"])
            #expect(value["name"]?.string == ["alice", "bob"][Int(point["name"]!)])
        }
    }

    @Test func evaluateNamesAMissingLabel() throws {
        let space = try SearchSpace(TutorialSpaces.classifiers)
        #expect(throws: AssignmentError.missing(label: "alpha")) { try space.evaluate(["classifier_type": 0]) }
        #expect(throws: AssignmentError.self) { try space.evaluate(["classifier_type": 7]) }
    }

    // MARK: validate(assignment)

    @Test func validateRejectsMissingInactiveUnknownAndOutOfSupport() throws {
        let space = try SearchSpace(TutorialSpaces.classifiers)
        #expect(throws: AssignmentError.missing(label: "alpha")) { try space.validate(["classifier_type": 0]) }
        #expect(throws: AssignmentError.inactive(label: "C", value: 1)) { try space.validate(["classifier_type": 0, "alpha": 1, "C": 1]) }
        #expect(throws: AssignmentError.unknown(label: "zzz")) { try space.validate(["classifier_type": 0, "alpha": 1, "zzz": 1]) }
        #expect(throws: AssignmentError.self) { try space.validate(["classifier_type": 0, "alpha": 2.5]) }
        #expect(throws: AssignmentError.self) { try space.validate(["classifier_type": 0.5, "alpha": 1]) }
        try space.validate(["classifier_type": 0, "alpha": 1.5])
        let q = try SearchSpace(.quniform("q", 1, 10, 4))
        try q.validate(["q": 0])
        #expect(throws: AssignmentError.self) { try q.validate(["q": 3]) }
        #expect(throws: AssignmentError.self) { try q.validate(["q": 12]) }
    }
}
