#!/usr/bin/env bash
# Runs a manifest as a Slurm job array: one array task per slice (`parzen run --shard I/N`) and a
# collection job (`parzen collect`) that starts once every task has succeeded.
#
#   scripts/slurm-array.sh [options] PARZEN MANIFEST SLICES
#
#   PARZEN     the parzen binary (a release build), on a file system every node sees
#   MANIFEST   the manifest; checked with `parzen validate` before anything is submitted
#   SLICES     the number of slices N; task I runs slice I/N with one core
#
# Options:
#   --base DIR     the folder that holds results/ and plots/ (default: the current folder)
#   --tasks LIST   submit only these tasks, in Slurm's array syntax (3, or 2,5-7): to resubmit
#                  tasks that were cancelled or failed. Their finished cells are kept and skipped.
#   --after JOBID  the collection job also waits until job JOBID (for instance the first array,
#                  some of whose tasks may still be running) has ended, however it ended
#   --logs DIR     where each task's output goes (default: BASE/slurm-logs)
#   --parsable     print only "ARRAY_JOB_ID COLLECTION_JOB_ID"
#   --wait         wait until the collection job has ended; exit 0 only if it completed
#
# sbatch reads its usual environment variables for anything site-specific (SBATCH_PARTITION,
# SBATCH_ACCOUNT, SBATCH_TIMELIMIT, ...). Results are the same bytes as a local `parzen run`
# however the slices are scheduled, cancelled or resubmitted: each cell is written whole when it
# finishes, and a rerun skips the cells already written.
#
# External programs: the tasks run with the project's Python environment first on PATH, the
# folder PARZEN_VENV (default: .venv in this repository, as in the Makefile and
# scripts/python-env.sh) when it holds bin/python3, so the manifests' `python3` is the
# environment's on every node. The environment must be on a shared file system too.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
fail() { echo "slurm-array: $*" >&2; exit 1; }

repo=$(cd "$(dirname "$0")/.." && pwd)
base=$PWD
tasks=
after=
logs=
parsable=0
wait=0
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=${2:?--base needs a folder}; shift 2 ;;
    --tasks) tasks=${2:?--tasks needs a list}; shift 2 ;;
    --after) after=${2:?--after needs a job id}; shift 2 ;;
    --logs) logs=${2:?--logs needs a folder}; shift 2 ;;
    --parsable) parsable=1; shift ;;
    --wait) wait=1; shift ;;
    -h|--help) usage ;;
    --*) echo "slurm-array: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -eq 3 ] || usage
parzen=$1 manifest=$2 slices=$3

[[ "$slices" =~ ^[1-9][0-9]*$ ]] || fail "SLICES must be a positive whole number, got '$slices'"
[ -x "$parzen" ] && [ -f "$parzen" ] || fail "$parzen is not an executable file (build one with: swift build -c release)"
[ -f "$manifest" ] || fail "no manifest at $manifest"
command -v sbatch >/dev/null 2>&1 || fail "sbatch is not on PATH (no Slurm here; scripts/slurm-local.sh start sets up a single-node one)"
if [ -n "$tasks" ]; then
  [[ "$tasks" =~ ^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$ ]] || fail "--tasks must look like 3 or 2,5-7, got '$tasks'"
  for index in ${tasks//[,-]/ }; do
    [ "$index" -ge 1 ] && [ "$index" -le "$slices" ] || fail "--tasks: task $index is not a slice of 1-$slices"
  done
else
  tasks="1-$slices"
fi
[ -z "$after" ] || [[ "$after" =~ ^[0-9]+$ ]] || fail "--after must be a job id, got '$after'"

# The jobs start in this folder (--chdir), so the manifest keeps the name it was given here: the
# lock file records it (source:), as a local run would.
absolute() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
parzen=$(absolute "$parzen")
mkdir -p "$base"
base=$(cd "$base" && pwd)
logs=${logs:-$base/slurm-logs}
mkdir -p "$logs"
logs=$(cd "$logs" && pwd)

# Nothing is submitted for a manifest that would be rejected.
checked=$("$parzen" validate "$manifest" 2>&1) || { echo "$checked" >&2; fail "$manifest is not valid (above); nothing submitted"; }
[ "$parsable" -eq 1 ] || echo "$checked"

venv=${PARZEN_VENV:-.venv}
case "$venv" in /*) ;; *) venv=$repo/$venv ;; esac
path_prefix=
if [ -x "$venv/bin/python3" ]; then
  path_prefix="PATH=$(printf %q "$venv/bin"):\"\$PATH\"; export PATH; "
fi

name=$(basename "${manifest%.*}")
q_parzen=$(printf %q "$parzen") q_manifest=$(printf %q "$manifest") q_base=$(printf %q "$base")
run="${path_prefix}exec $q_parzen run $q_manifest --base $q_base --jobs 1 --quiet --no-plots --shard \$SLURM_ARRAY_TASK_ID/$slices"
collect="${path_prefix}exec $q_parzen collect $q_manifest --base $q_base"

array=$(sbatch --parsable --array="$tasks" --cpus-per-task=1 --chdir="$PWD" \
  --job-name="parzen-run-$name" --output="$logs/$name-run-%A_%a.out" --wrap "$run") \
  || fail "sbatch refused the array"
array=${array%%;*}
# Cancelled or failed tasks make the dependency impossible; Slurm then drops the collection job
# instead of leaving it pending forever, and a resubmission brings its own.
dependency="afterok:$array"
[ -z "$after" ] || dependency="$dependency,afterany:$after"
collection=$(sbatch --parsable --dependency="$dependency" --kill-on-invalid-dep=yes --cpus-per-task=1 \
  --chdir="$PWD" --job-name="parzen-collect-$name" --output="$logs/$name-collect-%j.out" --wrap "$collect") \
  || { scancel "$array" 2>/dev/null || true; fail "sbatch refused the collection job; array job $array cancelled"; }
collection=${collection%%;*}

if [ "$parsable" -eq 1 ]; then
  echo "$array $collection"
else
  echo "array job $array: tasks $tasks of $slices slices (parzen run --shard I/$slices)"
  echo "collection job $collection: parzen collect, once every task has succeeded"
  echo "logs in $logs; results in $base/results"
fi

if [ "$wait" -eq 1 ]; then
  # The collection job waits for the array, so its state tells when everything has ended (Slurm
  # drops it when a task fails or is cancelled). scontrol still knows an ended job for a few
  # minutes (MinJobAge); a job it does not know (yet) is asked about again.
  unknown=0
  while :; do
    state=$(scontrol -o show job "$collection" 2>/dev/null | grep -oE 'JobState=[A-Z_]+' | cut -d= -f2 || true)
    case "$state" in
      PENDING|RUNNING|CONFIGURING|COMPLETING|SUSPENDED|REQUEUED|REQUEUE_HOLD|REQUEUE_FED|RESIZING) sleep 0.5 ;;
      "") unknown=$((unknown + 1)); [ "$unknown" -lt 20 ] || break; sleep 0.5 ;;
      *) break ;;
    esac
  done
  [ "$state" = COMPLETED ] || fail "collection job $collection ended ${state:-in an unknown state} (did a task fail or was one cancelled?); logs in $logs"
  [ "$parsable" -eq 1 ] || echo "collection job $collection completed"
fi
