#!/usr/bin/env python3
"""When does the cmaes package's CMA.should_stop() first fire on rastrigin 10-D?

The reference for the restart race (experiments/cmaes-restarts.yaml): a run of CMA (cmaes 0.13.1)
as Parzen's cmaes and Optuna's CmaEsSampler drive it (the unit cube, mean 0.5, sigma 1/6,
n_max_resampling 10n) is asked and told until should_stop(), for SEEDS seeds and each population
size; prints the quartiles of the evaluations spent and which termination criteria hold then
(tolfun, tolx, tolxup, noeffectcoord, noeffectaxis, conditioncov; recomputed from the
optimizer's state as should_stop computes them).

    pip install -r adapters/requirements.txt
    python3 benchmarks/cmaes_first_stop.py [--seeds 30] [--popsizes 10 20 40]
"""
import argparse
from collections import Counter

import cmaes
import numpy as np


def rastrigin(u):
    x = -5.12 + 10.24 * np.asarray(u)
    return 10 * len(x) + float(np.sum(x * x - 10 * np.cos(2 * np.pi * x)))


def criteria(opt):
    B, D = opt._eigen_decomposition()
    dC = np.diag(opt._C)
    fired = []
    if opt.generation > opt._funhist_term and np.max(opt._funhist_values) - np.min(opt._funhist_values) < opt._tolfun:
        fired.append("tolfun")
    if np.all(opt._sigma * dC < opt._tolx) and np.all(opt._sigma * opt._pc < opt._tolx):
        fired.append("tolx")
    if opt._sigma * np.max(D) > opt._tolxup:
        fired.append("tolxup")
    if np.any(opt._mean == opt._mean + (0.2 * opt._sigma * np.sqrt(dC))):
        fired.append("noeffectcoord")
    i = opt.generation % opt.dim
    if np.all(opt._mean == opt._mean + (0.1 * opt._sigma * D[i] * B[:, i])):
        fired.append("noeffectaxis")
    if np.max(D) / np.min(D) > opt._tolconditioncov:
        fired.append("conditioncov")
    return fired


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--popsizes", type=int, nargs="+", default=[10, 20, 40])
    args = parser.parse_args()
    n = 10
    print("popsize seeds q25_evals median_evals q75_evals min max best_at_stop_median criteria")
    for popsize in args.popsizes:
        evaluations, best, fired = [], [], Counter()
        for seed in range(args.seeds):
            opt = cmaes.CMA(mean=np.full(n, 0.5), sigma=1 / 6, bounds=np.array([[0.0, 1.0]] * n), seed=seed,
                            n_max_resampling=10 * n, population_size=popsize)
            spent, low = 0, np.inf
            while True:
                solutions = []
                for _ in range(opt.population_size):
                    x = opt.ask()
                    solutions.append((x, rastrigin(x)))
                    low = min(low, solutions[-1][1])
                spent += opt.population_size
                opt.tell(solutions)
                if opt.should_stop():
                    break
            evaluations.append(spent)
            best.append(low)
            fired.update(criteria(opt))
        q = np.percentile(evaluations, [25, 50, 75])
        print("%d %d %.0f %.0f %.0f %d %d %.3g %s" % (popsize, args.seeds, q[0], q[1], q[2], min(evaluations), max(evaluations),
                                                   np.median(best), ",".join("%s:%d" % kv for kv in sorted(fired.items()))))


if __name__ == "__main__":
    main()
