"""Shared helpers for Parzen external-suggester adapters (docs/external-suggesters.md).

The protocol: Parzen writes one JSON object per line on the program's stdin, the program
answers each with exactly one JSON object on one line of stdout. Logs go to stderr only.

    serve(SuggesterClass)      runs the message loop
    Param, parameters(hello)   the space_json of hello as a list of Param, in declaration order
    is_active(param, values)   whether a parameter's conditions hold in an assignment
    to_hyperopt(params)        a hyperopt space (nested hp.choice for conditional parameters)
    suggest_optuna(trial, ps)  define-by-run sampling of an Optuna trial
    optuna_distributions(ps)   Optuna distributions for told trials that were not asked

A suggester class is made with the hello message and has:

    name, capabilities         sent back in the hello reply
    ask(trial_id)              -> {label: number} (choice values as option indexes), or None when exhausted
    tell(trial_id, status, loss, assignment)

One process may serve many searches: serve makes a new suggester at every hello and, before
that, seeds Python's and NumPy's global generators with the hello seed. A suggester whose
capabilities include "reuse" tells Parzen so; it must keep no state outside the object (the
adapters here keep none), so that a search's proposals do not depend on what the process did
before.
"""

import json
import math
import sys
import traceback

PROTOCOL = 1


class ProtocolError(Exception):
    """An error reported to Parzen as {"type": "error", "message": ...}."""


class Param:
    """One hyperparameter of space_json."""

    def __init__(self, doc):
        self.label = doc["label"]
        self.kind = doc["kind"]
        self.doc = doc
        self.conditions = [tuple(c) for c in doc.get("conditions", [])]

    def __getattr__(self, name):
        try:
            return self.doc[name]
        except KeyError:
            raise AttributeError(name)

    @property
    def is_choice(self):
        return self.kind in ("choice", "pchoice")

    @property
    def is_integer(self):
        return self.kind in ("choice", "pchoice", "randint", "uniformint")

    @property
    def is_categorical(self):
        return self.kind in ("choice", "pchoice", "randint")

    def __repr__(self):
        return "Param(%r)" % (self.doc,)


def parameters(hello):
    """The hyperparameters of the hello message's space_json, in declaration order."""
    return [Param(p) for p in hello["space_json"]["parameters"]]


def is_conditional(params):
    return any(p.conditions for p in params)


def is_active(param, values):
    return all(values.get(label) == option for label, option in param.conditions)


def clean_value(param, value):
    """A JSON-friendly number: int for integer kinds, float otherwise."""
    if param.is_integer:
        return int(round(float(value)))
    return float(value)


def quantize(x, q):
    """hyperopt's round(x / q) * q (NumPy rounds half to even, as Python's round does)."""
    return round(x / q) * q


# ---------------------------------------------------------------- hyperopt

def to_hyperopt(params):
    """A hyperopt space for the parameters: a dict of the unconditional ones, each choice an
    hp.choice (hp.pchoice) over dicts of the parameters it activates, so hyperopt's tree
    handles conditional parameters. Labels are kept, so hyperopt's vals are Parzen's labels
    and choice values are option indexes in both."""
    from hyperopt import hp

    children = {}  # (choice label, option) -> [Param]
    roots = []
    for p in params:
        if p.conditions:
            children.setdefault(p.conditions[-1], []).append(p)
        else:
            roots.append(p)

    def expression(p):
        k = p.kind
        if k == "choice":
            return hp.choice(p.label, [block(children.get((p.label, i), [])) for i in range(p.options)])
        if k == "pchoice":
            return hp.pchoice(p.label, [(p.probabilities[i], block(children.get((p.label, i), []))) for i in range(p.options)])
        if k == "randint":
            return hp.randint(p.label, p.low, p.high)
        if k == "uniformint":
            return hp.uniformint(p.label, p.low, p.high)
        if k in ("uniform", "loguniform"):
            return getattr(hp, k)(p.label, p.low, p.high)
        if k in ("quniform", "qloguniform"):
            return getattr(hp, k)(p.label, p.low, p.high, p.q)
        if k in ("normal", "lognormal"):
            return getattr(hp, k)(p.label, p.mu, p.sigma)
        if k in ("qnormal", "qlognormal"):
            return getattr(hp, k)(p.label, p.mu, p.sigma, p.q)
        raise ProtocolError("unknown parameter kind %r for %r" % (k, p.label))

    def block(items):
        return {p.label: expression(p) for p in items}

    return block(roots)


# ---------------------------------------------------------------- Optuna

