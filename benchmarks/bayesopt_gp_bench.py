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
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "adapters"))

import bayesopt_adapter  # noqa: E402  (sets one BLAS thread, as in a race)
from gp_bench_common import SPACES, arguments, time_asks  # noqa: E402


def main():
    args = arguments(__doc__.splitlines()[0])
    hello = {"seed": args.seed, "options": {}, "space_json": {"parameters": SPACES[args.space]}}
    suggester = bayesopt_adapter.BayesOptSuggester(hello)
    suggester.n_startup = 0
    time_asks(args, suggester)


if __name__ == "__main__":
    main()
