#!/bin/sh
# Copies the explorer's third-party libraries from node_modules into the jar's static resources and
# writes PROVENANCE.md (package, version, npm integrity, SHA-256 of each copied file).
# Run after changing package.json:  cd osteon-web/frontend && npm ci && npm run vendor
# The copies are committed, so building Osteon never needs npm or the network.
set -eu
cd "$(dirname "$0")/.."
out=../src/main/resources/org/osteon/web/static/vendor
rm -rf "$out"
mkdir -p "$out/uplot" "$out/cytoscape" "$out/dagre" "$out/cytoscape-dagre"
cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css node_modules/uplot/LICENSE "$out/uplot/"
# .mjs renamed .js: served as JavaScript by any server, which module scripts require.
cp node_modules/cytoscape/dist/cytoscape.esm.min.mjs "$out/cytoscape/cytoscape.esm.min.js"
cp node_modules/cytoscape/LICENSE "$out/cytoscape/"
cp node_modules/dagre/dist/dagre.min.js node_modules/dagre/LICENSE "$out/dagre/"
cp node_modules/cytoscape-dagre/cytoscape-dagre.js node_modules/cytoscape-dagre/LICENSE "$out/cytoscape-dagre/"

node - "$out" <<'JS' > PROVENANCE.md
const fs = require('fs'), path = require('path'), crypto = require('crypto');
const out = process.argv[2];
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const lines = ['# Provenance of the vendored JavaScript libraries', '',
  'Copied from the npm registry packages below by `scripts/vendor.sh` (run `npm ci && npm run vendor` in',
  '`osteon-web/frontend/`) into `osteon-web/src/main/resources/org/osteon/web/static/vendor/`. They are',
  'committed so that `mvn -B verify` builds offline and a fresh clone needs no npm.', '',
  '| package | version | license | npm integrity |', '|---|---|---|---|'];
for (const [key, p] of Object.entries(lock.packages)) {
  if (!key) continue;
  const name = key.replace(/^node_modules\//, '');
  const meta = JSON.parse(fs.readFileSync(path.join(key, 'package.json'), 'utf8'));
  lines.push(`| ${name} | ${p.version} | ${meta.license || ''} | \`${p.integrity}\` |`);
}
lines.push('', 'lodash and graphlib are bundled inside `dagre.min.js`.', '', '| copied file | SHA-256 |', '|---|---|');
const walk = d => fs.readdirSync(d).sort().flatMap(f => fs.statSync(path.join(d, f)).isDirectory() ? walk(path.join(d, f)) : [path.join(d, f)]);
for (const f of walk(out)) {
  const h = crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  lines.push(`| vendor/${path.relative(out, f)} | \`${h}\` |`);
}
console.log(lines.join('\n'));
JS
echo "vendored into $out; see PROVENANCE.md"
