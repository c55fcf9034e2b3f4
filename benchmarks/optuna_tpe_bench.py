#!/usr/bin/env python3
"""Time Optuna's TPESampler per suggestion on a history written by `parzen bench suggest
--write-history`, the way `parzen bench suggest --algorithm tpe-optuna` times Parzen's port.

The study (minimize, in memory, TPESampler() with Optuna's defaults and a fixed seed) receives
the N trials of the CSV through add_trial; then each of R timed suggestions is study.ask() plus
one suggest_float per parameter (the whole cost of a suggestion, as an objective pays it). Each
timed trial is then told FAIL, which TPE ignores, so every suggestion sees the same N trials.

    python3 benchmarks/optuna_tpe_bench.py --function branin --history-csv h.csv --repeats 30

Output, one line:  function N median_us p90_us
"""
import argparse
import csv
import time

import numpy as np
import optuna
from optuna.distributions import FloatDistribution
from optuna.trial import TrialState

BOUNDS = {  # as Parzen's suite defines them (boxSpace)
    "branin": [(-5.0, 10.0), (0.0, 15.0)],
    "hartmann6": [(0.0, 1.0)] * 6,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--function", required=True, choices=sorted(BOUNDS))
    parser.add_argument("--history-csv", required=True)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.ERROR)

    with open(args.history_csv) as f:
        rows = list(csv.DictReader(f))
    labels = [k for k in rows[0] if k not in ("id", "status", "loss")]
    distributions = {label: FloatDistribution(*bounds) for label, bounds in zip(labels, BOUNDS[args.function])}
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=args.seed))
    for row in rows:
        params = {label: float(row[label]) for label in labels}
        if row["status"] == "ok":
            study.add_trial(optuna.trial.create_trial(params=params, distributions=distributions, value=float(row["loss"])))
        else:
            study.add_trial(optuna.trial.create_trial(params=params, distributions=distributions, state=TrialState.FAIL))

    samples = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        trial = study.ask()
        for label, d in distributions.items():
            trial.suggest_float(label, d.low, d.high)
        samples.append((time.perf_counter() - start) * 1e6)
        study.tell(trial, state=TrialState.FAIL)
    print("%s %d %.1f %.1f" % (args.function, len(rows), np.median(samples), np.percentile(samples, 90)))


if __name__ == "__main__":
    main()
