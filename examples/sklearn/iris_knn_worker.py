#!/usr/bin/env python3
"""k-nearest neighbours on Iris, the hyperopt tutorial's first real model, as a Parzen worker.

Protocol (docs/external-objectives.md): one JSON request per line on stdin,
    {"assignment": {...}, "point": {"n_neighbors": 5, "scale": 0, "normalize": 1}, "seed": 123, "trial": 0}
one JSON reply per line on stdout,
    {"loss": -0.96, "status": "ok", "extras": {"accuracy": 0.96}}
The first request of each cell is a hello request ("type": "hello" in front); the reply to it
declares "capabilities": ["reuse"], so one worker serves many cells of the problem (the data
is loaded once; the worker keeps no state between requests).

The objective follows the tutorial ("Parameter Tuning with Hyperopt", K. Wright) exactly, as
Parzen's native `iris-knn` does: the WHOLE feature matrix is normalised (rows to unit L2
norm) when normalize = 1, THEN standardised (columns) when scale = 1, before 5-fold
cross_val_score (StratifiedKFold, no shuffle); loss = -mean accuracy.

    python3 examples/sklearn/iris_knn_worker.py --once 5 0 1    # one setting, prints the loss
    python3 examples/sklearn/iris_knn_worker.py --accuracy      # replies {"value": accuracy}, for direction: maximize
"""
import json
import sys

from sklearn import datasets
from sklearn.model_selection import cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import normalize, scale

IRIS = datasets.load_iris()
X, Y = IRIS.data, IRIS.target


def accuracy(n_neighbors, do_scale, do_normalize):
    X_ = X[:]
    if do_normalize == 1:
        X_ = normalize(X_)
    if do_scale == 1:
        X_ = scale(X_)
    return cross_val_score(KNeighborsClassifier(n_neighbors=n_neighbors), X_, Y).mean()


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--once":
        k, s, n = (int(a) for a in sys.argv[2:])
        print(repr(-accuracy(k, s, n)))
        return
    maximise = "--accuracy" in sys.argv[1:]
    for line in sys.stdin:
        if not line.strip():
            continue
        hello = False
        try:
            request = json.loads(line)
            hello = request.get("type") == "hello"
            point = request["point"]
            acc = accuracy(int(point["n_neighbors"]), int(point["scale"]), int(point["normalize"]))
            if maximise:
                reply = {"value": acc, "status": "ok"}
            else:
                reply = {"loss": -acc, "status": "ok", "extras": {"accuracy": acc}}
        except Exception as error:  # a bad point fails this trial, not the worker
            reply = {"status": "fail", "message": f"{type(error).__name__}: {error}"}
        if hello:
            reply["capabilities"] = ["reuse"]
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
