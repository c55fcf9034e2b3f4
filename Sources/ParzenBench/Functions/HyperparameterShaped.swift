import Foundation
import Parzen

// Synthetic objectives over spaces shaped like real hyperparameter searches: log scales,
// quantized and integer parameters, categorical choices, conditional (nested) branches,
// weighted choices and unbounded priors. Each is a sum of simple terms whose global minimum is
// known exactly; they are Parzen's own definitions (the first two follow the reference
// reference measurements of hyperopt and Optuna).

private let parzenSource = "Parzen benchmark suite (synthetic, defined here)"

extension TestFunctionRegistry {
    /// `logscale`: f(lr) = (log10 lr + 3)², lr ~ loguniform over [1e-6, 1]; minimum 0 at lr = 1e-3.
    static let logscale = TestFunctionDescriptor(
        key: "logscale", summary: "(log10 lr + 3)^2, lr log-uniform over [1e-6, 1]", dimensions: .fixed(1)
    ) { _ in
        TestFunction(
            key: "logscale", dimension: 1, space: try! SearchSpace(.logUniform("lr", in: 1e-6...1)),
            optimum: 0, minimizers: [["lr": 1e-3]],
            source: parzenSource + "; the learning-rate problem of the reference benchmark",
            evaluate: { point in
                let t = log10(point.double ?? .nan) + 3
                return t * t
            })
    }

    /// `quantized`: width ~ quniform(16, 512, 16), batch ~ qloguniform over [8, 1024] with q = 8,
    /// layers ~ uniformint(1, 8);
    /// f = ((width − 96)/64)² + (log2 batch − 6)² + ½(layers − 3)²; minimum 0 at
    /// (width 96, batch 64, layers 3), a point on every lattice.
    static let quantized = TestFunctionDescriptor(
        key: "quantized", summary: "smooth bowl over quniform, qloguniform and uniformint lattices", dimensions: .fixed(3)
    ) { _ in
        let space: Space = [
            "width": .quniform("width", 16, 512, 16),
            "batch": .qlogUniform("batch", in: 8...1024, q: 8),
            "layers": .uniformint("layers", 1, 8),
        ]
        return TestFunction(
            key: "quantized", dimension: 3, space: try! SearchSpace(space),
            optimum: 0, minimizers: [["width": 96, "batch": 64, "layers": 3]], source: parzenSource,
            evaluate: { point in
                let w = (PointReader.number(point, "width") - 96) / 64
                let b = log2(PointReader.number(point, "batch")) - 6
                let l = PointReader.number(point, "layers") - 3
                return w * w + b * b + 0.5 * l * l
            })
    }

    /// `mixed`: x ~ uniform(−5, 5), lr ~ loguniform over [1e-4, 1e-1], units ~ uniformint(1, 10),
    /// seed ~ randint(5), activation ~ choice(relu, tanh, sigmoid);
    /// f = (x − 1.5)² + (log10 lr + 2)² + 0.1(units − 7)² + 0.2|seed − 2| + penalty(activation)
    /// with penalties relu 0, tanh 0.3, sigmoid 1; minimum 0 at (1.5, 0.01, 7, 2, relu).
    static let mixed = TestFunctionDescriptor(
        key: "mixed", summary: "floats, a log scale, integers and a categorical choice together", dimensions: .fixed(5)
    ) { _ in
        let space: Space = [
            "x": .uniform("x", -5, 5),
            "lr": .logUniform("lr", in: 1e-4...1e-1),
            "units": .uniformint("units", 1, 10),
            "seed": .randint("seed", 5),
            "activation": .choice("activation", ["relu", "tanh", "sigmoid"]),
        ]
        return TestFunction(
            key: "mixed", dimension: 5, space: try! SearchSpace(space),
            optimum: 0, minimizers: [["x": 1.5, "lr": 0.01, "units": 7, "seed": 2, "activation": 0]],
            source: parzenSource,
            evaluate: { point in
                let x = PointReader.number(point, "x") - 1.5
                let lr = log10(PointReader.number(point, "lr")) + 2
                let units = PointReader.number(point, "units") - 7
                let seed = abs(PointReader.number(point, "seed") - 2)
                let penalty: Double
                switch point["activation"]?.string {
                case "relu": penalty = 0
                case "tanh": penalty = 0.3
                case "sigmoid": penalty = 1
                default: penalty = .nan
                }
                return x * x + lr * lr + 0.1 * units * units + 0.2 * seed + penalty
            })
    }

