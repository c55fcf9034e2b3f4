#!/usr/bin/env python3
"""Time Optuna's CmaEsSampler per suggestion on a fixed history, the way
`parzen bench suggest --algorithm cmaes` times Parzen's cmaes.

For a function (hartmann6 or sphere of any dimension, as in Parzen's suite) and a history of N
trials, the script builds an in-memory study holding the history, then times R suggestions:
each is study.ask() plus suggest_float for every parameter (CmaEsSampler.sample_relative does
its work there), then the trial is told FAIL so the history the next suggestion sees is the
same. Prints the median and 90th-percentile microseconds per suggestion and peak RSS.

The history is either N uniform draws, evaluated (--history N), or the trials of a CSV written
by `parzen bench suggest --write-history` (--history-csv FILE: id,status,loss,x1,...). The CSV's
trials are replayed through the CmaEsSampler (each enqueued with its values, its relative
sampling run, then told its loss), so the sampler holds the state it would have after proposing
them: its generation tags on every trial and its pickled optimizer, as in a real study, and
every suggestion restores and updates that state as Optuna does in a search.

    pip install -r adapters/requirements.txt      # optuna 5.1.0, cmaes 0.13.1
    python3 benchmarks/optuna_cmaes_bench.py --function hartmann6 --history 1000 --repeats 30
    python3 benchmarks/optuna_cmaes_bench.py --function hartmann6 --history-csv history.csv

Output:  function N median_us p90_us peak_rss_mib
"""
import argparse
import resource
import time

import numpy as np
import optuna
from optuna.distributions import FloatDistribution
from optuna.trial import TrialState

HARTMANN6_A = np.array([
    [10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
HARTMANN6_P = 1e-4 * np.array([
    [1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
    [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])
HARTMANN6_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])


def hartmann6(x):
    inner = np.sum(HARTMANN6_A * (np.asarray(x) - HARTMANN6_P) ** 2, axis=1)
    return float(-np.sum(HARTMANN6_ALPHA * np.exp(-inner)))


def sphere(x):
    return float(np.sum(np.asarray(x) ** 2))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--function", choices=["hartmann6", "sphere"], default="hartmann6")
    parser.add_argument("--dims", type=int, default=0)
    parser.add_argument("--history", type=int, default=1000)
    parser.add_argument("--history-csv", default=None)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--separable", action="store_true")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    if args.function == "hartmann6":
        dims, low, high, objective = 6, 0.0, 1.0, hartmann6
    else:
        dims, low, high, objective = args.dims or 2, -5.12, 5.12, sphere
    names = ["x%d" % (i + 1) for i in range(dims)]
    distribution = FloatDistribution(low, high)
    rng = np.random.default_rng(args.seed)
    sampler = optuna.samplers.CmaEsSampler(seed=args.seed, use_separable_cma=args.separable)
    study = optuna.create_study(sampler=sampler)
    if args.history_csv:
        with open(args.history_csv) as handle:
            header = handle.readline().strip().split(",")
            rows = [line.strip().split(",") for line in handle if line.strip()]
        assert header[3:] == names, "the CSV's labels must be %s" % names
        for row in rows:
            study.enqueue_trial(dict(zip(names, map(float, row[3:]))))
            trial = study.ask()
            trial.relative_params  # the sampler's relative step runs (it tags and may tell)
            for n in names:
                trial.suggest_float(n, low, high)
            if row[1] == "ok":
                study.tell(trial, float(row[2]))
            else:
                study.tell(trial, state=TrialState.FAIL)
        args.history = len(rows)
    else:
        for _ in range(args.history):
            x = rng.uniform(low, high, size=dims)
            study.add_trial(optuna.trial.create_trial(
                params=dict(zip(names, map(float, x))), distributions={n: distribution for n in names}, value=objective(x)))

    def suggest():
        trial = study.ask()
        for n in names:
            trial.suggest_float(n, low, high)
        study.tell(trial, state=TrialState.FAIL)

    suggest()  # warm-up, untimed
    samples = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        trial = study.ask()
        for n in names:
            trial.suggest_float(n, low, high)
        samples.append((time.perf_counter() - start) * 1e6)
        study.tell(trial, state=TrialState.FAIL)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    label = args.function if args.function == "hartmann6" else "%s%d" % (args.function, dims)
    print("%s %d %.1f %.1f %.1f" % (label, args.history, np.median(samples), np.percentile(samples, 90), peak))


if __name__ == "__main__":
    main()
