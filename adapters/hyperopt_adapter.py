#!/usr/bin/env python3
"""hyperopt's suggesters (tpe, rand, anneal) as a Parzen external suggester.

    suggesters:
      - {label: hyperopt-tpe, command: [python3, adapters/hyperopt_adapter.py], options: {algo: tpe}}
      - {label: hyperopt-tpe-g15, command: [python3, adapters/hyperopt_adapter.py], options: {algo: tpe, gamma: 0.15}}

Options: algo = tpe (default) | rand | anneal; every other option goes to the algorithm's
suggest as a keyword (tpe: n_startup_jobs, gamma, n_EI_candidates, prior_weight;
anneal: avg_best_idx, shrink_coef), checked against its signature at hello.

It drives hyperopt as fmin does: one Trials object holds the history, each ask calls
algo(new_ids, domain, trials, seed) with seed = rstate.integers(2**31 - 1) drawn from
numpy.random.default_rng(hello seed) (fmin's rule), and each tell inserts the finished trial
document (status ok with its loss, or fail) before the next ask. The Trials, the domain and
the generator are made afresh at every hello: one process serves many searches (capability
"reuse"), each as if it were the process's first.
"""

import inspect
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# hyperopt/__init__ imports hyperopt.atpe, which imports scipy.stats: about 2.5 s of every
# start, for an algorithm this adapter does not offer. A placeholder module skips it.
if "hyperopt.atpe" not in sys.modules:
    import types
    sys.modules["hyperopt.atpe"] = types.ModuleType("hyperopt.atpe")

import numpy as np  # noqa: E402
from hyperopt import JOB_STATE_DONE, STATUS_FAIL, STATUS_OK, Domain, Trials, anneal, rand, tpe  # noqa: E402

import parzen_protocol as pp  # noqa: E402

ALGORITHMS = {"tpe": tpe.suggest, "rand": rand.suggest, "anneal": anneal.suggest}


class HyperoptSuggester:
    capabilities = ("conditional", pp.REUSE)

    def __init__(self, hello):
        algo, self.kwargs = pp.options_split(hello.get("options"), "algo", "tpe", list(ALGORITHMS))
        self.name = "hyperopt-%s" % algo
        self.algo = ALGORITHMS[algo]
        if algo == "tpe":
            self.kwargs.setdefault("verbose", False)
        accepted = [n for n in inspect.signature(self.algo).parameters if n not in ("new_ids", "domain", "trials", "seed", "args", "kwargs")]
        if algo == "anneal":
            accepted = ["avg_best_idx", "shrink_coef"]
        for key in self.kwargs:
            if key not in accepted:
                raise pp.ProtocolError("option %s is not an option of hyperopt's %s.suggest (accepted: algo, %s)" % (key, algo, ", ".join(accepted) or "none"))
        self.params = pp.parameters(hello)
        self.by_label = {p.label: p for p in self.params}
        self.domain = Domain(lambda point: 0.0, pp.to_hyperopt(self.params))
        self.trials = Trials()
        self.rstate = np.random.default_rng(hello["seed"])
        self.asked = {}  # trial id -> the document algo proposed, until told

    def ask(self, trial_id):
        seed = int(self.rstate.integers(2 ** 31 - 1))
        docs = self.algo([trial_id], self.domain, self.trials, seed, **self.kwargs)
        if not docs:
            return None
        doc = docs[0]
        self.asked[trial_id] = doc
        return {label: pp.clean_value(self.by_label[label], values[0])
                for label, values in doc["misc"]["vals"].items() if len(values) > 0}

    def tell(self, trial_id, status, loss, assignment):
        doc = self.asked.pop(trial_id, None)
        if doc is None:
            doc = self.document(trial_id, assignment)
        if status == "ok":
            doc["result"] = {"status": STATUS_OK, "loss": float(loss)}
        else:
            doc["result"] = {"status": STATUS_FAIL}
        doc["state"] = JOB_STATE_DONE
        self.trials.insert_trial_docs([doc])
        self.trials.refresh()

    def document(self, trial_id, assignment):
        """A trial document for a told trial this adapter did not propose."""
        idxs = {p.label: ([trial_id] if p.label in assignment else []) for p in self.params}
        vals = {p.label: ([assignment[p.label]] if p.label in assignment else []) for p in self.params}
        misc = {"tid": trial_id, "cmd": self.domain.cmd, "workdir": self.domain.workdir, "idxs": idxs, "vals": vals}
        return self.trials.new_trial_docs([trial_id], [None], [{"status": "new"}], [misc])[0]


if __name__ == "__main__":
    pp.serve(HyperoptSuggester)
