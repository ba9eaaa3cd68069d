// A small virtual population of the current scenario (POST /api/population), drawn as percentile
// bands with uPlot: the 5-95 % and 25-75 % bands and the median of each output shown.
import uPlot from '../vendor/uplot/uPlot.esm.js';
import {el, fmt} from './util.js';

const MEDIAN = '#1f5f99';
const OUTER = 'rgba(31, 95, 153, 0.15)';
const INNER = 'rgba(31, 95, 153, 0.32)';
let charts = [];

/** The request body: the scenario, and a log-normal spread of the named parameters. */
export function populationRequest(scenario, {vary, cv, n, seed, outputs}) {
  const parameters = Object.fromEntries(vary.map((id) => [id, {distribution: 'lognormal', cv: cv / 100}]));
  return {scenario, n, seed, parameters, outputs};
}

export function renderPopulation(container, data, width) {
  charts.forEach((c) => c.destroy());
  charts = [];
  container.replaceChildren();
  for (const out of data.outputs) {
    const box = el('figure', {class: 'plot', dataset: {output: out.id}, 'aria-label': `${out.label} across the population`},
      el('h3', {}, out.label && out.label !== out.id ? `${out.label} (${out.id})` : out.id,
        out.unit ? el('span', {class: 'unit'}, ` · ${out.unit}`) : ''));
    container.append(box);
    const series = (label, stroke, w) => ({label, stroke, width: w, value: (u, v) => fmt(v), spanGaps: false});
    const opts = {
      width, height: 210,
      scales: {x: {time: false}},
      axes: [{label: `time (${data.timeUnit || 'day'})`, size: 40}, {size: 64, values: (u, vals) => vals.map(fmt)}],
      legend: {show: true},
      series: [{label: 'time', value: (u, v) => fmt(v)}, series('p05', 'transparent', 0), series('p25', 'transparent', 0),
        series('median', MEDIAN, 2.5), series('p75', 'transparent', 0), series('p95', 'transparent', 0)],
      bands: [{series: [5, 1], fill: OUTER}, {series: [4, 2], fill: INNER}],
    };
    charts.push(new uPlot(opts, [data.time, out.p05, out.p25, out.p50, out.p75, out.p95], box));
  }
}
