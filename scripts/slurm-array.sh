#!/usr/bin/env bash
# Runs a manifest as a Slurm job array of N slices plus a dependent collection job.
#   scripts/slurm-array.sh MANIFEST N
# Needs a release build (swift build -c release) on a file system shared by the nodes.
set -euo pipefail
manifest=${1:?usage: scripts/slurm-array.sh MANIFEST N}
slices=${2:?usage: scripts/slurm-array.sh MANIFEST N}
parzen=${PARZEN:-./.build/release/parzen}
"$parzen" validate "$manifest"
jid=$(sbatch --parsable --array="1-$slices" --cpus-per-task=1 --job-name=parzen-run \
  --wrap "$parzen run $manifest --jobs 1 --quiet --no-plots --shard \$SLURM_ARRAY_TASK_ID/$slices")
cid=$(sbatch --parsable --dependency="afterok:$jid" --job-name=parzen-collect --wrap "$parzen collect $manifest")
echo "submitted array job $jid ($slices slices) and collection job $cid"
