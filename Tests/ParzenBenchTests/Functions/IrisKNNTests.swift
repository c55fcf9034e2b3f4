import Parzen
import Testing

@testable import ParzenBench

@Suite struct IrisKNNTests {
    /// scikit-learn's `cross_val_score(KNeighborsClassifier(k), X_, y).mean()` after the
    /// tutorial's preprocessing, printed by `python3 benchmarks/iris_knn_reference.py`
    /// (scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1). Columns: k, scale, normalize, accuracy.
    /// (`--all` prints all 196 settings; every one of them agreed bit for bit when recorded.)
    static let sklearn: [(k: Int, scale: Int, normalize: Int, accuracy: Double)] = [
        (1, 0, 0, 0.96),
        (5, 0, 0, 0.9733333333333334),
        (10, 0, 0, 0.9800000000000001),
        (15, 0, 0, 0.9666666666666668),
        (49, 0, 0, 0.9400000000000001),
        (3, 1, 0, 0.9533333333333334),
        (12, 1, 0, 0.9466666666666665),
        (30, 1, 0, 0.9199999999999999),
        (7, 0, 1, 0.96),
        (20, 0, 1, 0.9800000000000001),
        (9, 1, 1, 0.9666666666666668),
        (40, 1, 1, 0.9400000000000001),
    ]

    /// The settings `--all` reports as best (accuracy 0.9800000000000001).
    static let sklearnBest: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 0, 1), (3, 1, 1), (4, 0, 1), (5, 0, 1), (6, 0, 0), (7, 0, 0), (10, 0, 0),
        (11, 0, 0), (12, 0, 0), (17, 0, 1), (19, 0, 1), (20, 0, 1), (22, 0, 1), (27, 1, 1), (35, 0, 1),
    ]

    @Test func dataIsFishersIrisAsScikitLearnShipsIt() {
        #expect(IrisData.rows.count == 150)
        #expect((0...2).map { c in IrisData.classes(c) } == [50, 50, 50])
        #expect(IrisData.rows[0] == (5.1, 3.5, 1.4, 0.2, 0))
        #expect(IrisData.rows[149] == (5.9, 3.0, 5.1, 1.8, 2))
        // Rows 35 and 38 (1-based) follow Fisher's paper, not UCI's iris.data.
        #expect(IrisData.rows[34] == (4.9, 3.1, 1.5, 0.2, 0))
        #expect(IrisData.rows[37] == (4.9, 3.6, 1.4, 0.1, 0))
    }

    @Test func spaceIsTheTutorials() throws {
        let f = try TestFunctionRegistry.function(named: "iris-knn")
        #expect(f.space.labels == ["n_neighbors", "scale", "normalize"])
        #expect(f.space.parameter("n_neighbors")?.distribution == .choice((1...49).map { .constant(.int($0)) }))
        #expect(f.space.parameter("scale")?.distribution == .choice([0, 1]))
        #expect(f.space.parameter("normalize")?.distribution == .choice([0, 1]))
    }

    @Test func accuraciesAgreeWithScikitLearn() throws {
        let f = try TestFunctionRegistry.function(named: "iris-knn")
        for row in Self.sklearn {
            let assignment: Assignment = ["n_neighbors": Double(row.k - 1), "scale": Double(row.scale), "normalize": Double(row.normalize)]
            let loss = try f.value(at: assignment)
            #expect(abs(-loss - row.accuracy) <= 1e-12, "k=\(row.k) scale=\(row.scale) normalize=\(row.normalize): \(-loss) vs \(row.accuracy)")
        }
    }

    @Test func optimumAndMinimizersAreScikitLearnsBestSettings() throws {
        let f = try TestFunctionRegistry.function(named: "iris-knn")
        #expect(abs(f.optimum - -0.9800000000000001) <= 1e-12)
        let listed = f.minimizers.map { (Int($0["n_neighbors"]!) + 1, Int($0["scale"]!), Int($0["normalize"]!)) }
        #expect(listed.elementsEqual(Self.sklearnBest, by: ==))
        #expect(IrisKNN.bestSettings.map { ($0.k, $0.scale, $0.normalize) }.elementsEqual(Self.sklearnBest, by: ==))
    }

    @Test func foldsAreStratifiedKFoldWithoutShuffling() {
        let folds = IrisKNN.stratifiedTestFolds(IrisKNN.classes, splits: 5)
        // Iris is sorted by class, 50 each: fold f tests rows 10f..<10f+10 of every class.
        for (row, fold) in folds.enumerated() { #expect(fold == (row % 50) / 10) }
        // Unequal classes, as StratifiedKFold deals them: y = [0]*7 + [1]*3, 3 splits gives
        // test folds [0,0,0,1,1,2,2] for class 0 and [0,1,2] for class 1.
        #expect(IrisKNN.stratifiedTestFolds([0, 0, 0, 0, 0, 0, 0, 1, 1, 1], splits: 3) == [0, 0, 0, 1, 1, 2, 2, 0, 1, 2])
        // Classes encoded in order of first appearance (checked with scikit-learn 1.9.1).
        #expect(IrisKNN.stratifiedTestFolds([2, 2, 0, 1, 0, 1, 1, 2, 0, 0, 1], splits: 3) == [0, 1, 0, 0, 0, 1, 1, 2, 1, 2, 2])
    }

    @Test func preprocessingIsTheTutorials() {
        let x = [[3.0, 4.0], [1.0, 0.0], [0.0, 2.0]]
        #expect(IrisKNN.l2Normalized(x) == [[0.6, 0.8], [1, 0], [0, 1]])
        let standardized = IrisKNN.standardized([[1.0, 10], [3, 10]])
        #expect(standardized == [[-1, 0], [1, 0]])
        // normalize first, then scale
        #expect(IrisKNN.preprocess(x, scale: true, normalize: true) == IrisKNN.standardized(IrisKNN.l2Normalized(x)))
    }
}

extension IrisData {
    static func classes(_ c: Int) -> Int { rows.filter { $0.4 == c }.count }
}