    /// `conditional`: choice('type', [{a: uniform(−5, 5)}, {b: uniform(−5, 5), c: quniform(0, 10, 1)}]);
    /// f = (a − 1)² + 0.5 in branch 0 (a floor of 0.5), (b + 2)² + (c − 3)² in branch 1;
    /// minimum 0 at (type 1, b −2, c 3). The root is the choice itself, as in the reference benchmark.
    static let conditional = TestFunctionDescriptor(
        key: "conditional", summary: "two branches; the easy one has a floor of 0.5, the other reaches 0",
        dimensions: .fixed(4)
    ) { _ in
        let space: Space = .choice("type", [
            ["a": .uniform("a", -5, 5)],
            ["b": .uniform("b", -5, 5), "c": .quniform("c", 0, 10, 1)],
        ])
        return TestFunction(
            key: "conditional", dimension: 4, space: try! SearchSpace(space),
            optimum: 0, minimizers: [["type": 1, "b": -2, "c": 3]],
            source: parzenSource + "; the conditional problem of the reference benchmark",
            evaluate: { point in
                if let a = point["a"]?.double { return (a - 1) * (a - 1) + 0.5 }
                let b = PointReader.number(point, "b") + 2, c = PointReader.number(point, "c") - 3
                return b * b + c * c
            })
    }

    /// `deep-conditional`: the hyperopt tutorial's classifier-type space, three levels of nested
    /// choice (classifier → svm kernel → poly degree), each leaf a synthetic error surface:
    ///
    /// | branch | loss | best |
    /// |---|---|---|
    /// | naive_bayes{nb_alpha ~ U(0, 1)} | 0.30 + 0.1(α − 0.5)² | 0.30 |
    /// | svm{svm_C ~ logU[1e-3, 1e3]}, kernel linear | 0.20 + 0.05(log10 C)² | 0.20 |
    /// | svm, kernel rbf{svm_rbf_gamma ~ logU[1e-5, 10]} | 0.05 + 0.04(log10 C − 1)² + 0.04(log10 γ + 2)² | **0.05** |
    /// | svm, kernel poly{svm_poly_degree ∈ {2, 3, 4}, svm_poly_coef0 ~ U(0, 1)} | 0.15 + {0.05, 0, 0.08} + 0.02(log10 C)² + 0.1(coef0 − 0.5)² | 0.15 |
    /// | randomforest{rf_max_depth ~ uniformint(1, 20), rf_n_estimators ~ quniform(10, 500, 10), rf_criterion ∈ {gini, entropy}} | 0.10 + 0.002(depth − 8)² + ((n − 200)/500)² + {0, 0.01} | 0.10 |
    /// | knn{knn_n_neighbors ~ uniformint(1, 50)} | 0.25 + 0.001(k − 11)² | 0.25 |
    ///
    /// Minimum 0.05 at svm, rbf, C = 10, γ = 0.01.
    static let deepConditional = TestFunctionDescriptor(
        key: "deep-conditional", summary: "classifier-type space, three levels of nested choice", dimensions: .fixed(11)
    ) { _ in
        let space: Space = [
            "classifier": .choice("classifier", [
                ["type": "naive_bayes", "alpha": .uniform("nb_alpha", 0, 1)],
                [
                    "type": "svm",
                    "C": .logUniform("svm_C", in: 1e-3...1e3),
                    "kernel": .choice("svm_kernel", [
                        ["ktype": "linear"],
                        ["ktype": "rbf", "gamma": .logUniform("svm_rbf_gamma", in: 1e-5...10)],
                        [
                            "ktype": "poly",
                            "degree": .choice("svm_poly_degree", [2, 3, 4]),
                            "coef0": .uniform("svm_poly_coef0", 0, 1),
                        ],
                    ]),
                ],
                [
                    "type": "randomforest",
                    "max_depth": .uniformint("rf_max_depth", 1, 20),
                    "n_estimators": .quniform("rf_n_estimators", 10, 500, 10),
                    "criterion": .choice("rf_criterion", ["gini", "entropy"]),
                ],
                ["type": "knn", "n_neighbors": .uniformint("knn_n_neighbors", 1, 50)],
            ]),
        ]
        return TestFunction(
            key: "deep-conditional", dimension: 11, space: try! SearchSpace(space),
            optimum: 0.05,
            minimizers: [["classifier": 1, "svm_C": 10, "svm_kernel": 1, "svm_rbf_gamma": 0.01]],
            source: parzenSource + "; space shaped after the hyperopt tutorial's classifier-type example",
            evaluate: { point in deepConditionalValue(point["classifier"] ?? .null) })
    }

