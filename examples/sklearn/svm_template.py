#!/usr/bin/env python3
# A Hyperas-style template: Parzen reads the search space from the double-brace markers below, writes a
# filled-in copy of this file into each trial's folder and runs it (command: [python3, "{file}"]).
# The last line printed is the result. See docs/external-objectives.md.
#
#   parzen template examples/sklearn/svm_template.py      # the markers and the space read
#
# SVC on Iris, loss = -accuracy (5-fold cross_val_score), standardised features.
import json

from sklearn import datasets
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import scale
from sklearn.svm import SVC

iris = datasets.load_iris()
C = {{C: loguniform(-4.6, 4.6)}}
kernel = "{{choice(linear, rbf, poly)}}"
gamma = {{gamma: loguniform(-6.9, 2.3)}}
accuracy = cross_val_score(SVC(C=C, kernel=kernel, gamma=gamma), scale(iris.data), iris.target).mean()
print(json.dumps({"loss": -accuracy, "status": "ok", "extras": {"accuracy": accuracy}}))
