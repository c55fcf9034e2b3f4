#!/bin/sh
# A Parzen template objective in POSIX shell (docs/external-objectives.md). Parzen fills the
# {{…}} markers of the command line for each trial and runs it once; the loss is the last line
# of stdout (a number, or a JSON object such as {"loss": 0.3, "status": "ok"}).
#
#   problems:
#     - label: shell-template
#       protocol: template
#       command: [sh, examples/shell/template-objective.sh,
#                 "--x={{x: uniform(-5, 5)}}", "--shape={{choice(bowl, ridge)}}"]
#       optimum: 0
#
# The second marker has no name, so Parzen names it p2 (its position); `parzen template` shows
# the space. This script minimises x^2 for "bowl" and |x| + 1 for "ridge" (minimum 0).
x=""; shape=""
for argument in "$@"; do
  case "$argument" in
    --x=*) x=${argument#--x=} ;;
    --shape=*) shape=${argument#--shape=} ;;
    *) echo "unknown argument $argument" >&2; exit 2 ;;
  esac
done
echo "trial ${PARZEN_TRIAL:-?} in ${PARZEN_TRIAL_DIR:-?}: x=$x shape=$shape" >&2
case "$shape" in
  bowl) awk -v x="$x" 'BEGIN { printf "%.17g\n", x * x }' ;;
  ridge) awk -v x="$x" 'BEGIN { printf "%.17g\n", (x < 0 ? -x : x) + 1 }' ;;
  *) echo "unknown shape '$shape'" >&2; exit 3 ;;
esac
