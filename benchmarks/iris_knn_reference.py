#!/usr/bin/env python3
"""Reference accuracies for Parzen's `iris-knn` test function, from scikit-learn.

The objective is the hyperopt tutorial's k-nearest-neighbours example ("Parameter Tuning
with Hyperopt", Kris Wright, District Data Labs): the WHOLE feature matrix is first
row-normalised (`preprocessing.normalize`, when normalize = 1), then standardised
(`preprocessing.scale`, when scale = 1), and then scored with
`cross_val_score(KNeighborsClassifier(n_neighbors=k), X_, y)`, whose default cv for a
classifier is StratifiedKFold(n_splits=5, shuffle=False). The loss is -mean accuracy.

Usage:
    pip install scikit-learn
    python3 benchmarks/iris_knn_reference.py          # the settings recorded in the tests
    python3 benchmarks/iris_knn_reference.py --all    # all 49 x 2 x 2 settings and the best

Output lines: `k scale normalize accuracy` with accuracy printed with repr (17 significant
digits), so Swift can compare to 1e-12. Tests/ParzenBenchTests/IrisKNNTests.swift records
the numbers this printed (scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1).
"""
import sys

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.model_selection import cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import normalize, scale

iris = datasets.load_iris()
X = iris.data
y = iris.target


def accuracy(k, do_scale, do_normalize):
    X_ = X[:]
    if do_normalize == 1:
        X_ = normalize(X_)
    if do_scale == 1:
        X_ = scale(X_)
    return cross_val_score(KNeighborsClassifier(n_neighbors=k), X_, y).mean()


RECORDED = [
    (1, 0, 0), (5, 0, 0), (10, 0, 0), (15, 0, 0), (49, 0, 0),
    (3, 1, 0), (12, 1, 0), (30, 1, 0),
    (7, 0, 1), (20, 0, 1),
    (9, 1, 1), (40, 1, 1),
]

if __name__ == "__main__":
    print(f"# scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    settings = RECORDED
    if "--all" in sys.argv:
        settings = [(k, s, n) for k in range(1, 50) for s in (0, 1) for n in (0, 1)]
    best = None
    for k, s, n in settings:
        acc = accuracy(k, s, n)
        print(f"{k} {s} {n} {float(acc)!r}")
        if best is None or acc > best[0]:
            best = (acc, k, s, n)
    if "--all" in sys.argv:
        ties = [(k, s, n) for k, s, n in settings if accuracy(k, s, n) == best[0]]
        print(f"# best accuracy {float(best[0])!r} at (k, scale, normalize) = {ties}")
