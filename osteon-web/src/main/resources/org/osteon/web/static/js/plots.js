// Time courses with uPlot: one small chart per output, the current run and the pinned runs overlaid.
import uPlot from '../vendor/uplot/uPlot.esm.js';
import {el, fmt} from './util.js';

const CURRENT = '#1f5f99';
const OTHERS = ['#d95f02', '#7570b3', '#1b9e77', '#e7298a', '#66a61e', '#a6761d', '#666666'];

let charts = [];

/** Runs drawn: all but the baseline in % change mode (it is 0 by definition). */
export function drawnRuns(result) {
  return result.runs.filter((r) => !(result.change === 'percent' && r.baseline));
}

export function renderPlots(container, result, {show, log}) {
  charts.forEach((c) => c.destroy());
  charts = [];
  container.replaceChildren();
  const percent = result.change === 'percent';
  const runs = drawnRuns(result);
  const width = plotWidth(container);
  let color = 0;
  const colors = runs.map((r) => (r.name === 'current' ? CURRENT : OTHERS[color++ % OTHERS.length]));
  for (const id of show) {
    const sym = result.symbols.find((s) => s.id === id);
    if (!sym) continue;
    const unit = percent ? '% change' : sym.unit || '';
    const box = el('figure', {class: 'plot', dataset: {output: id}, 'aria-label': `${sym.label} over time`},
      el('h3', {}, sym.label && sym.label !== id ? `${sym.label} (${id})` : id, unit ? el('span', {class: 'unit'}, ` · ${unit}`) : ''));
    container.append(box);
    const data = [result.time, ...runs.map((r) => r.series[id].map((v) => (log && !(v > 0) ? null : v)))];
    const opts = {
      width, height: 210,
      scales: {x: {time: false}, y: log && !percent ? {distr: 3} : {distr: 1, range: (u, min, max) => paddedRange(min, max)}},
      axes: [{label: `time (${result.timeUnit || 'day'})`, size: 40}, {size: 64, values: (u, vals) => vals.map(fmt)}],
      legend: {show: runs.length > 1},
      cursor: {drag: {x: true, y: false}},
      series: [{label: 'time', value: (u, v) => fmt(v)}, ...runs.map((r, i) => ({
        label: r.name, stroke: colors[i], width: r.name === 'current' ? 2.5 : 2, dash: r.name === 'current' ? undefined : [8, 4],
        value: (u, v) => fmt(v), spanGaps: false}))],
    };
    charts.push(new uPlot(opts, data, box));
  }
  if (!charts.length) container.append(el('p', {class: 'hint'}, 'Choose outputs to plot.'));
}

/**
 * The y range of a linear axis: the data's, widened to at least 1 % of its level. A series that
 * varies by a few parts per million would otherwise fill the plot, its rounding noise drawn as
 * oscillations under repeated tick labels (4 significant digits tell ticks 0.2 % of the level apart).
 */
export function paddedRange(min, max) {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [min, max];
  const mid = (min + max) / 2;
  const minSpan = mid === 0 ? 2 : 0.01 * Math.abs(mid);
  if (max - min >= minSpan) return [min, max];
  return [mid - minSpan / 2, mid + minSpan / 2];
}

/** Two plots a row when there is room (the grid's minimum column is 330 px), else one. */
function plotWidth(container) {
  const w = container.clientWidth;
  return Math.max(260, Math.floor((w >= 672 ? (w - 12) / 2 : w) - 10));
}

export function resizePlots(container) {
  const width = plotWidth(container);
  charts.forEach((c) => c.setSize({width, height: 210}));
}
