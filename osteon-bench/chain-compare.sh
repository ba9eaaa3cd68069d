#!/usr/bin/env bash
# Issue 14's chain benchmark, Osteon and SUNDIALS CVODE side by side in one run (on demand, not in CI).
# Usage (from the repository root, after `mvn -q -Pbench -DskipTests package -pl osteon-bench -am`):
#   osteon-bench/chain-compare.sh [repeats] [N ...]        default: 5 repeats, N = 100 300 1000 10000
# Each N: a fresh JVM compiles the chain (time, CPU time, peak heap) and solves it with each method
# (median/min/max of the repeats after one warm-up run), then the C driver solves the same equations.
# OSTEON_BENCH_METHODS picks Osteon's methods (default auto,rodas5p,bdf).
# OSTEON_BENCH_WARMUP sets Osteon's untimed warm-up runs per method (default 1; CVODE always has 1).
# OSTEON_BENCH_JAVA_OPTS adds JVM options (e.g. -XX:+AlwaysPreTouch, see docs/performance.md); the solve
# lines name the collector used.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repeats="${1:-5}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 300 1000 10000)
cvode="$("$here/src/main/c/build.sh")"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for n in "${sizes[@]}"; do
  # shellcheck disable=SC2086
  java -Xmx6g ${OSTEON_BENCH_JAVA_OPTS:-} -cp "$here/target/benchmarks.jar" org.osteon.bench.ChainRun "$n" "${OSTEON_BENCH_METHODS:-auto,rodas5p,bdf}" "$repeats" "${OSTEON_BENCH_WARMUP:-1}"
  "$cvode" "$n" "$repeats"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
