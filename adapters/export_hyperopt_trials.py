"""Writes a history produced by real hyperopt (0.3.0, adapters/requirements.txt) the way Python
users save one, for Parzen's import test:

    python3 adapters/export_hyperopt_trials.py Tests/Fixtures

- hyperopt-0.3.0-trials.json: `json.dumps(trials.trials, default=str)` after a seeded TPE search
  of a conditional space (a choice between sub-spaces, randint, quniform, loguniform, uniform),
  with failed trials and NumPy scalars among the results. `default=str` turns what json cannot
  write into strings: NumPy integers (the choice indexes in misc.vals) become "0", "1", …, and
  datetimes "2026-11-29 10:00:00.123000"; NaN is written as the bare literal NaN.
- hyperopt-0.3.0-expected.json: what hyperopt itself reports for that history (losses, statuses,
  argmin, the best loss), for Parzen to compare with after reading the first file.

The run is seeded (rstate), so the trials, losses and argmin are the same on every run; only the
wall-clock times differ.
"""
import json
import math
import os
import sys

import numpy as np
from hyperopt import STATUS_FAIL, STATUS_OK, Trials, fmin, hp, tpe

SPACE = hp.choice("model", [
    {"kind": "linear", "alpha": hp.loguniform("alpha", -5, 0)},
    {"kind": "tree", "depth": hp.randint("depth", 1, 8), "width": hp.quniform("width", 2, 64, 2)},
])
OFFSET = hp.uniform("offset", -1, 1)


def objective(point):
    model, offset = point
    if model["kind"] == "linear":
        loss = (math.log(model["alpha"]) + 2.0) ** 2 + offset ** 2
    else:
        if model["depth"] == 7:
            # A failed trial that reports nothing but its status.
            return {"status": STATUS_FAIL, "reason": "depth 7 is refused"}
        loss = (model["depth"] - 3) ** 2 / 4 + (model["width"] - 20.0) ** 2 / 400 + offset ** 2
    # NumPy scalars among the extras, as a real objective returns them.
    return {"loss": np.float64(loss), "status": STATUS_OK, "depth_seen": np.int64(model.get("depth", -1)),
            "score": float("nan") if offset > 0.5 else -loss}


def main(out_dir):
    trials = Trials()
    fmin(objective, [SPACE, OFFSET], algo=tpe.suggest, max_evals=40, trials=trials,
         rstate=np.random.default_rng(7), show_progressbar=False)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "hyperopt-0.3.0-trials.json"), "w") as f:
        f.write(json.dumps(trials.trials, default=str))
    ok = [t for t in trials.trials if t["result"]["status"] == STATUS_OK]
    expected = {
        "losses": [None if loss is None else float(loss) for loss in trials.losses()],
        "statuses": list(trials.statuses()),
        "argmin": {label: float(value) for label, value in trials.argmin.items()},
        "best_loss": float(min(t["result"]["loss"] for t in ok)),
        "best_tid": int(trials.best_trial["tid"]),
    }
    with open(os.path.join(out_dir, "hyperopt-0.3.0-expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures")
