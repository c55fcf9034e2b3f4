#!/usr/bin/env python3
"""External fuzz of the `parzen` command line (docs/testing.md).

    scripts/fuzz-cli.py PARZEN [--seconds N] [--seed S] [--work DIR] [--timeout T]

Runs random cases against the `parzen` executable PARZEN (the release build) until N seconds
have passed, each in a fresh folder under DIR:

- manifest: a small valid manifest, mutated (numbers swapped for extreme ones, keys and values
  dropped, duplicated or replaced, YAML punctuation and bytes inserted), then `validate` and,
  when it validates to a small run, `run`;
- space: a space text, mutated the same way, given to `sample`;
- cells: a small run whose cell files (and failure notes) are then corrupted (truncated, bytes
  flipped, lines swapped, dropped or duplicated, junk appended), then `collect` and `run` again;
- program: external suggesters, workers and templates that write garbage (random bytes, broken
  or huge JSON, extra lines, NaN, early exits, closed stdout, silence past the timeout), raced
  with `run`.

Each invocation must end within T seconds (default 120) by itself, not by a signal, and when its
exit status is not 0 its stderr must end with one line starting `parzen:` or `Error:` (exit
status 1 or 2). A case that breaks a rule is a finding: its folder is kept under
DIR/findings/CASE with the command, exit status and output; the others are removed. Prints one
line per finding and a summary; exit status 1 when anything was found.

Determinism: the cases are a function of --seed (each case's own seed is printed with it), so
`--seed S` reproduces a run's cases; the programs' garbage is drawn from the case's seed too.
"""
import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SEED_MANIFEST = """name: fz
seed: 7
repeats: 2
budget: 12
checkpoints: [3, 12]
problems:
  - branin
  - {function: sphere, dims: 2, noise: 0.1, label: noisy}
  - conditional
suggesters:
  - random
  - tpe
  - {label: g, algorithm: grid}
  - {label: t2, algorithm: tpe, options: {gamma: 0.2, n_startup_jobs: 4}}
"""

SPACES = [
    "{x: uniform(-5, 10), y: loguniform(-3, 2)}",
    "{type: choice({kind: svm, C: uniform(0, 10)}, {kind: knn, k: uniformint(1, 50)})}",
    "{a: [quniform(0, 10, 2), normal(0, 1)], b: pchoice(0.3: a, 0.7: b), c: randint(3, 9)}",
    "{lr: qloguniform(-9, 0, 0.001), n: lognormal(0, 1), m: qnormal(0, 2, 0.5), s: 'text'}",
]

EXTREMES = ["0", "-1", "1", "-0", "1e308", "-1e308", "1e-320", "4294967297", "9223372036854775807",
            "-9223372036854775809", "1000000000000", "100000000", "nan", "inf", "-inf", "0.5", "2.5",
            "''", '""', "null", "~", "true", "[]", "{}", "-x", "x" * 300, "é\u0301", "\u202e", "a:b",
            "*a", "&a [1]", "!!str 3", "'\\n'", "\"\\u0000\""]
PUNCTUATION = ["{", "}", "[", "]", ",", ":", "- ", "\n", "  ", "#", "&a ", "*a", "'", '"', "(", ")",
               "\t", "\x00", "\xff", "\u2028", "|", ">", "? ", "---\n", "...\n", "%YAML 1.2\n"]
GARBAGE_LINES = ['{"type": "hello", "name": "g", "capabilities": []}', '{"type": "suggest", "assignment": {}}',
                 '{"type": "ok"}', '{"type": "exhausted"}', '{"type": "error", "message": "m\\nn"}',
                 '{"loss": NaN}', '{"loss": "0.5"}', '{"loss": 1e999}', '{"loss": -1e308, "status": "ok"}',
                 '{"loss": 1, "status": "fail", "message": "a\\nb,\\"c\\""}', '{"loss": 1, "trial": 99}',
                 '{"loss": 1, "extras": {"a": [1, {"b": null}], "": 2}}', '{', '}', '[]', 'null', '0.25',
                 '-', '1,2', '{"loss": 1}{"loss": 2}', '\x1b[2J', '{"type": "suggest", "assignment": {"x1": "a"}}',
                 '{"type": "suggest", "assignment": {"x1": 1e400, "x2": -0.0}}',
                 '{"type": "suggest", "assignment": {"x1": 0.5, "x2": 0.5, "z": 1}}']


