import Foundation
import GSLKit
import Parzen
import Testing
@testable import ParzenBench

/// The scikit-learn k-NN worker (examples/sklearn/iris_knn_worker.py) and the native `iris-knn`
/// agree on the same settings. Needs `pip install -r examples/requirements.txt`; skipped (and
/// says so) when scikit-learn does not import.
@Suite struct ObjectiveSklearnTests {
    static let sklearnAvailable: Bool = {
        guard let output = try? ChildProcess.run(arguments: ["python3", "-c", "import sklearn"], timeout: 60) else { return false }
        return output.status.isSuccess
    }()

    @Test(.enabled(if: sklearnAvailable, "scikit-learn does not import (pip install -r examples/requirements.txt); the sklearn worker is not compared with the native iris-knn"))
    func sklearnWorkerAgreesWithNativeIrisKNN() throws {
        let root = ObjectiveScratch.repositoryRoot
        let native = try TestFunctionRegistry.function(named: "iris-knn", dimension: nil)
        let objective = ExternalObjective(worker: ["python3", root.appendingPathComponent("examples/sklearn/iris_knn_worker.py").path],
                                          space: native.space, timeout: 120)
        var session = try objective.makeSession(problemRNG: MersenneTwister(seed: 1), context: SessionContext())
        defer { session.close() }
        var compared = 0
        var largest = 0.0
        for k in [1, 2, 5, 10, 13, 26, 37, 49] {
            for scale in 0...1 {
                for normalize in 0...1 {
                    // Choice parameters store the option's index.
                    let assignment: Assignment = ["n_neighbors": Double(k - 1), "scale": Double(scale), "normalize": Double(normalize)]
                    let point = try native.space.evaluate(assignment)
                    let outcome = session.evaluate(assignment, point: point)
                    let expected = IrisKNN.lossTable[IrisKNN.index(k: k, scale: scale, normalize: normalize)]
                    let value = try #require(outcome.value, "k=\(k) scale=\(scale) normalize=\(normalize): \(outcome.message ?? "")")
                    largest = max(largest, abs(value - expected))
                    #expect(abs(value - expected) <= 1e-12, "k=\(k) scale=\(scale) normalize=\(normalize): sklearn \(value), native \(expected)")
                    compared += 1
                }
            }
        }
        #expect(compared == 32 && largest <= 1e-12)
    }
}
