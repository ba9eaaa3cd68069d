#!/usr/bin/env bash
# Builds the CVODE baseline of the chain benchmark (needs gcc and Debian's libsundials-dev).
# Output: osteon-bench/target/chain_cvode
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../../../target"
mkdir -p "$out"
gcc -O2 -std=c11 -Wall -o "$out/chain_cvode" "$here/chain_cvode.c" \
  -lsundials_cvode -lsundials_nvecserial -lsundials_sunlinsolband -lsundials_sunmatrixband -lsundials_generic -lm
echo "$out/chain_cvode"
