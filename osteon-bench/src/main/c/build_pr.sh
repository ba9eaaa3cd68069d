#!/usr/bin/env bash
# Builds the LSODA and CVODE baselines of petersonriggs2010 (issue 11): see pr_baseline.c.
# Needs gcc, Debian's libsundials-dev, a checkout of liblsoda (github.com/sdwfrost/liblsoda, commit
# 16e49b4, MIT licence) in LSODA_SRC, and the exported model in osteon-bench/target/pr/pr_model.h:
#   java -cp osteon-bench/target/benchmarks.jar org.osteon.bench.PetersonRiggsCBaseline export \
#       petersonriggs2010-teriparatide-20ug-1y osteon-bench/target/pr
# Output: osteon-bench/target/pr/pr_baseline
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../../../target/pr"
: "${LSODA_SRC:?set LSODA_SRC to a checkout of github.com/sdwfrost/liblsoda (commit 16e49b4)}"
test -f "$out/pr_model.h" || { echo "export the model first (see the comment above)" >&2; exit 1; }
lsoda=""
for f in cfode cfode_static common corfailure correction daxpy ddot dgefa dgesl dscal fnorm idamax intdy lsoda \
         methodswitch orderswitch prja scaleh solsy stoda vmnorm strdup_printf; do
  lsoda="$lsoda $LSODA_SRC/src/$f.c"
done
gcc -O2 -std=gnu11 -DNDEBUG -w -I"$out" -I"$LSODA_SRC/src" -o "$out/pr_baseline" "$here/pr_baseline.c" $lsoda \
  -lsundials_cvode -lsundials_nvecserial -lsundials_sunlinsoldense -lsundials_sunmatrixdense -lsundials_generic -lm
echo "$out/pr_baseline"