class Case:
    def __init__(self, number, seed, root):
        self.number = number
        self.seed = seed
        self.rng = random.Random(seed)
        self.folder = tempfile.mkdtemp(prefix=f"case{number:05d}-", dir=root)
        self.findings = []
        self.log = []

    def path(self, name):
        return os.path.join(self.folder, name)

    def write(self, name, text, executable=False):
        with open(self.path(name), "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
        if executable:
            os.chmod(self.path(name), 0o755)
        return self.path(name)

    def run(self, parzen, arguments, timeout, env=None):
        """Runs parzen, records it, checks the rules; returns (status, stdout, stderr)."""
        command = [parzen] + arguments
        started = time.monotonic()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   cwd=self.folder, env=env, start_new_session=True)
        try:
            out, err = process.communicate(timeout=timeout)
            hung = False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            hung = True
        seconds = time.monotonic() - started
        status = process.returncode
        out = out.decode("utf-8", "replace")
        err = err.decode("utf-8", "replace")
        self.log.append({"command": command, "status": status, "seconds": round(seconds, 2),
                         "stderr_tail": err[-4000:], "stdout_tail": out[-1000:]})
        lines = [line for line in err.split("\n") if line.strip()]
        if hung:
            self.findings.append(f"hang: no exit within {timeout} s: {' '.join(arguments[:2])}")
        elif status < 0:
            self.findings.append(f"crash: {signal.Signals(-status).name}: {' '.join(arguments[:2])}")
        elif status != 0:
            if status not in (1, 2):
                self.findings.append(f"exit status {status}: {' '.join(arguments[:2])}")
            if not lines or not (lines[-1].startswith("parzen: ") or lines[-1].startswith("Error: ")):
                last = lines[-1] if lines else "(nothing)"
                self.findings.append(f"exit {status} without a closing message line (last stderr line: {last[:200]!r}): {' '.join(arguments[:2])}")
        return status, out, err


