#!/usr/bin/env python3
"""Known answers from the cmaes package for Parzen's CMA-ES (Tests/ParzenTests/CMAES*Tests).

Run from the repository root:  python3 benchmarks/cmaes_known_answers.py
Needs cmaes 0.13.1 and numpy (adapters/requirements.txt). Writes benchmarks/cmaes_known_answers.json:

- "constants": the strategy parameters of cmaes.CMA and cmaes.SepCMA for several dimensions and
  population sizes (weights, mu_eff, learning rates, step-size damping, chi_n);
- "updates": whole generation updates from fixed solutions and values: the inputs (initial
  mean, sigma, the solutions of each generation, told in the order given) and the state after
  each tell (mean, sigma, C, the evolution paths, should_stop) for CMA, CMA with lr_adapt,
  SepCMA and CMAwM;
- "cmawm_encoding": CMAwM's encoding of raw values onto a lattice (ties go to the lower value).

Solutions are fixed numbers (a NumPy RandomState with a fixed seed makes them, and they are
written out), so the Swift side tells exactly the same inputs. Nothing here uses Parzen.
"""
import json
import math
import os

import cmaes
import numpy as np


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def matrix(a):
    a = np.asarray(a, dtype=float)
    return [floats(row) for row in a]


def constants(n, popsize):
    cma = cmaes.CMA(mean=np.full(n, 0.5), sigma=1 / 6, bounds=np.array([[0.0, 1.0]] * n), population_size=popsize)
    out = {
        "kind": "cma", "n": n, "popsize": cma.population_size, "mu": cma._mu, "mu_eff": float(cma._mu_eff),
        "c1": float(cma._c1), "cmu": float(cma._cmu), "c_sigma": float(cma._c_sigma), "d_sigma": float(cma._d_sigma),
        "cc": float(cma._cc), "chi_n": float(cma._chi_n), "weights": floats(cma._weights),
        "funhist_term": int(cma._funhist_term),
    }
    result = [out]
    if n > 1:
        sep = cmaes.SepCMA(mean=np.full(n, 0.5), sigma=1 / 6, bounds=np.array([[0.0, 1.0]] * n), population_size=popsize)
        result.append({
            "kind": "sepcma", "n": n, "popsize": sep.population_size, "mu": sep._mu, "mu_eff": float(sep._mu_eff),
            "c1": float(sep._c1), "cmu": float(sep._cmu), "c_sigma": float(sep._c_sigma), "d_sigma": float(sep._d_sigma),
            "cc": float(sep._cc), "chi_n": float(sep._chi_n), "weights": floats(sep._weights),
            "funhist_term": int(sep._funhist_term),
        })
    return result


def sphere_shifted(x):
    return float(np.sum((np.asarray(x) - 0.3) ** 2) + 0.1 * np.sum(np.arange(len(x)) * np.asarray(x)))


def state(opt, kind):
    inner = opt._cma if kind == "cmawm" else opt
    out = {
        "generation": int(inner.generation), "mean": floats(inner._mean), "sigma": float(inner._sigma),
        "p_sigma": floats(inner._p_sigma), "p_c": floats(inner._pc), "should_stop": bool(opt.should_stop()),
    }
    if kind == "sepcma":
        out["C"] = floats(inner._C)
    else:
        out["C"] = matrix(inner._C)
        out["eigenvalues"] = floats(np.linalg.eigvalsh((inner._C + inner._C.T) / 2))
    if kind == "cmawm":
        out["A"] = floats(opt._A)
        if opt._n_zdim > 0:
            out["limits_low"] = floats(opt.m_z_lim_low)
            out["limits_up"] = floats(opt.m_z_lim_up)
    if kind == "cma" and inner._lr_adapt:
        out["eta_mean"] = float(inner._eta_mean)
        out["eta_Sigma"] = float(inner._eta_Sigma)
    return out


