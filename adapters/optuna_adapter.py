#!/usr/bin/env python3
"""Optuna's samplers as a Parzen external suggester.

    suggesters:
      - {label: optuna-tpe, command: [python3, adapters/optuna_adapter.py], options: {sampler: tpe}}
      - {label: optuna-cmaes, command: [python3, adapters/optuna_adapter.py], options: {sampler: cmaes}}

Options: sampler =
  tpe              TPESampler with Optuna's own defaults (5.0: multivariate, constant liar)
  tpe-independent  TPESampler(multivariate=False)
  random           RandomSampler
  qmc-sobol        QMCSampler(qmc_type="sobol") (Optuna's default: not scrambled)
  cmaes            CmaEsSampler; unconditional spaces only (refused at hello otherwise); its
                   categorical parameters are drawn by Optuna's independent sampler (RandomSampler)
Every other option goes to the sampler's constructor as a keyword (e.g. n_startup_trials,
n_ei_candidates, group, scramble, sigma0, use_separable_cma); the seed is the hello seed.

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

SAMPLERS = ["tpe", "tpe-independent", "random", "qmc-sobol", "cmaes"]


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
    except TypeError as error:
        raise pp.ProtocolError("sampler %s: %s" % (kind, error))
    raise pp.ProtocolError("unknown sampler %r" % kind)


class OptunaSuggester:
    capabilities = ("conditional", pp.REUSE)

    def __init__(self, hello):
        optuna.logging.set_verbosity(optuna.logging.ERROR)
        kind, kwargs = pp.options_split(hello.get("options"), "sampler", "tpe", SAMPLERS)
        self.params = pp.parameters(hello)
        if kind == "cmaes":
            # CmaEsSampler leaves categorical parameters to its independent sampler, as Optuna
            # does; a conditional space is refused.
            if pp.is_conditional(self.params):
                raise pp.ProtocolError("sampler cmaes searches unconditional spaces only; this space has a conditional space")
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
