#!/usr/bin/env python3
"""Known answers from Optuna 5.1.0's TPESampler internals, for tpe-optuna's tests.

Builds Optuna's own _ParzenEstimator (optuna/samplers/_tpe/parzen_estimator.py) on fixed
histories -- univariate and multivariate; float, log float, stepped float, int, log int and
categorical dimensions; the weight ramp beyond 25 observations; endpoints, no magic clip and
other prior weights -- and records the mixture weights, kernel centres and bandwidths (working
coordinates: natural log for log dimensions, the prior last), categorical rows and log densities
at fixed points. Also records default_gamma, default_weights and _split_trials on histories
with ties and a running trial.

    pip install -r adapters/requirements.txt        # optuna==5.1.0
    python3 benchmarks/optuna_tpe_known_answers.py  # rewrites the Swift file below

Writes Tests/ParzenTests/OptunaTPEKnownAnswers.swift (Swift constants; every number is
Python's repr, which round-trips). Deterministic: no random numbers are drawn.
"""
import math
import os
import sys

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.probability_distributions import _BatchedCategoricalDistributions
from optuna.samplers._tpe.sampler import _split_trials, default_gamma, default_weights
from optuna.trial import TrialState

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ParzenTests", "OptunaTPEKnownAnswers.swift")


def dimension(label, dist):
    if isinstance(dist, CategoricalDistribution):
        return dict(label=label, kind="categorical", low=0.0, high=float(len(dist.choices) - 1), step=None, log=False, choices=len(dist.choices))
    kind = "int" if isinstance(dist, IntDistribution) else "float"
    step = dist.step if (kind == "int" or dist.step is not None) else None
    return dict(label=label, kind=kind, low=float(dist.low), high=float(dist.high),
                step=None if step is None else float(step), log=bool(dist.log), choices=0)


def estimator_case(name, space, observations, points, prior_weight=1.0, magic_clip=True, endpoints=False):
    """space: list of (label, distribution); observations and points: dict label -> list
    (categorical values as indexes)."""
    search_space = dict(space)
    parameters = _ParzenEstimatorParameters(
        prior_weight=prior_weight, consider_magic_clip=magic_clip, consider_endpoints=endpoints,
        weights=default_weights, multivariate=True)
    obs = {k: np.asarray(v, dtype=float) for k, v in observations.items()}
    mpe = _ParzenEstimator(obs, search_space, parameters)
    mixture = mpe._mixture_distribution
    kernels = []
    for d in mixture.distributions:
        if isinstance(d, _BatchedCategoricalDistributions):
            kernels.append(dict(mus=[], sigmas=[], rows=[list(map(float, r)) for r in d.weights]))
        else:
            kernels.append(dict(mus=list(map(float, d.mu)), sigmas=list(map(float, d.sigma)), rows=[]))
    pts = {k: np.asarray(v, dtype=float) for k, v in points.items()}
    log_pdf = list(map(float, mpe.log_pdf(pts)))
    return dict(
        name=name, prior_weight=prior_weight, magic_clip=magic_clip, endpoints=endpoints,
        dimensions=[dimension(label, dist) for label, dist in space],
        observations=[list(map(float, observations[label])) for label, _ in space],
        weights=list(map(float, mixture.weights)), kernels=kernels,
        points=[list(map(float, points[label])) for label, _ in space], log_pdf=log_pdf)


# A 15-trial history over five kinds (branin-like x, y; a log learning rate; an int; a choice).
SPACE = [
    ("c", CategoricalDistribution(["a", "b", "c"])),
    ("lr", FloatDistribution(1e-5, 1e-1, log=True)),
    ("n", IntDistribution(1, 10)),
    ("w", FloatDistribution(0.0, 5.0, step=0.5)),
    ("x", FloatDistribution(-5.0, 10.0)),
    ("y", FloatDistribution(0.0, 15.0)),
]
ROWS = [  # c, lr, n, w, x, y
    (0, 1e-4, 3, 1.5, -3.0, 12.0), (1, 3e-3, 7, 4.0, 2.5, 4.5), (2, 5e-2, 10, 0.0, 9.0, 2.0),
    (0, 2e-5, 1, 2.5, -1.2, 7.3), (1, 1e-3, 5, 3.0, 3.1, 2.2), (2, 8e-2, 9, 5.0, 6.6, 13.9),
    (0, 4e-4, 2, 0.5, 0.4, 0.9), (1, 6e-3, 6, 3.5, -4.5, 9.8), (0, 2e-2, 8, 2.0, 9.5, 3.1),
    (2, 7e-5, 4, 1.0, 4.8, 10.5), (1, 1.5e-4, 3, 1.5, -2.9, 11.2), (0, 9e-4, 5, 4.5, 3.3, 1.8),
    (2, 3e-2, 9, 2.0, 7.7, 6.4), (1, 5e-5, 2, 0.5, 1.0, 14.5), (0, 2.5e-3, 7, 3.0, -0.5, 5.5),
]
POINTS = {
    "c": [0, 1, 2, 0, 2], "lr": [1e-3, 1e-4, 1e-2, 1e-5, 1e-1], "n": [5, 3, 9, 1, 10],
    "w": [2.0, 0.0, 5.0, 1.5, 3.5], "x": [3.14159, -3.14159, 9.42478, 0.0, 10.0],
    "y": [2.275, 12.275, 2.475, 0.0, 15.0],
}


