// What the explorer downloads: the data shown as CSV, and the scenario as YAML for `osteon run`.
import {drawnRuns} from './plots.js';
import {isQuantity, text} from './quantity.js';

/** time, then one column per drawn run and shown output ("run.output" when several runs are drawn). */
export function toCsv(result, show) {
  const runs = drawnRuns(result);
  const ids = show.filter((id) => result.symbols.some((s) => s.id === id));
  const header = ['time'];
  for (const r of runs) for (const id of ids) header.push(runs.length > 1 ? `${r.name}.${id}` : id);
  const lines = [header.join(',')];
  for (let i = 0; i < result.time.length; i++) {
    const row = [result.time[i]];
    for (const r of runs) for (const id of ids) { const v = r.series[id][i]; row.push(v === null ? '' : v); }
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

const word = (s) => (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s) && !/^(true|false|null|yes|no|on|off)$/i.test(s) ? s : JSON.stringify(s));
const num = (v) => String(v);
/** A value as YAML: numbers exactly, a quantity as its text ("60 mg", quoted), nested maps in flow style. */
const scalar = (v) => (typeof v === 'number' ? num(v) : isQuantity(v) ? JSON.stringify(text(v))
  : v !== null && typeof v === 'object' ? flow(v) : word(v));
const flow = (o) => `{${Object.entries(o).map(([k, v]) => `${word(k)}: ${scalar(v)}`).join(', ')}}`;

/** The scenario in the YAML form that osteon run reads (keys as in README.md). */
export function toYaml(s) {
  const out = [];
  if (s.name) out.push(`name: ${word(s.name)}`);
  if (s.description) out.push(`description: ${JSON.stringify(s.description)}`);
  out.push(`model: ${word(s.model)}`);
  for (const k of ['start', 'until', 'step', 'month', 'year']) if (s[k] !== undefined && s[k] !== null) out.push(`${k}: ${scalar(s[k])}`);
  if (s.solver) out.push(`solver: ${word(s.solver)}`);
  for (const k of ['rtol', 'atol']) if (typeof s[k] === 'number') out.push(`${k}: ${num(s[k])}`);
  for (const k of ['covariates', 'tolerances']) if (s[k] && Object.keys(s[k]).length) out.push(`${k}: ${flow(s[k])}`);
  if (s.set && Object.keys(s.set).length) out.push(`set: ${flow(s.set)}`);
  if (s.interventions && s.interventions.length) {
    out.push('interventions:');
    for (const iv of s.interventions) out.push(`  - ${flow(iv)}`);
  }
  if (s.doses && s.doses.length) {
    out.push('doses:');
    for (const d of s.doses) out.push(`  - ${flow(d)}`);
  }
  if (s.outputs && s.outputs.length) out.push(`outputs: [${s.outputs.map(word).join(', ')}]`);
  return out.join('\n') + '\n';
}
