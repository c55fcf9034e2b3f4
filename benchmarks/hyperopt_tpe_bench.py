#!/usr/bin/env python3
"""Time hyperopt's tpe.suggest per suggestion on a fixed history, the way
`parzen bench suggest` times Parzen's tpe.

For a function (branin or hartmann6, defined below as in Parzen's suite) and each history
size N, the script builds a hyperopt Trials holding N points drawn from the prior
(rand.suggest) and evaluated, then times R calls of tpe.suggest on that same Trials
(nothing is appended between calls) and prints the median and 90th-percentile
microseconds per suggestion (NumPy's default linear percentile), plus peak RSS.

    pip install hyperopt
    python3 benchmarks/hyperopt_tpe_bench.py --function branin --history 100 1000 --repeats 50

Output, one line per N:  function N median_us p90_us peak_rss_mib
"""
import argparse
import logging
import math
import resource
import time

import numpy as np
from hyperopt import Domain, Trials, hp, rand, tpe

logging.getLogger("hyperopt").setLevel(logging.ERROR)


def branin(p):
    x1, x2 = p["x1"], p["x2"]
    a, b, c = 1.0, 5.1 / (4 * math.pi ** 2), 5 / math.pi
    r, s, t = 6.0, 10.0, 1 / (8 * math.pi)
    return a * (x2 - b * x1 ** 2 + c * x1 - r) ** 2 + s * (1 - t) * math.cos(x1) + s


HARTMANN6_A = np.array([
    [10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
HARTMANN6_P = 1e-4 * np.array([
    [1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
    [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])
HARTMANN6_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])


def hartmann6(p):
    x = np.array([p["x%d" % i] for i in range(1, 7)])
    inner = np.sum(HARTMANN6_A * (x - HARTMANN6_P) ** 2, axis=1)
    return float(-np.sum(HARTMANN6_ALPHA * np.exp(-inner)))


FUNCTIONS = {
    "branin": (branin, {"x1": hp.uniform("x1", -5, 10), "x2": hp.uniform("x2", 0, 15)}),
    "hartmann6": (hartmann6, {"x%d" % i: hp.uniform("x%d" % i, 0, 1) for i in range(1, 7)}),
}


def prior_history(domain, objective, n, rng):
    """N prior draws (hyperopt's rand.suggest), evaluated, as finished trials."""
    trials = Trials()
    for tid in range(n):
        docs = rand.suggest([tid], domain, trials, int(rng.integers(2 ** 31 - 1)))
        trials.insert_trial_docs(docs)
        trials.refresh()
        doc = trials._dynamic_trials[-1]
        point = {k: v[0] for k, v in doc["misc"]["vals"].items()}
        doc["result"] = {"status": "ok", "loss": objective(point)}
        doc["state"] = 2  # JOB_STATE_DONE
    trials.refresh()
    return trials


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--function", choices=sorted(FUNCTIONS), default="branin")
    parser.add_argument("--history", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    objective, space = FUNCTIONS[args.function]
    domain = Domain(objective, space)
    for n in args.history:
        rng = np.random.default_rng(args.seed)
        trials = prior_history(domain, objective, n, rng)
        tid = len(trials.trials)
        tpe.suggest([tid], domain, trials, int(rng.integers(2 ** 31 - 1)))  # warm-up, untimed
        samples = []
        for _ in range(args.repeats):
            seed = int(rng.integers(2 ** 31 - 1))
            start = time.perf_counter()
            tpe.suggest([tid], domain, trials, seed)
            samples.append((time.perf_counter() - start) * 1e6)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print("%s %d %.1f %.1f %.1f" % (
            args.function, n, np.median(samples), np.percentile(samples, 90), peak))


if __name__ == "__main__":
    main()
