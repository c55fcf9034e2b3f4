#!/usr/bin/env python3
"""The hyperopt tutorial's four-classifier conditional search on Iris, as a Parzen worker.

The space (experiments/tutorial-sklearn.yaml) chooses a classifier and its own parameters:
    Bernoulli naive Bayes: alpha
    SVC:                   C, kernel, gamma
    random forest:         max_depth, max_features, n_estimators, criterion, scale, normalize
    k-nearest neighbours:  n_neighbors
and Parzen sends the evaluated point, e.g.
    {"point": {"classifier": {"type": "svm", "C": 3.2, "kernel": "rbf", "gamma": 0.7}}, "seed": 8812, ...}

As in the tutorial, scale/normalize (random forest only) preprocess the WHOLE matrix,
normalise first; the score is 5-fold cross_val_score accuracy and the loss is -accuracy
(direction minimize, like iris-knn). The tutorial scored the untransformed X by mistake; this
worker scores the transformed one. The random forest is seeded with the request's seed, so a
trial is reproducible.

The first request of each cell is a hello request ("type": "hello" in front); the reply to it
declares "capabilities": ["reuse"], so one worker serves many cells of the problem (scikit-learn
is imported and the data loaded once; nothing is kept between requests).
"""
import json
import sys

from sklearn import datasets
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import cross_val_score
from sklearn.naive_bayes import BernoulliNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import normalize, scale
from sklearn.svm import SVC

IRIS = datasets.load_iris()
X, Y = IRIS.data, IRIS.target


def accuracy(params, seed):
    params = dict(params)
    X_ = X[:]
    if params.pop("normalize", 0) == 1:
        X_ = normalize(X_)
    if params.pop("scale", 0) == 1:
        X_ = scale(X_)
    kind = params.pop("type")
    if kind == "naive_bayes":
        model = BernoulliNB(alpha=float(params["alpha"]))
    elif kind == "svm":
        model = SVC(C=float(params["C"]), kernel=params["kernel"], gamma=float(params["gamma"]))
    elif kind == "randomforest":
        model = RandomForestClassifier(
            max_depth=int(params["max_depth"]), max_features=int(params["max_features"]),
            n_estimators=int(params["n_estimators"]), criterion=params["criterion"],
            random_state=seed, n_jobs=1)
    elif kind == "knn":
        model = KNeighborsClassifier(n_neighbors=int(params["n_neighbors"]))
    else:
        raise ValueError(f"unknown classifier type {kind!r}")
    return cross_val_score(model, X_, Y).mean()


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        hello = False
        try:
            request = json.loads(line)
            hello = request.get("type") == "hello"
            params = request["point"]["classifier"]
            acc = accuracy(params, int(request.get("seed", 0)))
            reply = {"loss": -acc, "status": "ok", "extras": {"accuracy": acc, "type": params["type"]}}
        except Exception as error:  # e.g. C = 0: this trial fails, the worker goes on
            reply = {"status": "fail", "message": f"{type(error).__name__}: {error}"}
        if hello:
            reply["capabilities"] = ["reuse"]
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
