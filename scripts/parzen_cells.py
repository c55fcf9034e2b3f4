#!/usr/bin/env python3
"""Reads the cells of a Parzen results folder (results/NAME/cells/*.pack, docs/results.md).

    scripts/parzen_cells.py RESULTS            every cell's record body, by cell name, times cut
    scripts/parzen_cells.py --names RESULTS    the names of the cells with an intact record

A record is `# parzen-record 1 kind=K key=KEY body=B extras=E cell=NAME` and a newline, B + E
bytes, then `# parzen-record-end checksum=C` and a newline, C being FNV-1a 64 of the bytes before
the closing line through the SplitMix64 finaliser. The latest intact `cell` record of a name wins
(by the pack file's modification time, then position). Other tools import latest_bodies().
"""
import os
import sys

MARKER = b"# parzen-record 1 "
CLOSING = b"# parzen-record-end checksum="
MASK = (1 << 64) - 1


def checksum(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & MASK
    z = (h + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return b"%016x" % (z ^ (z >> 31))


def records(data):
    """(name, kind, body, extras) of every intact record of a pack file's bytes, in order."""
    offset = 0
    while offset < len(data):
        end = data.find(b"\n", offset)
        header = data[offset:end] if end >= 0 else b""
        fields = {}
        if header.startswith(MARKER):
            rest = header[len(MARKER):].decode("utf-8", "replace")
            head, _, name = rest.partition(" cell=")
            fields = dict(part.split("=", 1) for part in head.split(" ") if "=" in part)
            fields["cell"] = name
        try:
            body, extras = int(fields["body"]), int(fields["extras"])
            start = end + 1
            close = start + body + extras
            line = data[close:close + len(CLOSING) + 17]
            intact = line == CLOSING + checksum(data[offset:close]) + b"\n"
        except (KeyError, ValueError):
            intact = False
        if intact:
            yield fields["cell"], fields["kind"], data[start:start + body], data[start + body:close]
            offset = close + len(CLOSING) + 17
        else:
            # Damaged or torn: go on at the next line that begins a record.
            following = data.find(b"\n" + MARKER, offset)
            if following < 0:
                return
            offset = following + 1


def latest_bodies(results):
    """{cell name: body bytes} of the latest intact finished record of every cell."""
    folder = os.path.join(results, "cells")
    names = [n for n in os.listdir(folder) if n.endswith(".pack") and not n.startswith(".")] if os.path.isdir(folder) else []
    names.sort(key=lambda n: (os.path.getmtime(os.path.join(folder, n)), n))
    bodies = {}
    for name in names:
        with open(os.path.join(folder, name), "rb") as handle:
            for cell, kind, body, _ in records(handle.read()):
                if kind == "cell":
                    bodies[cell] = body
    return bodies


def main(arguments):
    if arguments[:1] == ["--names"]:
        for name in sorted(latest_bodies(arguments[1])):
            print(name)
        return 0
    out = sys.stdout.buffer
    for name, body in sorted(latest_bodies(arguments[0]).items()):
        out.write(b"== " + name.encode() + b"\n")
        # The closing line holds the seconds spent: cut from there on.
        out.write(without_times(body[:body.rfind(b"# end ")]) + b"\n")
    return 0


def without_times(body):
    """The body without the per-trial time columns suggest_ns and evaluate_ns (cell format 3),
    which come right after true_loss; the other columns are what a rerun reproduces."""
    lines = body.split(b"\n")
    header = next((i for i, line in enumerate(lines) if not line.startswith(b"#")), None)
    if header is None or b",suggest_ns,evaluate_ns," not in lines[header]:
        return body
    kept = lines[:header]
    for line in lines[header:]:
        parts = line.split(b",", 6)
        kept.append(b",".join(parts[:4] + parts[6:]) if len(parts) == 7 else line)
    return b"\n".join(kept)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
