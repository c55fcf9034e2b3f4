import Parzen

/// README.md's snippet ("The library, as a hyperopt user knows it"), as written there.
func readmeExample() throws {
    let space: Space = .choice("classifier_type", [
        ["type": "naive_bayes", "alpha": .uniform("alpha", 0, 2)],
        ["type": "svm", "C": .uniform("C", 0, 10), "kernel": .choice("kernel", ["linear", "rbf"])],
        ["type": "knn", "n_neighbors": .uniformint("n_neighbors", 1, 50)],
    ])

    // Stands in for training and scoring a model: point["type"] is "svm", point["C"] a Double,
    // point["n_neighbors"] an Int …
    func loss(for point: Value) -> Double {
        switch point["type"]!.string! {
        case "naive_bayes": return 0.3 + abs(point["alpha"]!.double! - 1) / 10
        case "svm": return 0.2 + abs(point["C"]!.double! - 3) / 50 + (point["kernel"] == "rbf" ? 0 : 0.05)
        default: return 0.1 + Double(abs(point["n_neighbors"]!.int! - 7)) / 100
        }
    }

    var trials = Trials()
    let result = try fmin({ point in
        return loss(for: point)
    }, space: space, algorithm: .tpe, maxEvals: 100, trials: &trials, seed: 42)

    print(result.point!)    // the best point, choices as values: {type: knn, n_neighbors: 7}
    print(result.argmin!)   // hyperopt's argmin, choices as indexes: {classifier_type: 2, n_neighbors: 7}
    print(trials.best!)     // trial 32: ok, loss 0.1, {classifier_type: 2, n_neighbors: 7}
    print(trials.bestLoss!, trials.finiteLosses.count, trials.statuses.filter { $0 == .ok }.count)  // 0.1 100 100
}
