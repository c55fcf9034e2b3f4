#!/usr/bin/env python3
"""Known answers for Parzen's numeric view of a space (NumericCoordinate), from Optuna itself.

Each Parzen kind is turned into the Optuna distribution of the table in docs/numeric-view.md
(the mapping written out here on its own, not read from Parzen); Optuna's _SearchSpaceTransform (transform_log=True, transform_0_1=True,
transform_step on or off) then gives the working bounds and the untransformed value at a few
points of the unit interval, and parzen_protocol.to_parzen_value the stored Parzen value.
Prints Swift array literals for Tests/ParzenTests/NumericCoordinateTests.swift.

    pip install -r adapters/requirements.txt
    python3 benchmarks/numeric_view_known_answers.py
"""

import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "adapters"))

import numpy as np  # noqa: E402
import optuna  # noqa: E402
from optuna._transform import _SearchSpaceTransform  # noqa: E402

from optuna.distributions import FloatDistribution, IntDistribution  # noqa: E402

import parzen_protocol as pp  # noqa: E402

SPAN = 4.0  # normal kinds are cut to mu +- 4 sigma


def optuna_distribution(doc):
    """The Optuna distribution of one Parzen kind (docs/numeric-view.md's table)."""
    k, q = doc["kind"], doc.get("q")
    if k == "randint":
        return IntDistribution(doc["low"], doc["high"] - 1)
    if k == "uniformint":
        return IntDistribution(doc["low"], doc["high"])
    if k == "uniform":
        return FloatDistribution(doc["low"], doc["high"])
    if k == "quniform":
        return FloatDistribution(pp.quantize(doc["low"], q), pp.quantize(doc["high"], q), step=q)
    if k in ("loguniform", "qloguniform"):
        return FloatDistribution(math.exp(doc["low"]), math.exp(doc["high"]), log=True)
    if k in ("normal", "qnormal"):
        return FloatDistribution(doc["mu"] - SPAN * doc["sigma"], doc["mu"] + SPAN * doc["sigma"])
    if k in ("lognormal", "qlognormal"):
        return FloatDistribution(math.exp(doc["mu"] - SPAN * doc["sigma"]), math.exp(doc["mu"] + SPAN * doc["sigma"]), log=True)
    raise ValueError(k)

# (Swift constructor, space_json document)
KINDS = [
    ('.uniform(low: -5, high: 10)', {"kind": "uniform", "low": -5.0, "high": 10.0}),
    ('.quniform(low: 16, high: 512, q: 16)', {"kind": "quniform", "low": 16.0, "high": 512.0, "q": 16.0}),
    ('.quniform(low: 1, high: 10, q: 4)', {"kind": "quniform", "low": 1.0, "high": 10.0, "q": 4.0}),
    ('.uniformint(low: 1, high: 8)', {"kind": "uniformint", "low": 1, "high": 8}),
    ('.randint(low: -3, high: 3)', {"kind": "randint", "low": -3, "high": 3}),
    ('.loguniform(low: -9.210340371976182, high: -2.3025850929940455)',
     {"kind": "loguniform", "low": -9.210340371976182, "high": -2.3025850929940455}),
    ('.qloguniform(low: 2.0794415416798357, high: 6.931471805599453, q: 8)',
     {"kind": "qloguniform", "low": 2.0794415416798357, "high": 6.931471805599453, "q": 8.0}),
    ('.normal(mu: 0, sigma: 2)', {"kind": "normal", "mu": 0.0, "sigma": 2.0}),
    ('.qnormal(mu: 3, sigma: 2, q: 1)', {"kind": "qnormal", "mu": 3.0, "sigma": 2.0, "q": 1.0}),
    ('.lognormal(mu: 0, sigma: 1)', {"kind": "lognormal", "mu": 0.0, "sigma": 1.0}),
    ('.qlognormal(mu: 2.0794415416798357, sigma: 0.5, q: 1)',
     {"kind": "qlognormal", "mu": 2.0794415416798357, "sigma": 0.5, "q": 1.0}),
]
UNITS = [0.0, 0.1, 0.25, 0.5, 0.7, 0.9, 1.0]


def swift(x):
    if isinstance(x, (int, np.integer)):
        return "%d" % x
    return repr(float(x))


def main():
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    print("// (distribution, padded, working low, working high, stored value at each of %s)" % UNITS)
    for constructor, doc in KINDS:
        doc = dict(doc, label="x", conditions=[])
        param = pp.Param(doc)
        dist = optuna_distribution(doc)
        for padded in (True, False):
            t = _SearchSpaceTransform({"x": dist}, transform_log=True, transform_step=padded, transform_0_1=True)
            low, high = t._raw_bounds[0]
            stored = [pp.to_parzen_value(param, t.untransform(np.array([u]))["x"]) for u in UNITS]
            print("(%s, %s, %s, %s, [%s])," % (constructor, "true" if padded else "false", swift(low), swift(high),
                                              ", ".join(swift(v) for v in stored)))


if __name__ == "__main__":
    main()
