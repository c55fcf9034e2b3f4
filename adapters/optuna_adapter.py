#!/usr/bin/env python3
"""Optuna's samplers as a Parzen external suggester.

    suggesters:
      - {label: optuna-tpe, command: [python3, adapters/optuna_adapter.py], options: {sampler: tpe}}
      - {label: optuna-cmaes, command: [python3, adapters/optuna_adapter.py], options: {sampler: cmaes}}
      - {label: optuna-gp, command: [python3, adapters/optuna_adapter.py], options: {sampler: gp}}

Options: sampler =
  tpe              TPESampler with Optuna's own defaults (5.0: multivariate, constant liar)
  tpe-independent  TPESampler(multivariate=False)
  random           RandomSampler
  qmc-sobol        QMCSampler(qmc_type="sobol") (Optuna's default: not scrambled)
  cmaes            CmaEsSampler; unconditional spaces only (refused at hello otherwise); its
                   categorical parameters are drawn by Optuna's independent sampler (RandomSampler)
  gp               GPSampler; needs PyTorch (pip install -r adapters/requirements-torch.txt, or
                   PARZEN_TORCH=1 scripts/python-env.sh), imported for this sampler only and run
                   on one thread; unconditional spaces only (refused at hello otherwise): GPSampler
                   models the parameters every trial has and draws the others with its independent
                   sampler (RandomSampler); its categorical parameters are modelled
Every other option goes to the sampler's constructor as a keyword (e.g. n_startup_trials,
n_ei_candidates, group, scramble, sigma0, use_separable_cma, deterministic_objective); the seed
is the hello seed.

One study per search (minimize, in memory), made afresh at every hello: one process serves
many searches (capability "reuse"), each as if it were the process's first. Each ask calls
study.ask() and samples the active parameters define-by-run, so conditional spaces work; each
tell calls study.tell with the loss (or TrialState.FAIL). A told trial Optuna did not ask for is added with
study.add_trial. Mapping of Parzen kinds (Optuna has no unbounded or weighted priors):
choice/pchoice -> categorical over option indexes (pchoice weights ignored);
randint(a, b) -> int in [a, b-1]; uniformint -> int; quniform -> float with step q on the
multiples of q; log kinds -> float with log=True (q-forms re-quantized); normal kinds ->
mu +- 4 sigma.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import optuna  # noqa: E402
from optuna.trial import TrialState  # noqa: E402

import parzen_protocol as pp  # noqa: E402

SAMPLERS = ["tpe", "tpe-independent", "random", "qmc-sobol", "cmaes", "gp"]

# The samplers that model only the parameters every trial has (Optuna's intersection search
# space) and leave the others to RandomSampler: a conditional space is refused for them.
UNCONDITIONAL_ONLY = ("cmaes", "gp")


def import_torch():
    """PyTorch for GPSampler, and it and NumPy's BLAS on one thread: one cell runs per core, so
    more threads would only compete with the other cells."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # read by torch at import only
    try:
        import torch
    except ImportError:
        raise pp.ProtocolError("sampler gp needs PyTorch, which is not installed: "
                               "pip install -r adapters/requirements-torch.txt "
                               "(or PARZEN_TORCH=1 scripts/python-env.sh)") from None
    torch.set_num_threads(1)
    # NumPy's BLAS is loaded already (by optuna), past its thread variables.
    from threadpoolctl import threadpool_limits
    threadpool_limits(1)


def make_sampler(kind, kwargs, seed):
    samplers = optuna.samplers
    try:
        if kind == "tpe":
            return samplers.TPESampler(seed=seed, **kwargs)
        if kind == "tpe-independent":
            kwargs.setdefault("multivariate", False)
            return samplers.TPESampler(seed=seed, **kwargs)
        if kind == "random":
            return samplers.RandomSampler(seed=seed, **kwargs)
        if kind == "qmc-sobol":
            kwargs.setdefault("qmc_type", "sobol")
            return samplers.QMCSampler(seed=seed, **kwargs)
        if kind == "cmaes":
            return samplers.CmaEsSampler(seed=seed, **kwargs)
        if kind == "gp":
            import_torch()
            return samplers.GPSampler(seed=seed, **kwargs)
    except TypeError as error:
        raise pp.ProtocolError("sampler %s: %s" % (kind, error))
    raise pp.ProtocolError("unknown sampler %r" % kind)


class OptunaSuggester:
    capabilities = ("conditional", pp.REUSE)

    def __init__(self, hello):
        optuna.logging.set_verbosity(optuna.logging.ERROR)
        kind, kwargs = pp.options_split(hello.get("options"), "sampler", "tpe", SAMPLERS)
        self.params = pp.parameters(hello)
        if kind in UNCONDITIONAL_ONLY:
            # CmaEsSampler also leaves categorical parameters to its independent sampler, as
            # Optuna does; GPSampler models them.
            if pp.is_conditional(self.params):
                raise pp.ProtocolError("sampler %s searches unconditional spaces only; this space has a conditional space" % kind)
            self.capabilities = (pp.REUSE,)
        self.name = "optuna-%s" % kind
        self.study = optuna.create_study(direction="minimize", sampler=make_sampler(kind, kwargs, hello["seed"]))
        self.asked = {}  # Parzen trial id -> Optuna trial, until told

    def ask(self, trial_id):
        trial = self.study.ask()
        self.asked[trial_id] = trial
        return pp.suggest_optuna(trial, self.params)

    def tell(self, trial_id, status, loss, assignment):
        trial = self.asked.pop(trial_id, None)
        if trial is None:
            values, distributions = pp.optuna_distributions(self.params, assignment)
            state = TrialState.COMPLETE if status == "ok" else TrialState.FAIL
            self.study.add_trial(optuna.trial.create_trial(
                params=values, distributions=distributions, state=state,
                value=float(loss) if status == "ok" else None))
        elif status == "ok":
            self.study.tell(trial, float(loss))
        else:
            self.study.tell(trial, state=TrialState.FAIL)


if __name__ == "__main__":
    pp.serve(OptunaSuggester)