def columns(rows, labels=None):
    labels = labels or [label for label, _ in SPACE]
    index = {label: i for i, (label, _) in enumerate(SPACE)}
    return {label: [r[index[label]] for r in rows] for label in labels}


def main():
    np.seterr(divide="ignore")  # log(0) of a zero prior weight is -inf, as intended
    cases = []
    below = [ROWS[0], ROWS[11]]
    above = [r for i, r in enumerate(ROWS) if i not in (0, 11)]
    for tag, rows in (("all15", ROWS), ("below2", below), ("above13", above), ("one", [ROWS[4]]), ("none", [])):
        obs = columns(rows) if rows else {label: [] for label, _ in SPACE}
        cases.append(estimator_case("joint-%s" % tag, SPACE, obs, POINTS))
        for label, dist in SPACE:  # the 1-D estimators of independent mode
            cases.append(estimator_case("1d-%s-%s" % (label, tag), [(label, dist)], {label: obs[label]}, {label: POINTS[label]}))
    # Options: endpoints considered, magic clip off, other prior weights.
    cases.append(estimator_case("joint-all15-endpoints", SPACE, columns(ROWS), POINTS, endpoints=True))
    cases.append(estimator_case("joint-all15-noclip", SPACE, columns(ROWS), POINTS, magic_clip=False))
    cases.append(estimator_case("joint-all15-prior2", SPACE, columns(ROWS), POINTS, prior_weight=2.0))
    cases.append(estimator_case("joint-all15-prior0", SPACE, columns(ROWS), POINTS, prior_weight=0.0))
    # A log int.
    log_int = [("k", IntDistribution(1, 100, log=True))]
    cases.append(estimator_case("1d-logint", log_int, {"k": [1, 3, 3, 10, 64, 100, 2]}, {"k": [1, 2, 5, 50, 100]}))
    # The weight ramp: 42 and 26 observations. NumPy's argsort is not stable, so which of two
    # equal observations gets which gap is arbitrary there; ties here fall on equal weights only
    # (the two newest of 1d-ramp42, two of 1d-logint), where the density does not depend on it.
    xs40 = [-4.8125 + 0.375 * ((17 * i) % 40) for i in range(40)] + [2.5, 2.5]
    cases.append(estimator_case("1d-ramp42", [("x", FloatDistribution(-5.0, 10.0))], {"x": xs40},
                                {"x": [-5.0, 0.0, 2.0, 2.5, 9.99]}))
    xs26 = [((7 * i) % 26) * 0.4 - 5.0 for i in range(26)]
    cases.append(estimator_case("joint-ramp26", [("x", FloatDistribution(-5.0, 10.0)), ("m", IntDistribution(0, 30))],
                                {"x": xs26, "m": [(11 * i) % 31 for i in range(26)]}, {"x": [-5.0, 0.1, 5.0], "m": [0, 3, 30]}))
    # A stepped float whose bounds are off the grid of its step.
    cases.append(estimator_case("1d-step-offgrid", [("q", FloatDistribution(0.1, 1.0, step=0.3))],
                                {"q": [0.1, 0.4, 0.4, 1.0]}, {"q": [0.1, 0.7, 1.0]}))

    gammas = [(n, default_gamma(n)) for n in (0, 1, 5, 10, 11, 15, 20, 100, 240, 241, 250, 1000)]
    weights = [(n, list(map(float, default_weights(n)))) for n in (0, 1, 24, 25, 26, 27, 30)]

    # Splits: ties go to the older trial; a running trial goes above and is not counted.
    splits = []
    for losses, running in (([3.0, 1.0, 2.0, 1.0, 0.5, 1.0, 4.0, 1.0, 0.5, 2.0, 1.0, 1.0], []),
                            ([float(abs((17 * i) % 40 - 21) // 3) for i in range(40)], [7, 19])):
        study = optuna.create_study()
        dist = {"x": FloatDistribution(0, 1)}
        for i, loss in enumerate(losses):
            if i in running:
                trial = optuna.trial.create_trial(params={"x": 0.5}, distributions=dist, state=TrialState.RUNNING)
            else:
                trial = optuna.trial.create_trial(params={"x": 0.5}, distributions=dist, value=loss)
            study.add_trial(trial)
        trials = study.get_trials(deepcopy=False)
        n = sum(t.state != TrialState.RUNNING for t in trials)
        below_trials, above_trials = _split_trials(study, trials, default_gamma(n))
        splits.append(dict(losses=losses, running=running, gamma=default_gamma(n),
                           below=[t.number for t in below_trials], above=[t.number for t in above_trials]))

    write(cases, gammas, weights, splits)


def num(x):
    if isinstance(x, bool):
        return "true" if x else "false"
    if x is None:
        return "nil"
    if isinstance(x, int):
        return str(x)
    assert math.isfinite(x), x
    return repr(float(x))


def array(xs):
    return "[" + ", ".join(num(x) for x in xs) + "]"


def write(cases, gammas, weights, splits):
    out = []
    out.append("// Generated by benchmarks/optuna_tpe_known_answers.py from Optuna %s's own estimator; do not edit." % optuna.__version__)
    out.append("// Working coordinates (natural log for log dimensions); the prior is the last kernel.")
    out.append("")
    out.append("enum OptunaTPEKnownAnswers {")
    out.append("    struct Dimension { let label: String; let kind: String; let low: Double; let high: Double; let step: Double?; let log: Bool; let choices: Int }")
    out.append("    struct Kernel { let mus: [Double]; let sigmas: [Double]; let rows: [[Double]] }")
    out.append("    struct Case {")
    out.append("        let name: String; let priorWeight: Double; let magicClip: Bool; let endpoints: Bool")
    out.append("        let dimensions: [Dimension]")
    out.append("        /// One column per dimension (categorical values as option indexes).")
    out.append("        let observations: [[Double]]")
    out.append("        let weights: [Double]")
    out.append("        let kernels: [Kernel]")
    out.append("        /// One column per dimension, external values.")
    out.append("        let points: [[Double]]")
    out.append("        let logPDF: [Double]")
    out.append("    }")
    out.append("    struct Split { let losses: [Double]; let running: [Int]; let gamma: Int; let below: [Int]; let above: [Int] }")
    out.append("")
    out.append("    static let gammas: [(n: Int, gamma: Int)] = [%s]" % ", ".join("(%d, %d)" % g for g in gammas))
    out.append("")
    out.append("    static let weights: [(n: Int, weights: [Double])] = [")
    for n, w in weights:
        out.append("        (%d, %s)," % (n, array(w)))
    out.append("    ]")
    out.append("")
    out.append("    static let splits: [Split] = [")
    for s in splits:
        out.append("        Split(losses: %s, running: %s, gamma: %d, below: %s, above: %s)," % (
            array(s["losses"]), array(s["running"]), s["gamma"], array(s["below"]), array(s["above"])))
    out.append("    ]")
    out.append("")
    out.append("    static let cases: [Case] = [")
    for c in cases:
        out.append("        Case(")
        out.append("            name: %s, priorWeight: %s, magicClip: %s, endpoints: %s," % (
            '"%s"' % c["name"], num(c["prior_weight"]), num(c["magic_clip"]), num(c["endpoints"])))
        out.append("            dimensions: [")
        for d in c["dimensions"]:
            out.append("                Dimension(label: \"%s\", kind: \"%s\", low: %s, high: %s, step: %s, log: %s, choices: %d)," % (
                d["label"], d["kind"], num(d["low"]), num(d["high"]), num(d["step"]), num(d["log"]), d["choices"]))
        out.append("            ],")
        out.append("            observations: [%s]," % ", ".join(array(col) for col in c["observations"]))
        out.append("            weights: %s," % array(c["weights"]))
        out.append("            kernels: [")
        for k in c["kernels"]:
            rows = "[" + ", ".join(array(r) for r in k["rows"]) + "]"
            out.append("                Kernel(mus: %s, sigmas: %s, rows: %s)," % (array(k["mus"]), array(k["sigmas"]), rows))
        out.append("            ],")
        out.append("            points: [%s]," % ", ".join(array(col) for col in c["points"]))
        out.append("            logPDF: %s)," % array(c["log_pdf"]))
    out.append("    ]")
    out.append("}")
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote %s: %d estimator cases, %d gammas, %d weight vectors, %d splits" % (
        os.path.relpath(OUT), len(cases), len(gammas), len(weights), len(splits)), file=sys.stderr)


if __name__ == "__main__":
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    main()
