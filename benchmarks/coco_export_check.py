#!/usr/bin/env python3
"""Checks `parzen export coco` against COCO's own logger, byte for byte.

Replays every evaluation of a run's bbob cells (their records in results/NAME/cells) through cocoex problems
observed by cocoex.Observer("bbob", ...), in the export's order (per suggester: function, then
dimension, then problem and replicate), and compares the .info, .dat and .tdat files cocoex
writes with those `parzen export coco` wrote. Exits 1 on any difference.

    python3 benchmarks/coco_export_check.py results/NAME EXPORT_DIR
"""
import csv
import filecmp
import os
import sys
import tempfile

import cocoex

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import parzen_cells  # noqa: E402  (the pack reader, scripts/parzen_cells.py)


def read_lock(path):
    """The few fields needed from manifest.lock.yaml, whose lines Parzen writes one per item."""
    problems, suggesters, name, repeats = [], [], None, 0
    section = None
    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith("name: "):
            name = line[len("name: "):]
        elif line.startswith("repeats: "):
            repeats = int(line[len("repeats: "):])
        elif line in ("problems:", "suggesters:"):
            section = line[:-1]
        elif line.lstrip(" ").startswith("- {") and section:
            fields = {}
            for part in line.lstrip(" ")[len("- {"):-1].split(", "):
                if ": " in part:
                    key, value = part.split(": ", 1)
                    fields[key] = value
            {"problems": problems, "suggesters": suggesters}[section].append(fields)
        elif not line.startswith(" "):
            section = None
    return name, problems, suggesters, repeats


def evaluations(body, dimension):
    rows = [line for line in body.decode("utf-8").splitlines() if not line.startswith("#")]
    reader = csv.reader(rows)
    header = next(reader)
    columns = [header.index("x%d" % (i + 1)) for i in range(dimension)]
    return [[float(row[c]) for c in columns] for row in reader]


def main(results, exported):
    name, problems, suggesters, repeats = read_lock(os.path.join(results, "manifest.lock.yaml"))
    bodies = parzen_cells.latest_bodies(results)
    bbob = [p for p in problems if p.get("function", "").startswith("bbob-f")]
    differences = 0
    compared = 0
    for suggester in suggesters:
        label = suggester["label"]
        runs = []
        for p in bbob:
            f, d = int(p["function"][len("bbob-f"):]), int(p["dims"])
            for replicate in range(repeats):
                instance = replicate % 15 + 1 if p.get("instance") == "replicate" else int(p.get("instance", 1))
                cell = bodies["%s/%s/r%03d" % (p["label"], label, replicate)]
                runs.append((f, d, instance, cell))
        order = sorted(range(len(runs)), key=lambda k: (runs[k][0], runs[k][1], k))
        work = tempfile.mkdtemp(prefix="coco-check-")
        info = "Parzen suggester %s (algorithm %s), run %s" % (label, suggester.get("algorithm", label), name)
        observer = cocoex.Observer("bbob", 'outer_folder: %s result_folder: %s algorithm_name: %s algorithm_info: "%s"'
                                   % (work, label, label, info))
        for k in order:
            f, d, instance, cell = runs[k]
            suite = cocoex.Suite("bbob", "instances: %d" % instance, "function_indices: %d dimensions: %d" % (f, d))
            problem = next(iter(suite))
            problem.observe_with(observer)
            for x in evaluations(cell, d):
                problem(x)
            problem.free()
        del observer
        produced = os.path.join(work, label)
        for root, _, files in os.walk(produced):
            for file in files:
                if not file.endswith((".info", ".dat", ".tdat")):
                    continue
                relative = os.path.relpath(os.path.join(root, file), produced)
                mine = os.path.join(exported, label, relative)
                compared += 1
                if not os.path.exists(mine) or not filecmp.cmp(os.path.join(root, file), mine, shallow=False):
                    differences += 1
                    print("differs: %s (cocoex: %s)" % (mine, os.path.join(root, file)))
    print("compared %d files, %d differ" % (compared, differences))
    return 1 if differences or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
