#!/usr/bin/env python3
"""Time Optuna's GPSampler on a history written by `parzen bench suggest --write-history FILE`,
the way benchmarks/bayesopt_gp_bench.py times the bayesian-optimization package.

The history (id, status, loss, then one column per parameter) is told to a study whose sampler
is made as adapters/optuna_adapter.py makes `sampler: gp` (GPSampler(seed=seed), PyTorch on one
thread); then R calls of the adapter's ask (study.ask() and the define-by-run sampling) are
timed one by one on that same history (each asked trial is told back as failed, which GPSampler
ignores, so every call sees the same N trials; nothing is appended unless --grow). Each call
refits GPSampler's GP and maximises its acquisition. GPSampler starts each fit from the kernel
parameters of its previous call: on an unchanged history that fit ends at once, so --grow (one
new trial before each call) is what a search's suggestions cost; benchmarks/compare_gp.sh uses
it. Needs PyTorch: pip install -r adapters/requirements-torch.txt

    python3 benchmarks/optuna_gp_bench.py --history /tmp/h.csv --space hartmann6 --repeats 5
    python3 benchmarks/optuna_gp_bench.py --history /tmp/h.csv --space hartmann6 --repeats 10 --grow --each
--grow holds back the last R trials and tells one before each call (a search's calls);
--each prints a second line, every call's milliseconds in order.

Output: one line, N median_us p90_us (and with --each a second line)
"""
import argparse
import csv
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "adapters"))

import numpy as np  # noqa: E402

import optuna_adapter  # noqa: E402
from bayesopt_gp_bench import SPACES  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", required=True, help="CSV from parzen bench suggest --write-history")
    parser.add_argument("--space", required=True, choices=sorted(SPACES))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--grow", action="store_true",
                        help="hold back the last REPEATS trials and tell one before each call, as in a search")
    parser.add_argument("--each", action="store_true", help="also print every call's milliseconds, in order")
    args = parser.parse_args()

    # n_startup_trials=0: the history is the start-up, as for the bayesian-optimization bench.
    hello = {"seed": args.seed, "options": {"sampler": "gp", "n_startup_trials": 0},
             "space_json": {"parameters": SPACES[args.space]}}
    suggester = optuna_adapter.OptunaSuggester(hello)
    with open(args.history, newline="") as handle:
        rows = list(csv.DictReader(handle))
    def tell(row):
        loss = float(row["loss"]) if row["loss"] else None
        assignment = {p["label"]: float(row[p["label"]]) for p in SPACES[args.space]}
        suggester.tell(int(row["id"]), row["status"], loss, assignment)

    held = rows[len(rows) - args.repeats:] if args.grow else []
    for row in rows[:len(rows) - len(held)]:
        tell(row)
    # One call untimed: a sampler's first fits from scratch and warms PyTorch up, once per search.
    suggester.ask(-1)
    suggester.tell(-1, "fail", None, {})
    samples = []
    for i in range(args.repeats):
        if held:
            tell(held[i])
        start = time.perf_counter()
        suggester.ask(-2 - i)
        samples.append((time.perf_counter() - start) * 1e6)
        # A failed trial is not in GPSampler's history: the next call sees the same trials.
        suggester.tell(-2 - i, "fail", None, {})
    print("%d %.1f %.1f" % (len(rows), np.median(samples), np.percentile(samples, 90)))
    if args.each:
        print(" ".join("%.0f" % (us / 1000) for us in samples))


if __name__ == "__main__":
    main()