def mutate_text(rng, text, rounds):
    """A few random edits of a YAML or space text."""
    for _ in range(rounds):
        kind = rng.randrange(8)
        if not text:
            text = rng.choice(PUNCTUATION)
            continue
        at = rng.randrange(len(text) + 1)
        if kind == 0:  # a number swapped for an extreme one
            digits = [i for i, c in enumerate(text) if c.isdigit()]
            if digits:
                i = rng.choice(digits)
                j = i
                while j < len(text) and (text[j].isdigit() or text[j] in ".e-"):
                    j += 1
                text = text[:i] + rng.choice(EXTREMES) + text[j:]
        elif kind == 1:  # punctuation inserted
            text = text[:at] + rng.choice(PUNCTUATION) + text[at:]
        elif kind == 2:  # a span deleted
            text = text[:at] + text[at + rng.randrange(1, 12):]
        elif kind == 3:  # a line duplicated, dropped or swapped
            lines = text.split("\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            choice = rng.randrange(3)
            if choice == 0:
                lines.insert(i, lines[j])
            elif choice == 1 and len(lines) > 1:
                del lines[i]
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif kind == 4:  # a byte flipped
            text = text[:at] + chr(rng.randrange(1, 256)) + text[at + 1:]
        elif kind == 5:  # a value replaced by an extreme one
            text = text[:at] + rng.choice(EXTREMES) + text[at:]
        elif kind == 6:  # a span repeated (nesting, long lists)
            span = text[at:at + rng.randrange(1, 20)]
            text = text[:at] + span * rng.randrange(2, 40) + text[at:]
        else:  # a space expression inserted
            text = text[:at] + rng.choice(SPACES) + text[at:]
    return text


def small_run(status, out):
    """Whether a validated manifest is small enough to run in a case (from `validate`'s line)."""
    match = re.search(r"= (\d+) cells of (?:up to )?(\d+) evaluations", out)
    return status == 0 and match is not None and int(match.group(1)) * int(match.group(2)) <= 20000


def manifest_case(case, parzen, timeout):
    text = mutate_text(case.rng, SEED_MANIFEST, case.rng.randrange(1, 6))
    path = case.write("m.yaml", text)
    status, out, _ = case.run(parzen, ["validate", path], timeout)
    if small_run(status, out):
        case.run(parzen, ["run", path, "--base", case.folder, "--jobs", "2", "--quiet", "--no-plots"], timeout)


def space_case(case, parzen, timeout):
    # A command-line argument cannot hold a NUL byte.
    text = mutate_text(case.rng, case.rng.choice(SPACES), case.rng.randrange(1, 6)).replace("\x00", "")
    case.run(parzen, ["sample", text, "--count", "3", "--seed", str(case.rng.randrange(1 << 31))], timeout)


def corrupt(rng, data):
    kind = rng.randrange(7)
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    at = rng.randrange(len(data))
    if kind == 0:
        return data[:at]
    if kind == 1:
        return data[:at] + bytes([rng.randrange(256)]) + data[at + 1:]
    if kind == 2:
        return data + rng.choice([b"\n", b"junk", b"\x00\xff", b"1,2,3\n", b",,,,\n", b"\"unterminated\n"])
    lines = data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    if kind == 3:
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 4:
        del lines[i]
    elif kind == 5:
        lines.insert(i, lines[j])
    else:
        fields = lines[i].split(b",")
        fields[rng.randrange(len(fields))] = rng.choice([b"-1e9", b"nan", b"", b"\"a\nb\"", b"99999999999999999999", b"inf"])
        lines[i] = b",".join(fields)
    return b"\n".join(lines)


def cells_case(case, parzen, timeout):
    manifest = case.write("m.yaml", SEED_MANIFEST)
    status, _, _ = case.run(parzen, ["run", manifest, "--base", case.folder, "--jobs", "2", "--quiet", "--no-plots"], timeout)
    cells = []
    for folder, _, names in os.walk(case.path("results/fz/cells")):
        cells += [os.path.join(folder, name) for name in names]
    if status != 0 or not cells:
        return
    for path in case.rng.sample(cells, min(len(cells), case.rng.randrange(1, 4))):
        with open(path, "rb") as f:
            data = f.read()
        for _ in range(case.rng.randrange(1, 3)):
            data = corrupt(case.rng, data)
        with open(path, "wb") as f:
            f.write(data)
    case.run(parzen, ["collect", manifest, "--base", case.folder, "--quiet", "--no-plots"], timeout)
    case.run(parzen, ["run", manifest, "--base", case.folder, "--jobs", "2", "--quiet", "--no-plots"], timeout)


def garbage_program(case, role):
    """A Python program for `role` (suggester, worker, template) that misbehaves at random."""
    rng = case.rng
    seed = rng.randrange(1 << 31)
    behaviour = rng.choice(["lines", "bytes", "huge", "exit", "close", "silent", "extra", "stderr", "fork"])
    return case.write(f"{role}.py", f"""
import json, os, random, sys, time
rng = random.Random({seed})
behaviour = {behaviour!r}
garbage = {GARBAGE_LINES!r}
role = {role!r}
def good(line):
    if role == "suggester":
        kind = json.loads(line).get("type") if line.startswith("{{") else None
        if kind == "hello": return json.dumps({{"type": "hello", "name": "g", "capabilities": ["conditional"]}})
        if kind == "ask": return json.dumps({{"type": "suggest", "assignment": {{"x1": rng.uniform(-5, 10), "x2": rng.uniform(0, 15)}}}})
        return json.dumps({{"type": "ok"}})
    return json.dumps({{"loss": rng.random(), "status": "ok"}})
def bad():
    if behaviour == "bytes": return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))).decode("latin1")
    if behaviour == "huge": return "{{\\"loss\\": 1, \\"message\\": \\"" + "x" * rng.randrange(1, 3000000) + "\\"}}"
    return rng.choice(garbage)
def out(text):
    try:
        sys.stdout.write(text + "\\n"); sys.stdout.flush()
    except BrokenPipeError:
        os._exit(0)
lines = sys.stdin if role != "template" else [""]
for count, line in enumerate(lines):
    line = line.strip()
    if rng.random() < 0.15:
        if behaviour == "exit": os._exit(rng.choice([0, 1, 3, 139]))
        if behaviour == "close": os.close(1); time.sleep(30); os._exit(0)
        if behaviour == "silent": time.sleep(30)
        if behaviour == "stderr": sys.stderr.write(bad() * 100 + "\\n")
        if behaviour == "fork" and os.fork() == 0: time.sleep(30); os._exit(0)
        if behaviour == "extra": out(good(line))
        out(bad())
    else:
        out(good(line))
""")


def program_case(case, parzen, timeout):
    role = case.rng.choice(["suggester", "worker", "template"])
    program = garbage_program(case, role)
    if role == "suggester":
        problems, suggesters = "[branin]", f"[random, {{label: ext, command: [python3, {program}], timeout: 3}}]"
    elif role == "worker":
        problems = f"[{{label: w, protocol: worker, command: [python3, {program}], space: \"{{x: uniform(0, 1), c: choice(a, 'b\\\\nc')}}\", timeout: 3}}]"
        suggesters = "[random, tpe]"
    else:
        problems = f"[{{label: t, protocol: template, command: [python3, {program}, \"{{{{x: uniform(0, 1)}}}}\"], timeout: 3}}]"
        suggesters = "[random]"
    manifest = case.write("m.yaml", f"name: fz\nseed: {case.rng.randrange(1000)}\nrepeats: 2\nbudget: 6\nproblems: {problems}\nsuggesters: {suggesters}\n")
    case.run(parzen, ["run", manifest, "--base", case.folder, "--jobs", "2", "--quiet"], timeout)
    case.run(parzen, ["collect", manifest, "--base", case.folder, "--quiet"], timeout)


KINDS = {"manifest": manifest_case, "space": space_case, "cells": cells_case, "program": program_case}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("parzen")
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default=None)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    parzen = os.path.abspath(args.parzen)
    work = args.work or tempfile.mkdtemp(prefix="parzen-fuzz-cli-")
    os.makedirs(os.path.join(work, "findings"), exist_ok=True)
    kinds = args.kinds.split(",")
    rng = random.Random(args.seed)
    started = time.monotonic()
    counts = {kind: 0 for kind in kinds}
    invocations = 0
    found = 0
    number = 0
    while time.monotonic() - started < args.seconds:
        kind = kinds[number % len(kinds)]
        case = Case(number, rng.randrange(1 << 62), work)
        try:
            KINDS[kind](case, parzen, args.timeout)
        finally:
            invocations += len(case.log)
            counts[kind] += 1
            if case.findings:
                found += 1
                kept = os.path.join(work, "findings", f"{kind}-{number:05d}")
                shutil.move(case.folder, kept)
                with open(os.path.join(kept, "finding.json"), "w") as f:
                    json.dump({"kind": kind, "seed": case.seed, "findings": case.findings, "log": case.log}, f, indent=1)
                for finding in case.findings:
                    print(f"finding: {kind} case {number} (seed {case.seed}): {finding} [{kept}]", flush=True)
            else:
                shutil.rmtree(case.folder, ignore_errors=True)
        number += 1
    elapsed = time.monotonic() - started
    summary = ", ".join(f"{kind} {count}" for kind, count in counts.items())
    print(f"fuzz-cli: {number} cases ({summary}), {invocations} parzen invocations in {elapsed:.0f} s; {found} with findings (seed {args.seed}, work {work})")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