    /// `weighted-choice`: pchoice('model', [(0.7, {common_x ~ U(−5, 5)}), (0.2, {uncommon_y ~ U(−5, 5)}),
    /// (0.1, {rare_z ~ U(0, 1)})]); f = x² + 1, (y − 2)² + 0.25 and 4(z − 0.7)² respectively;
    /// minimum 0 in the rare branch at z = 0.7.
    static let weightedChoice = TestFunctionDescriptor(
        key: "weighted-choice", summary: "pchoice whose least likely branch holds the optimum", dimensions: .fixed(4)
    ) { _ in
        let space: Space = .pchoice("model", [
            (0.7, ["branch": "common", "x": .uniform("common_x", -5, 5)]),
            (0.2, ["branch": "uncommon", "y": .uniform("uncommon_y", -5, 5)]),
            (0.1, ["branch": "rare", "z": .uniform("rare_z", 0, 1)]),
        ])
        return TestFunction(
            key: "weighted-choice", dimension: 4, space: try! SearchSpace(space),
            optimum: 0, minimizers: [["model": 2, "rare_z": 0.7]], source: parzenSource,
            evaluate: { point in
                switch point["branch"]?.string {
                case "common":
                    let x = PointReader.number(point, "x")
                    return x * x + 1
                case "uncommon":
                    let y = PointReader.number(point, "y") - 2
                    return y * y + 0.25
                case "rare":
                    let z = PointReader.number(point, "z") - 0.7
                    return 4 * z * z
                default:
                    return .nan
                }
            })
    }

    /// `gaussian-priors`: x ~ normal(0, 2), n ~ qnormal(3, 2, 1), s ~ lognormal(0, 1),
    /// m ~ qlognormal(log 8, 0.5, 1); f = (x − 1)² + ½(n − 4)² + (ln s − 0.5)² + (m − 8)²/16.
    /// The priors are unbounded, so the minimum is the global one over their supports: 0 at
    /// (x 1, n 4, s e^0.5, m 8).
    static let gaussianPriors = TestFunctionDescriptor(
        key: "gaussian-priors", summary: "normal, qnormal, lognormal and qlognormal priors (unbounded)",
        dimensions: .fixed(4)
    ) { _ in
        let space: Space = [
            "x": .normal("x", 0, 2),
            "n": .qnormal("n", 3, 2, 1),
            "s": .lognormal("s", 0, 1),
            "m": .qlognormal("m", log(8), 0.5, 1),
        ]
        return TestFunction(
            key: "gaussian-priors", dimension: 4, space: try! SearchSpace(space),
            optimum: 0, minimizers: [["x": 1, "n": 4, "s": exp(0.5), "m": 8]], source: parzenSource,
            evaluate: { point in
                let x = PointReader.number(point, "x") - 1
                let n = PointReader.number(point, "n") - 4
                let s = log(PointReader.number(point, "s")) - 0.5
                let m = PointReader.number(point, "m") - 8
                return x * x + 0.5 * n * n + s * s + m * m / 16
            })
    }
}

/// The leaf surfaces of `deep-conditional`; `classifier` is the chosen option's record.
func deepConditionalValue(_ classifier: Value) -> Double {
    func number(_ v: Value, _ key: String) -> Double { PointReader.number(v, key) }
    switch classifier["type"]?.string {
    case "naive_bayes":
        let a = number(classifier, "alpha") - 0.5
        return 0.30 + 0.1 * a * a
    case "svm":
        let c = log10(number(classifier, "C"))
        let kernel = classifier["kernel"] ?? .null
        switch kernel["ktype"]?.string {
        case "linear":
            return 0.20 + 0.05 * c * c
        case "rbf":
            let g = log10(number(kernel, "gamma")) + 2
            return 0.05 + 0.04 * (c - 1) * (c - 1) + 0.04 * g * g
        case "poly":
            let degreePenalty: Double
            switch kernel["degree"]?.int {
            case 2: degreePenalty = 0.05
            case 3: degreePenalty = 0
            case 4: degreePenalty = 0.08
            default: degreePenalty = .nan
            }
            let coef = number(kernel, "coef0") - 0.5
            return 0.15 + degreePenalty + 0.02 * c * c + 0.1 * coef * coef
        default:
            return .nan
        }
    case "randomforest":
        let depth = number(classifier, "max_depth") - 8
        let trees = (number(classifier, "n_estimators") - 200) / 500
        let criterion: Double
        switch classifier["criterion"]?.string {
        case "gini": criterion = 0
        case "entropy": criterion = 0.01
        default: criterion = .nan
        }
        return 0.10 + 0.002 * depth * depth + trees * trees + criterion
    case "knn":
        let k = number(classifier, "n_neighbors") - 11
        return 0.25 + 0.001 * k * k
    default:
        return .nan
    }
}
