"""What benchmarks/bayesopt_gp_bench.py and benchmarks/optuna_gp_bench.py share: the box
spaces they time, their command line, and the loop that tells a suggester a history written by
`parzen bench suggest --write-history FILE` and times its asks. Imports no optimiser."""
import argparse
import csv
import time

import numpy as np


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
    """The command line of both GP benches."""
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
    if args.grow and args.repeats >= len(rows):
        raise SystemExit("--grow needs fewer --repeats (%d) than the history has trials (%d)" % (args.repeats, len(rows)))
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
