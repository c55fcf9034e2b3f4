#!/bin/sh
# A Parzen worker in POSIX shell (docs/external-objectives.md): one JSON request per line on
# stdin, one JSON reply per line on stdout. It minimises a shifted sphere,
#     f(x, y) = (x - 1)^2 + (y + 2)^2          (minimum 0 at x = 1, y = -2)
# for the space {x: uniform(-5, 5), y: uniform(-5, 5)}. The request looks like
#     {"assignment": {"x": 0.5, "y": -1.0}, "point": {"x": 0.5, "y": -1.0}, "seed": 42, "trial": 0}
# and the tiny parser below reads "x" and "y" from the "point" object with sed (enough for flat
# numeric points; use a real JSON parser for nested ones).
#
#   problems:
#     - {label: shell-sphere, protocol: worker, command: [sh, examples/shell/worker.sh],
#        space: "{x: uniform(-5, 5), y: uniform(-5, 5)}", optimum: 0}
while IFS= read -r line; do
  point=$(printf '%s\n' "$line" | sed -n 's/.*"point": *{\([^}]*\)}.*/\1/p')
  x=$(printf '%s\n' "$point" | sed -n 's/.*"x": *\([-0-9.eE+]*\).*/\1/p')
  y=$(printf '%s\n' "$point" | sed -n 's/.*"y": *\([-0-9.eE+]*\).*/\1/p')
  if [ -z "$x" ] || [ -z "$y" ]; then
    printf '{"status": "fail", "message": "no x or y in the point"}\n'
    continue
  fi
  awk -v x="$x" -v y="$y" 'BEGIN { printf "{\"loss\": %.17g, \"status\": \"ok\", \"extras\": {\"dx\": %.17g}}\n", (x - 1)^2 + (y + 2)^2, x - 1 }'
done