def optuna_distribution(p):
    """The Optuna distribution Parzen's parameter is sampled from (see suggest_optuna): the
    parameter's numeric view from space_json (docs/numeric-view.md)."""
    from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution

    view = p.numeric
    log = view["scale"] == "log"
    if view["domain"] == "categorical":
        return CategoricalDistribution(list(range(view["count"])))
    if view["integer"]:
        return IntDistribution(int(view["low"]), int(view["high"]), log=log)
    step = view["step"] if view["domain"] == "lattice" else None
    return FloatDistribution(view["low"], view["high"], log=log, step=step)


def to_parzen_value(p, x):
    """Parzen's value for Optuna's sample x: quantized kinds re-quantized onto multiples of q
    (and into Parzen's range), integers as ints."""
    k = p.kind
    if k == "quniform":
        x = quantize(x, p.q)
    elif k in ("qloguniform", "qnormal", "qlognormal"):
        x = quantize(x, p.q)
        if k == "qloguniform":
            lo, hi = quantize(math.exp(p.low), p.q), quantize(math.exp(p.high), p.q)
            x = min(max(x, lo), hi)
        if k == "qlognormal":
            x = max(x, 0.0)
    return clean_value(p, x)


def suggest_optuna(trial, params):
    """Samples the active parameters of an Optuna trial, define-by-run, in declaration order;
    returns Parzen's assignment."""
    values = {}
    for p in params:
        if not is_active(p, values):
            continue
        d = optuna_distribution(p)
        if hasattr(d, "choices"):
            x = trial.suggest_categorical(p.label, d.choices)
        elif type(d).__name__ == "IntDistribution":
            x = trial.suggest_int(p.label, d.low, d.high)
        else:
            x = trial.suggest_float(p.label, d.low, d.high, step=d.step, log=d.log)
        values[p.label] = to_parzen_value(p, x)
    return values


def optuna_distributions(params, assignment):
    """The Optuna params and distributions of a Parzen assignment (for told trials Optuna did
    not ask for)."""
    distributions, values = {}, {}
    for p in params:
        if p.label in assignment:
            d = optuna_distribution(p)
            x = assignment[p.label]
            if p.is_choice or p.kind in ("randint", "uniformint"):
                x = int(round(x))
            else:
                x = min(max(float(x), d.low), d.high)
            distributions[p.label] = d
            values[p.label] = x
    return values, distributions


# ---------------------------------------------------------------- the loop

def options_split(options, key, default, accepted):
    """(choice, rest): options[key] (default if absent), checked against accepted; the other
    options are passed through to the library."""
    options = dict(options or {})
    choice = options.pop(key, default)
    if choice not in accepted:
        raise ProtocolError("option %s: %r is not one of %s" % (key, choice, ", ".join(accepted)))
    return choice, options


def write(message):
    sys.stdout.write(json.dumps(message, allow_nan=False) + "\n")
    sys.stdout.flush()


REUSE = "reuse"


def reset_global_generators(seed):
    """Seeds the generators a library may use behind the adapter's back (Python's random,
    NumPy's legacy global one when NumPy is loaded), so a new search starts from the same state
    on a fresh process and on one that served others."""
    import random
    random.seed(seed)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed(seed)


def serve(make_suggester, stdin=None):
    """Runs the protocol until bye or end of input. make_suggester(hello) returns the
    suggester, a new one at every hello (the previous one is dropped); its exceptions become
    error replies (with the traceback on stderr)."""
    stdin = stdin or sys.stdin
    suggester = None
    for line in stdin:
        line = line.strip()
        if not line:
            continue
        try:
            message = json.loads(line)
            kind = message.get("type")
            if kind == "hello":
                if message.get("protocol") != PROTOCOL:
                    raise ProtocolError("protocol %r is not supported (this adapter speaks %d)" % (message.get("protocol"), PROTOCOL))
                suggester = None
                reset_global_generators(message["seed"])
                suggester = make_suggester(message)
                reply = {"type": "hello", "name": suggester.name, "capabilities": list(suggester.capabilities)}
            elif kind == "bye":
                write({"type": "ok"})
                return
            elif suggester is None:
                raise ProtocolError("expected hello first, got %r" % (kind,))
            elif kind == "ask":
                assignment = suggester.ask(message["trial"])
                reply = {"type": "exhausted"} if assignment is None else {"type": "suggest", "assignment": assignment}
            elif kind == "tell":
                suggester.tell(message["trial"], message["status"], message.get("loss"), message.get("assignment", {}))
                reply = {"type": "ok"}
            else:
                raise ProtocolError("unknown message type %r" % (kind,))
        except Exception as error:  # reported to Parzen, which fails the cell
            traceback.print_exc(file=sys.stderr)
            text = str(error) if isinstance(error, ProtocolError) else "%s: %s" % (type(error).__name__, error)
            reply = {"type": "error", "message": text}
        write(reply)
