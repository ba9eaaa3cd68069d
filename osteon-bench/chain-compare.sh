#!/usr/bin/env bash
# Issue 14's chain benchmark, Osteon and SUNDIALS CVODE side by side in one run (on demand, not in CI).
# Usage (from the repository root, after `mvn -q -Pbench -DskipTests package -pl osteon-bench -am`):
#   osteon-bench/chain-compare.sh [repeats] [N ...]        default: 5 repeats, N = 100 300 1000 10000
# Each N: a fresh JVM compiles the chain (time, CPU time, peak heap) and solves it with each method,
# then the C driver solves the same equations. Osteon's methods run in rounds whose order rotates
# (round r starts with method r mod M), so no method is always the first timed in the JVM and pays
# the first-touch page faults alone. Two sets of `repeats` timed rounds per JVM:
#   cpu_median_ms etc.: after OSTEON_BENCH_WARMUP untimed runs per method (default 1; CVODE always has 1);
#   warm_cpu_median_ms etc.: once every method has run OSTEON_BENCH_WARM_AFTER times in the JVM
#     (default 20, the "warm" figure of docs/performance.md; the solve line states it as warm_after=;
#     0 skips the warm set).
# OSTEON_BENCH_METHODS picks Osteon's methods (default auto,rodas5p,bdf).
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
  java -Xmx6g ${OSTEON_BENCH_JAVA_OPTS:-} -cp "$here/target/benchmarks.jar" org.osteon.bench.ChainRun "$n" "${OSTEON_BENCH_METHODS:-auto,rodas5p,bdf}" "$repeats" "${OSTEON_BENCH_WARMUP:-1}" "${OSTEON_BENCH_WARM_AFTER:-20}"
  "$cvode" "$n" "$repeats"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
