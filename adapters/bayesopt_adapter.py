#!/usr/bin/env python3
"""bayesian-optimization (the `bayes_opt` package) as a Parzen external suggester.

    suggesters:
      - {label: bayesopt-gp, command: [python3, adapters/bayesopt_adapter.py]}
      - {label: bayesopt-ei, command: [python3, adapters/bayesopt_adapter.py], options: {acquisition: ei}}

A Gaussian-process optimiser: scikit-learn's GaussianProcessRegressor with a Matern 5/2 kernel
(one length scale, hyperparameters by maximum likelihood with 5 restarts, normalize_y, alpha
1e-6), the acquisition maximised over 10,000 random points and 10 L-BFGS-B starts (differential
evolution when a parameter is discrete), as the package ships it.

Options:
  acquisition   ucb (default: the package's default, UpperConfidenceBound(kappa=2.576)),
                ei (ExpectedImprovement(xi)), poi (ProbabilityOfImprovement(xi))
  kappa         UCB's kappa (default 2.576)
  xi            EI's and POI's xi (default 0.01, the package's own)
  n_startup_trials  uniform random points before the GP is used (default 10)

The space is searched in the same coordinates as Optuna's distributions
(parzen_protocol.optuna_distribution), which is also Parzen's numeric view: log parameters on
the natural-log scale, integer and stepped parameters as an integer lattice index (the
package's IntParameter), choices as one-hot categories (CategoricalParameter). Values are made
Parzen values with parzen_protocol.to_parzen_value. Conditional spaces are refused at hello.
Failed trials are not registered (the package takes finite targets only); losses are
registered negated, since the package maximises. One process may serve many searches
(capability "reuse"), each as if it were the process's first.
"""

import contextlib
import math
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# One cell runs per core: NumPy's BLAS threads would only compete with the other cells.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import numpy as np  # noqa: E402
from bayes_opt import BayesianOptimization, acquisition  # noqa: E402
from bayes_opt.parameter import CategoricalParameter, FloatParameter, IntParameter  # noqa: E402

import parzen_protocol as pp  # noqa: E402

ACQUISITIONS = ["ucb", "ei", "poi"]


class Coordinate:
    """One Parzen parameter as a bayes_opt parameter: the map to and from Parzen's values."""

    def __init__(self, param):
        self.param = param
        d = pp.optuna_distribution(param)
        self.label = param.label
        if hasattr(d, "choices"):
            self.kind = "categorical"
            self.count = len(d.choices)
            self.bayes = CategoricalParameter(self.label, list(range(self.count)))
        elif type(d).__name__ == "IntDistribution" or d.step is not None:
            self.kind = "lattice"
            self.low, self.step = float(d.low), float(d.step)
            self.count = int(round((d.high - d.low) / d.step)) + 1
            self.bayes = IntParameter(self.label, (0, self.count - 1))
        else:
            self.kind = "log" if d.log else "linear"
            self.low, self.high = float(d.low), float(d.high)
            lo, hi = (math.log(self.low), math.log(self.high)) if d.log else (self.low, self.high)
            self.bayes = FloatParameter(self.label, (lo, hi))

    def to_parzen(self, value):
        if self.kind == "categorical":
            return int(value)
        if self.kind == "lattice":
            k = min(max(int(round(float(value))), 0), self.count - 1)
            return pp.to_parzen_value(self.param, self.low + k * self.step)
        x = float(value)
        if self.kind == "log":
            x = math.exp(x)
        return pp.to_parzen_value(self.param, min(max(x, self.low), self.high))

    def to_bayes(self, stored):
        if self.kind == "categorical":
            return int(round(stored))
        if self.kind == "lattice":
            return min(max(int(round((float(stored) - self.low) / self.step)), 0), self.count - 1)
        x = min(max(float(stored), self.low), self.high)
        return math.log(x) if self.kind == "log" else x


def make_acquisition(kind, options, seed):
    if kind == "ucb":
        return acquisition.UpperConfidenceBound(kappa=float(options.pop("kappa", 2.576)), random_state=seed)
    xi = float(options.pop("xi", 0.01))
    if kind == "ei":
        return acquisition.ExpectedImprovement(xi=xi, random_state=seed)
    return acquisition.ProbabilityOfImprovement(xi=xi, random_state=seed)


class BayesOptSuggester:
    # Every piece of state lives in the object, made anew at each hello: one process may serve
    # many searches.
    capabilities = (pp.REUSE,)

    def __init__(self, hello):
        kind, options = pp.options_split(hello.get("options"), "acquisition", "ucb", ACQUISITIONS)
        params = pp.parameters(hello)
        if pp.is_conditional(params):
            raise pp.ProtocolError("bayes_opt searches unconditional spaces only; this space has a choice between sub-spaces")
        self.n_startup = int(options.pop("n_startup_trials", 10))
        seed = int(hello["seed"])
        acq = make_acquisition(kind, options, seed)
        if options:
            raise pp.ProtocolError("unknown option(s) %s; accepted: acquisition, kappa, xi, n_startup_trials" % ", ".join(sorted(options)))
        self.name = "bayesopt-%s" % kind
        self.coordinates = [Coordinate(p) for p in params]
        self.rng = np.random.RandomState(seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "non-float parameters are experimental"
            self.optimizer = BayesianOptimization(
                f=None, pbounds={c.label: c.bayes for c in self.coordinates}, acquisition_function=acq,
                random_state=self.rng, verbose=0, allow_duplicate_points=True)
        self.told = 0

    def ask(self, trial_id):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # sklearn's convergence warnings on tiny data
            with contextlib.redirect_stdout(sys.stderr):
                if self.told < self.n_startup or len(self.optimizer.space) == 0:
                    point = self.optimizer.random_sample(1)[0]
                else:
                    point = self.optimizer.suggest()
        return {c.label: c.to_parzen(point[c.label]) for c in self.coordinates}

    def tell(self, trial_id, status, loss, assignment):
        self.told += 1
        if status != "ok" or loss is None or not math.isfinite(float(loss)):
            return
        params = {c.label: c.to_bayes(assignment[c.label]) for c in self.coordinates}
        # The package prints notices (a duplicate point) on stdout, which carries replies only.
        with contextlib.redirect_stdout(sys.stderr):
            self.optimizer.register(params=params, target=-float(loss))


if __name__ == "__main__":
    pp.serve(BayesOptSuggester)
