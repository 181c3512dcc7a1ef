#!/usr/bin/env bash
# Run one reprobench command as N shards in N parallel processes on this machine, each into its
# own DuckDB file, then merge the files. The smallest "engine": what the CI matrix, the
# Kubernetes Indexed Job and the Slurm array do across machines, here across processes.
#
#   deploy/local/run_shards.sh N OUTDIR COMMAND [FLAGS...]
#   deploy/local/run_shards.sh 4 .out/shards claims --profile full --experiment keras-mlp-mnist-004
#
# Prints the wall time of the shards and of the merge, and the load average before and after.
set -euo pipefail
n=$1 out=$2 cmd=$3
shift 3
mkdir -p "$out"
echo "load before: $(cat /proc/loadavg)"
start=$(date +%s.%N)
pids=()
for i in $(seq 1 "$n"); do
  deno run -q -A main.ts "$cmd" "$@" --shard "$i/$n" --db "$out/shard-$i.duckdb" --quiet \
    >"$out/shard-$i.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=$?; done
end=$(date +%s.%N)
echo "shards: $n in $(echo "$end - $start" | bc) s (exit $status)"
echo "load after: $(cat /proc/loadavg)"
[ "$status" = 0 ] || exit "$status"
m0=$(date +%s.%N)
deno run -q -A main.ts merge "$out/merged.duckdb" "$out"/shard-*.duckdb
echo "merge: $(echo "$(date +%s.%N) - $m0" | bc) s"
