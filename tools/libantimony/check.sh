#!/usr/bin/env bash
# On demand: does libAntimony, the reference implementation of Antimony, read what Osteon writes?
#
#   tools/libantimony/check.sh [WORK_DIR]        (default: /tmp/osteon-libantimony)
#
# Builds libAntimony (sys-bio/antimony at a fixed commit) against Debian's libSBML, then runs its
# converter (sbtranslate -o sbml) on every built-in model file as it is, on the AntimonyWriter
# output of every built-in model and of the BioModels sample in the test resources, and checks that
# the unit definitions libAntimony derived mean what Osteon's do. Nothing of libAntimony is kept in
# the repository. Needs: git, cmake, g++, libsbml5-dev, python3-sbml5 (installed when missing, as
# .ci/run does), Java 17 and Maven. Results go to WORK_DIR/results.txt; docs/sbml.md records them.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/osteon-libantimony}"
commit=d3def03704d6fef64e9346c817cea4e9867881dc   # libAntimony 2.14.0 (2024-03-21)
mkdir -p "$work"

missing=()
for pkg in cmake g++ libsbml5-dev python3-sbml5; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
  echo "check.sh: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

sbtranslate="$work/build/sbtranslate"
if [ ! -x "$sbtranslate" ]; then
  src="$work/antimony"
  if [ ! -d "$src/.git" ]; then
    git clone -q "${ANTIMONY_REPO:-https://github.com/sys-bio/antimony}" "$src"
  fi
  git -C "$src" checkout -q -f "$commit" -- src CMakeLists.txt common.cmake
  # Debian's libSBML 5.19 is built without the C++ namespace and lacks SBase's created/modified
  # dates (libSBML 5.20): drop the namespace qualifiers and the date calls (not used here).
  grep -rl 'libsbml::\|using namespace libsbml' "$src/src" | xargs sed -i -e 's/using namespace libsbml;//' -e 's/libsbml:://g'
  perl -0pi -e 's/sbmlobj->setCreatedDate\([^;]*\);/;/; s/sbmlobj->unsetModifiedDates\(\);/;/;
      s/sbmlobj->addModifiedDate\([^;]*\);/;/;
      s/if \(sbmlobj->isSetCreatedDate\(\)\) \{\s*SetCreated\(sbmlobj->getCreatedDate\(\)\);\s*\}//;
      s/for \(size_t i = 0; i < sbmlobj->getNumModifiedDates\(\); i\+\+\) \{\s*AppendModified\(sbmlobj->getModifiedDate\(i\)\);\s*\}//' \
      "$src/src/annotated.cpp"
  mkdir -p "$work/build"
  (cd "$work/build" && cmake "$src" -DWITH_STATIC_SBML=OFF -DWITH_QTANTIMONY=OFF -DWITH_COMP_SBML=ON \
      -DWITH_LIBSBML_EXPAT=OFF -DWITH_LIBSBML_COMPRESSION=OFF -DWITH_CHECK=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null \
    && make -j2 sbtranslate >/dev/null)
fi

jar="$root/osteon-cli/target/osteon.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -q -B -DskipTests package)
fi

cases="$work/cases"
rm -rf "$cases"; mkdir -p "$cases/files" "$cases/written"
for f in "$root"/osteon-models/src/main/resources/org/osteon/models/*/*.ant; do
  cp "$f" "$cases/files/$(basename "${f%.ant}").txt"
done
java -cp "$jar" "$root/tools/libantimony/WriteAntimony.java" "$cases/written"
java -cp "$jar" "$root/tools/libantimony/WriteAntimony.java" "$cases/written" \
  "$root"/osteon-core/src/test/resources/text/biomodels/BIOMD*.txt

results="$work/results.txt"
: > "$results"
fails=0
for f in "$cases"/files/*.txt "$cases"/written/*.txt; do
  kind=$(basename "$(dirname "$f")")
  name=$(basename "${f%.txt}")
  log="${f%.txt}.log"
  if (cd "$(dirname "$f")" && "$sbtranslate" -o sbml "$(basename "$f")" -outfile "$name.xml") >"$log" 2>&1 \
      && ! grep -q '^Error' "$log"; then
    verdict=accepted
    if [ "$kind" = written ]; then
      if ! /usr/bin/python3 "$root/tools/libantimony/units_check.py" "${f%.txt}.units" "${f%.txt}.xml" >>"$log" 2>&1; then
        verdict="accepted; units differ"
        fails=$((fails + 1))
      fi
    fi
  else
    verdict="REJECTED: $(grep -m1 -i 'error' "$log" | cut -c1-160)"
    fails=$((fails + 1))
  fi
  printf '%s\t%s\t%s\n' "$kind" "$name" "$verdict" | tee -a "$results"
done
echo "libAntimony $commit: $(grep -c $'\taccepted$' "$results") of $(wc -l < "$results") files accepted with matching units; details in $cases/*/*.log"
[ "$fails" -eq 0 ]
