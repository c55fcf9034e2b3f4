#!/usr/bin/env python3
"""Time Optuna's GPSampler on a history written by `parzen bench suggest --write-history FILE`,
the way benchmarks/bayesopt_gp_bench.py times the bayesian-optimization package.

The history (id, status, loss, then one column per parameter) is told to a study whose sampler
is made as adapters/optuna_adapter.py makes `sampler: gp` (GPSampler(seed=seed,
n_startup_trials=0): the history is the start-up; PyTorch on one thread); then R calls of the adapter's ask (study.ask() and the define-by-run sampling) are
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
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "adapters"))

import optuna_adapter  # noqa: E402
from gp_bench_common import SPACES, arguments, time_asks  # noqa: E402


def main():
    args = arguments(__doc__.splitlines()[0])
    # n_startup_trials=0: the history is the start-up, as for the bayesian-optimization bench.
    hello = {"seed": args.seed, "options": {"sampler": "gp", "n_startup_trials": 0},
             "space_json": {"parameters": SPACES[args.space]}}
    suggester = optuna_adapter.OptunaSuggester(hello)
    # A failed trial is not in GPSampler's history: the next call sees the same trials. One call
    # untimed: a sampler's first fits from scratch and warms PyTorch up, once per search.
    time_asks(args, suggester, after_ask=lambda trial_id: suggester.tell(trial_id, "fail", None, {}), warm_up=True)


if __name__ == "__main__":
    main()
