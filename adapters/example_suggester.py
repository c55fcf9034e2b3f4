#!/usr/bin/env python3
"""Random search over Parzen's external-suggester protocol: the template (docs/external-suggesters.md)."""
import json, math, random, sys


def sample(p, rng):  # one draw from hyperopt's prior for a space_json parameter
    k = p["kind"]
    if k in ("choice", "pchoice"):
        return rng.choices(range(p["options"]), weights=p.get("probabilities"))[0]
    if k == "randint":
        return rng.randrange(p["low"], p["high"])
    x = rng.gauss(p["mu"], p["sigma"]) if "mu" in p else rng.uniform(p["low"], p["high"])
    if "log" in k:
        x = math.exp(x)
    if k == "uniformint":
        return int(round(x))
    return round(x / p["q"]) * p["q"] if "q" in p else x


rng, params = random.Random(), []
for line in sys.stdin:
    message = json.loads(line)
    if message["type"] == "hello":
        rng.seed(message["seed"])
        params = message["space_json"]["parameters"]
        # Everything is reset at each hello, so one process may serve many searches ("reuse").
        reply = {"type": "hello", "name": "example-random", "capabilities": ["conditional", "reuse"]}
    elif message["type"] == "ask":
        values = {}
        for p in params:  # declaration order: a choice comes before what it activates
            if all(values.get(label) == option for label, option in p["conditions"]):
                values[p["label"]] = sample(p, rng)
        reply = {"type": "suggest", "assignment": values}
    elif message["type"] in ("tell", "bye"):
        reply = {"type": "ok"}
    else:
        reply = {"type": "error", "message": "unknown message type %r" % message["type"]}
    print(json.dumps(reply), flush=True)
    if message["type"] == "bye":
        break