def run_updates(name, kind, n, mean, sigma, generations, seed, popsize=None, lr_adapt=False, steps=None, spread=0.25,
                objective=sphere_shifted):
    """Tells `generations` generations of fixed solutions drawn around the current mean."""
    rng = np.random.RandomState(seed)
    bounds = np.array([[0.0, 1.0]] * n)
    if kind == "cma":
        opt = cmaes.CMA(mean=np.array(mean, dtype=float), sigma=sigma, bounds=bounds, population_size=popsize,
                        lr_adapt=lr_adapt, n_max_resampling=10 * n)
    elif kind == "sepcma":
        opt = cmaes.SepCMA(mean=np.array(mean, dtype=float), sigma=sigma, bounds=bounds, population_size=popsize,
                           n_max_resampling=10 * n)
    else:
        opt = cmaes.CMAwM(mean=np.array(mean, dtype=float), sigma=sigma, bounds=bounds, steps=np.array(steps, dtype=float),
                          population_size=popsize, n_max_resampling=10 * n)
    case = {"name": name, "kind": kind, "n": n, "mean": floats(mean), "sigma": float(sigma),
            "popsize": int(opt.population_size), "lr_adapt": lr_adapt, "generations": []}
    if steps is not None:
        case["steps"] = floats(steps)
        case["margin"] = float(opt.margin) if opt._n_zdim > 0 else None
        case["initial"] = state(opt, kind)
    for _ in range(generations):
        inner = opt._cma if kind == "cmawm" else opt
        centre = np.array(inner._mean)
        solutions = []
        for _ in range(opt.population_size):
            x = np.clip(centre + spread * rng.randn(n) * inner._sigma / sigma, 0.0, 1.0)
            x = np.round(x, 6)  # short decimals: the JSON carries them exactly
            solutions.append((x, round(objective(x), 9)))
        told = [(x.copy(), f) for x, f in solutions]
        opt.tell(told)
        case["generations"].append({
            "solutions": [floats(x) for x, _ in solutions], "values": [f for _, f in solutions],
            "after": state(opt, kind),
        })
    return case


def main():
    result = {"cmaes_version": cmaes.__version__, "numpy_version": np.__version__}
    result["constants"] = []
    for n, popsize in [(1, None), (2, None), (2, 3), (3, None), (5, None), (5, 16), (6, None), (10, None),
                       (10, 40), (20, None), (40, None), (100, None)]:
        result["constants"].extend(constants(n, popsize))

    updates = [
        run_updates("cma-2d", "cma", 2, [0.5, 0.5], 1 / 6, 4, seed=1),
        run_updates("cma-6d", "cma", 6, [0.5] * 6, 1 / 6, 3, seed=2),
        run_updates("cma-10d-popsize-20", "cma", 10, [0.4] * 10, 0.2, 3, seed=3, popsize=20),
        # Far-out solutions make p_sigma long enough that h_sigma is 0.
        run_updates("cma-3d-hsigma", "cma", 3, [0.5] * 3, 0.01, 3, seed=4, spread=30.0),
        run_updates("cma-lr-adapt-2d", "cma", 2, [0.5, 0.5], 1 / 6, 3, seed=5, lr_adapt=True),
        run_updates("cma-lr-adapt-5d", "cma", 5, [0.5] * 5, 1 / 6, 3, seed=6, lr_adapt=True),
        run_updates("sepcma-6d", "sepcma", 6, [0.5] * 6, 1 / 6, 4, seed=7),
        run_updates("sepcma-20d", "sepcma", 20, [0.5] * 20, 1 / 6, 2, seed=8),
        run_updates("cmawm-2d", "cmawm", 2, [0.5, 0.5], 1 / 6, 4, seed=9, steps=[0.0, 0.25]),
        run_updates("cmawm-3d-edge", "cmawm", 3, [0.5, 0.05, 0.9], 0.05, 4, seed=10, steps=[0.0, 0.5, 1 / 7],
                    objective=lambda x: float((x[0] - 0.4) ** 2 + x[1] ** 2 + (x[2] - 1) ** 2)),
        run_updates("cmawm-4d", "cmawm", 4, [0.5, 0.5, 0.5, 0.5], 1 / 6, 3, seed=11, steps=[1 / 9, 0.0, 16 / 496, 0.0]),
    ]
    result["updates"] = updates

    enc = cmaes.CMAwM(mean=np.array([0.5, 0.5]), sigma=1 / 6, bounds=np.array([[0.0, 1.0]] * 2), steps=np.array([0.0, 0.25]))
    raw = [-0.3, 0.0, 0.12, 0.125, 0.13, 0.375, 0.5, 0.62, 0.625, 0.8749, 0.875, 1.0, 1.4]
    result["cmawm_encoding"] = {
        "step": 0.25, "mean": 0.5, "raw": raw,
        "encoded": [float(enc._encode_discrete_params(np.array([v]))[0]) for v in raw],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cmaes_known_answers.json")
    with open(path, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
