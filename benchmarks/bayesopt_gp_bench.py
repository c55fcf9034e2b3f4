#!/usr/bin/env python3
"""Time the bayesian-optimization package's suggestion on a history written by
`parzen bench suggest --write-history FILE`, the way `parzen bench suggest` times `gp`.

The history (id, status, loss, then one column per parameter) is registered in a
BayesianOptimization instance configured as adapters/bayesopt_adapter.py configures it (same
coordinates, same defaults); then R calls of optimizer.suggest() are timed one by one on that
same history (nothing is appended unless --grow). Each call refits the package's GP and maximises its
acquisition, which is what every suggestion of a search costs there.

    python3 benchmarks/bayesopt_gp_bench.py --history /tmp/h.csv --space hartmann6 --repeats 5
    python3 benchmarks/bayesopt_gp_bench.py --history /tmp/h.csv --space hartmann6 --repeats 10 --grow --each
--grow holds back the last R trials and registers one before each call (a search's calls);
--each prints a second line, every call's milliseconds in order.

Output: one line, N median_us p90_us (and with --each a second line)
"""
import argparse
import csv
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "adapters"))

import numpy as np  # noqa: E402

import bayesopt_adapter  # noqa: E402  (sets one BLAS thread, as in a race)

# The box spaces of the functions timed here, as hello's space_json lists them (with the
# numeric view that parzen_protocol.optuna_distribution reads).
def box(label, low, high):
    numeric = {"domain": "continuous", "scale": "linear", "integer": False, "low": low, "high": high}
    return {"label": label, "kind": "uniform", "low": low, "high": high, "conditions": [], "numeric": numeric}


SPACES = {
    "hartmann6": [box("x%d" % i, 0.0, 1.0) for i in range(1, 7)],
    "branin": [box("x1", -5.0, 10.0), box("x2", 0.0, 15.0)],
}


def arguments(description):
    """The command line both GP benches share (this one and benchmarks/optuna_gp_bench.py)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--history", required=True, help="CSV from parzen bench suggest --write-history")
    parser.add_argument("--space", required=True, choices=sorted(SPACES))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--grow", action="store_true",
                        help="hold back the last REPEATS trials and register one before each call, as in a search")
    parser.add_argument("--each", action="store_true", help="also print every call's milliseconds, in order")
    return parser.parse_args()


def time_asks(args, suggester, after_ask=None, warm_up=False):
    """Tells suggester the history (all of it, or all but the last REPEATS with --grow), times
    REPEATS calls of suggester.ask (with --grow, one held trial told before each) and prints
    the line N median_us p90_us (and with --each every call's milliseconds). after_ask(trial_id)
    runs untimed after each call; warm_up makes one untimed call first."""
    with open(args.history, newline="") as handle:
        rows = list(csv.DictReader(handle))
    def tell(row):
        loss = float(row["loss"]) if row["loss"] else None
        assignment = {p["label"]: float(row[p["label"]]) for p in SPACES[args.space]}
        suggester.tell(int(row["id"]), row["status"], loss, assignment)

    held = rows[len(rows) - args.repeats:] if args.grow else []
    for row in rows[:len(rows) - len(held)]:
        tell(row)
    if warm_up:
        suggester.ask(-1)
        if after_ask:
            after_ask(-1)
    samples = []
    for i in range(args.repeats):
        if held:
            tell(held[i])
        start = time.perf_counter()
        suggester.ask(-2 - i)
        samples.append((time.perf_counter() - start) * 1e6)
        if after_ask:
            after_ask(-2 - i)
    print("%d %.1f %.1f" % (len(rows), np.median(samples), np.percentile(samples, 90)))
    if args.each:
        print(" ".join("%.0f" % (us / 1000) for us in samples))


def main():
    args = arguments(__doc__.splitlines()[0])
    hello = {"seed": args.seed, "options": {}, "space_json": {"parameters": SPACES[args.space]}}
    suggester = bayesopt_adapter.BayesOptSuggester(hello)
    suggester.n_startup = 0
    time_asks(args, suggester)


if __name__ == "__main__":
    main()
