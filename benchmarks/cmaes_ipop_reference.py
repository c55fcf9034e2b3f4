#!/usr/bin/env python3
"""Can the reference's IPOP beat no restart on rastrigin 10-D? The cmaes package driven as Optuna 4.3.

The reference for the restart acceptance (experiments/cmaes-restarts.yaml,
experiments/cmaes-restarts-long.yaml): the `cmaes` package's CMA (0.13.1) driven by the loop of
Optuna 4.3.0's CmaEsSampler (optuna/samplers/_cmaes.py at tag v4.3.0, `sample_relative` and
`_init_optimizer`), one suggestion per trial, as a sequential study runs it:

- trial 0 is drawn independently (RandomSampler, n_startup_trials = 1);
- the first optimizer has mean 0.5 in the unit cube (transform_0_1), sigma0 = 1/6, popsize
  4 + floor(3 ln n), n_max_resampling = 10n, its seed rng.randint(1, 2**31 - 2) from the
  sampler's RandomState;
- before each ask the optimizer is reseeded with rng.randint(1, 2**16) + trial.number;
- when popsize trials of the current generation are complete they are told (their stored
  parameters transformed back into the cube); then with `ipop`, if should_stop():
  popsize *= inc_popsize (2) and a new optimizer starts from mean rng.rand(n) with sigma0;
  with `bipop`, Optuna 4.3's alternation of small and large regimes.

Each seed runs the longest budget once per strategy; the best value so far is read at every
checkpoint (a run does not know its budget). Rastrigin on [-5.12, 5.12]^10, optimum 0, so the
best value is the regret. Each checkpoint compares every strategy with no restart by the
two-sided Mann-Whitney U test (scipy's mannwhitneyu, method 'auto', as Parzen's report) and
Vargha-Delaney A12 (the probability that a run of the strategy ends lower than one without
restart; ties count half), and counts the restarts that fit.

    pip install -r adapters/requirements.txt
    python3 benchmarks/cmaes_ipop_reference.py                       # 30 seeds, 5,000 to 20,000
    python3 benchmarks/cmaes_ipop_reference.py --seeds 30 --checkpoints 5000 --strategies ipop
"""
import argparse
import math

import cmaes
import numpy as np
from scipy import stats

LOW, HIGH = -5.12, 5.12


def rastrigin(params):
    x = np.asarray(params)
    return 10 * len(x) + float(np.sum(x * x - 10 * np.cos(2 * np.pi * x)))


def make_cma(rng, mean, sigma0, popsize, n):
    # _init_optimizer: the optimizer's own seed comes from the sampler's RandomState.
    return cmaes.CMA(mean=mean, sigma=sigma0, bounds=np.array([[0.0, 1.0]] * n),
                     seed=rng.randint(1, 2**31 - 2), n_max_resampling=10 * n, population_size=popsize)


def run(seed, strategy, budget, checkpoints, n=10, inc_popsize=2):
    """One sequential study of `budget` trials; the best value at each checkpoint and the trial
    numbers at which a new optimizer started."""
    rng = np.random.RandomState(seed)  # the sampler's LazyRandomState(seed)
    independent = np.random.RandomState(seed)  # RandomSampler(seed=seed)
    initial_popsize = 4 + math.floor(3 * math.log(n))
    sigma0 = 1.0 / 6
    best, at, restarts = math.inf, {}, []
    # Trial 0: independent sampling (no complete trial yet).
    value = rastrigin(independent.uniform(LOW, HIGH, n))
    best = min(best, value)
    trial = 1
    popsize = initial_popsize
    optimizer = make_cma(rng, np.full(n, 0.5), sigma0, popsize, n)
    n_restarts_with_large, poptype, small_n_eval, large_n_eval = 0, "small", 0, 0
    pending = []
    if 1 in checkpoints:
        at[1] = best
    while trial < budget:
        # Tell a complete generation (at the next trial's sample_relative), then maybe restart.
        if len(pending) >= popsize:
            optimizer.tell(pending[:popsize])
            pending = []
            if strategy == "ipop" and optimizer.should_stop():
                popsize *= inc_popsize
                optimizer = make_cma(rng, rng.rand(n), sigma0, popsize, n)
                restarts.append(trial)
            elif strategy == "bipop" and optimizer.should_stop():
                n_eval = popsize * optimizer.generation
                if poptype == "small":
                    small_n_eval += n_eval
                else:
                    large_n_eval += n_eval
                if small_n_eval < large_n_eval:
                    poptype = "small"
                    multiplier = inc_popsize**n_restarts_with_large
                    popsize = math.floor(initial_popsize * multiplier ** (rng.uniform() ** 2))
                else:
                    poptype = "large"
                    n_restarts_with_large += 1
                    popsize = initial_popsize * inc_popsize**n_restarts_with_large
                optimizer = make_cma(rng, rng.rand(n), sigma0, popsize, n)
                restarts.append(trial)
        optimizer._rng.seed(rng.randint(1, 2**16) + trial)
        x = optimizer.ask()
        params = LOW + (HIGH - LOW) * x  # trans.untransform
        value = rastrigin(params)
        pending.append(((params - LOW) / (HIGH - LOW), value))  # trans.transform(t.params)
        best = min(best, value)
        trial += 1
        if trial in checkpoints:
            at[trial] = best
    return at, restarts


def a12(a, b):
    """P(a run of `a` ends lower than one of `b`), ties counting half."""
    a, b = np.asarray(a), np.asarray(b)
    lower = (a[:, None] < b[None, :]).sum() + 0.5 * (a[:, None] == b[None, :]).sum()
    return lower / (len(a) * len(b))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[5000, 10000, 15000, 20000])
    parser.add_argument("--strategies", nargs="+", default=["ipop", "bipop"], choices=["ipop", "bipop"])
    args = parser.parse_args()
    checkpoints = sorted(set(args.checkpoints))
    budget = checkpoints[-1]
    results = {}
    for strategy in ["none"] + args.strategies:
        runs = [run(seed, strategy, budget, set(checkpoints)) for seed in range(args.seeds)]
        results[strategy] = runs
    print("evaluations strategy seeds median q25 q75 restarts_median restarts_min restarts_max "
          "p_vs_none a12_vs_none")
    for checkpoint in checkpoints:
        reference = [at[checkpoint] for at, _ in results["none"]]
        for strategy, runs in results.items():
            values = [at[checkpoint] for at, _ in runs]
            fitted = [sum(1 for t in restarts if t < checkpoint) for _, restarts in runs]
            q25, median, q75 = np.percentile(values, [25, 50, 75])
            if strategy == "none":
                p, effect = "-", "-"
            else:
                p = "%.3g" % stats.mannwhitneyu(values, reference, alternative="two-sided", method="auto").pvalue
                effect = "%.2f" % a12(values, reference)
            print("%d %s %d %.3g %.3g %.3g %d %d %d %s %s" % (
                checkpoint, strategy, len(values), median, q25, q75,
                np.median(fitted), min(fitted), max(fitted), p, effect))


if __name__ == "__main__":
    main()
