// The pathway as a picture (Cytoscape.js with the dagre layout) and the panel of the selected element.
import cytoscape from '../vendor/cytoscape/cytoscape.esm.min.js';
import {el, fmt, uid} from './util.js';
import {numberControl} from './controls.js';
import {describe} from './quantity.js';

cytoscape.use(window.cytoscapeDagre);

const KIND_STYLE = {
  cell: {shape: 'ellipse', bg: '#d6e6f7', border: '#2f6ea8'},
  molecule: {shape: 'round-rectangle', bg: '#fff4c2', border: '#a57d00'},
  receptor: {shape: 'round-tag', bg: '#fff4c2', border: '#a57d00'},
  cytokine: {shape: 'round-rectangle', bg: '#fff4c2', border: '#a57d00'},
  marker: {shape: 'rectangle', bg: '#f3f3f3', border: '#666'},
  hormone: {shape: 'round-hexagon', bg: '#ffe0c2', border: '#c25e00'},
  agent: {shape: 'round-pentagon', bg: '#eeeeee', border: '#555'},
  drug: {shape: 'round-rectangle', bg: '#d6efd2', border: '#2e7d32'},
  process: {shape: 'rectangle', bg: '#ececec', border: '#555'},
  disease: {shape: 'round-octagon', bg: '#f8d4d4', border: '#b71c1c'},
};
const EDGE_WORD = {activates: '→ activates', inhibits: '⊣ inhibits', binds: '◇ binds', produces: '⇢ produces', involves: '— involves',
  consumed: '→ is consumed by', yields: '→ yields', modifies: '⊸ modifies'};
/** The source of a pathway drawn from a model's reactions (ReactionNetwork.SOURCE on the server). */
export const isReactionNetwork = (pathway) => Boolean(pathway && pathway.source && pathway.source.startsWith('the reactions of the model'));

function style() {
  const s = [
    {selector: 'node', style: {label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': '84px', 'font-size': 14,
      'text-valign': 'center', 'text-halign': 'center', width: 'label', height: 'label', padding: '5px',
      'border-width': 2, color: '#1b1f24', 'font-family': 'system-ui, DejaVu Sans, sans-serif'}},
    {selector: 'edge', style: {width: 2, 'curve-style': 'bezier', 'arrow-scale': 1.2, 'line-color': '#888',
      'target-arrow-color': '#888', 'target-arrow-shape': 'triangle'}},
    {selector: 'edge[type="activates"]', style: {'line-color': '#2e7d32', 'target-arrow-color': '#2e7d32', 'target-arrow-shape': 'triangle'}},
    {selector: 'edge[type="inhibits"]', style: {'line-color': '#c62828', 'target-arrow-color': '#c62828', 'target-arrow-shape': 'tee', width: 2.5}},
    {selector: 'edge[type="binds"]', style: {'line-color': '#6a3d9a', 'target-arrow-color': '#6a3d9a', 'line-style': 'dashed',
      'target-arrow-shape': 'diamond', 'target-arrow-fill': 'hollow', 'source-arrow-shape': 'diamond', 'source-arrow-fill': 'hollow',
      'source-arrow-color': '#6a3d9a'}},
    {selector: 'edge[type="produces"]', style: {'line-color': '#37474f', 'target-arrow-color': '#37474f', 'line-style': 'dotted',
      'target-arrow-shape': 'vee'}},
    {selector: 'edge[type="involves"]', style: {'line-color': '#bbb', 'line-style': 'dashed', 'target-arrow-shape': 'none', width: 1.5}},
    {selector: 'edge[type="consumed"], edge[type="yields"]', style: {'line-color': '#37474f', 'target-arrow-color': '#37474f',
      'target-arrow-shape': 'triangle'}},
    {selector: 'edge[type="modifies"]', style: {'line-color': '#8a6d00', 'target-arrow-color': '#8a6d00', 'line-style': 'dashed',
      'target-arrow-shape': 'circle', 'target-arrow-fill': 'hollow'}},
    {selector: '.hidden', style: {display: 'none'}},
    {selector: '.faded', style: {opacity: 0.35}},
    {selector: 'node:selected', style: {'border-width': 5, 'border-color': '#ff9800'}},
    {selector: 'node.changed', style: {'border-style': 'double', 'border-width': 6}},
  ];
  for (const [kind, k] of Object.entries(KIND_STYLE)) {
    s.splice(2, 0, {selector: `node[kind="${kind}"]`, style: {shape: k.shape, 'background-color': k.bg, 'border-color': k.border}});
  }
  return s;
}

/**
 * The pathway view. callbacks: onSelect(nodeId|null). Returns {show, select, setInvolves, fit, markChanged}.
 */
export function createPathway(container, {onSelect}) {
  let cy = null;
  let showInvolves = false;

  function applyInvolves() {
    if (!cy) return;
    const selected = cy.$('node:selected');
    cy.edges('[type="involves"]').forEach((e) => {
      const touching = selected.length && (e.source().same(selected) || e.target().same(selected));
      e.toggleClass('hidden', !(showInvolves || touching));
    });
  }

  function highlight() {
    if (!cy) return;
    const selected = cy.$('node:selected');
    cy.elements().removeClass('faded');
    if (selected.length) {
      const near = selected.closedNeighborhood();
      cy.elements().not(near).addClass('faded');
    }
    applyInvolves();
  }

  return {
    show(pathway) {
      if (cy) cy.destroy();
      const elements = [
        ...pathway.nodes.map((n) => ({group: 'nodes', data: {id: n.id, label: n.label, kind: n.kind}})),
        ...pathway.edges.map((e, i) => ({group: 'edges', data: {id: `e${i}`, source: e.from, target: e.to, type: e.type}})),
      ];
      cy = cytoscape({container, elements, style: style(), wheelSensitivity: 0.3, boxSelectionEnabled: false,
        autounselectify: false, minZoom: 0.2, maxZoom: 3});
      // Lay out without the disease links, which would pull every disease into the middle.
      const diseases = cy.nodes('[kind="disease"]');
      const laid = cy.elements().not('edge[type="involves"]').not(diseases).not(diseases.connectedEdges());
      laid.layout({name: 'dagre', rankDir: 'LR', ranker: 'network-simplex', nodeSep: 8, rankSep: 26, edgeSep: 4,
        animate: false, fit: false}).run();
      // Diseases (linked to the rest only by 'involves') in a column at the right edge.
      const box = laid.nodes().boundingBox();
      diseases.forEach((n, i, all) => {
        n.position({x: box.x2 + 75, y: box.y1 + (i + 0.5) * (box.h / all.length)});
      });
      cy.fit(undefined, 12);
      cy.on('tap', 'node', (evt) => { onSelect(evt.target.id()); });
      cy.on('tap', (evt) => { if (evt.target === cy) onSelect(null); });
      highlight();
    },
    select(id) {
      if (!cy) return;
      cy.$('node:selected').unselect();
      if (id && cy.getElementById(id).nonempty()) cy.getElementById(id).select();
      highlight();
    },
    setInvolves(on) { showInvolves = on; applyInvolves(); },
    fit() { if (cy) cy.fit(undefined, 12); },
    /** Marks the nodes whose controls are in effect in the scenario. */
    markChanged(ids) {
      if (!cy) return;
      cy.nodes().forEach((n) => n.toggleClass('changed', ids.has(n.id())));
    },
    resize() { if (cy) { cy.resize(); cy.fit(undefined, 12); } },
    get cy() { return cy; },
  };
}

/** Which nodes have a control in effect in the scenario. */
export function activeNodes(pathway, scenario) {
  const out = new Set();
  for (const n of pathway.nodes) {
    for (const c of Object.values(n.controls || {})) {
      if ((c.parameter && scenario.set && c.parameter in scenario.set)
          || (c.target && (scenario.doses || []).some((d) => d.target === c.target))) out.add(n.id);
    }
  }
  return out;
}

/**
 * Renders the selected node: what the outline says of it and of its edges, and its controls.
 * ctx: {state, pathway, info(id), changed(structural), loadScenario(id)}.
 */
export function renderNodeDetails(container, node, ctx) {
  // Re-rendering replaces the buttons: keep the keyboard focus on the same control.
  const active = document.activeElement;
  const focusKey = active && container.contains(active) ? active.dataset.key : null;
  render(container, node, ctx);
  const again = focusKey && container.querySelector(`[data-key="${focusKey}"]`);
  if (again) again.focus();
}

function render(container, node, ctx) {
  container.replaceChildren();
  if (!node) {
    container.append(el('p', {class: 'hint'}, 'No element selected.'));
    return;
  }
  const s = ctx.state.scenario;
  const set = s.set || (s.set = {});
  const doses = s.doses || (s.doses = []);
  const labelOf = (id) => (ctx.pathway.nodes.find((n) => n.id === id) || {label: id}).label;
  container.append(el('h3', {}, `${node.label} `, el('span', {class: 'unit-label'}, `(${node.kind})`)));
  if (node.symbols.length) {
    container.append(el('p', {}, 'In the model: ', ...node.symbols.flatMap((x, i) => [i ? ', ' : '', el('code', {}, x)])));
  }
  const said = node.outline || [];
  const edges = ctx.pathway.edges.filter((e) => e.from === node.id || e.to === node.id);
  const network = isReactionNetwork(ctx.pathway);
  container.append(el('h3', {}, network ? 'In the reactions of the model' : 'What the source outline says'));
  if (said.length) container.append(...said.map((t) => el('blockquote', {}, `“${t}”`)));
  const edgeItems = edges.filter((e) => e.type !== 'involves' || e.outline).map((e) => el('li', {},
    el('span', {class: e.type === 'inhibits' ? 'edge-inh' : e.type === 'activates' ? 'edge-act' : ''},
      `${labelOf(e.from)} ${EDGE_WORD[e.type] || e.type} ${labelOf(e.to)}`),
    e.label ? ` (${e.label})` : '',
    e.outline ? el('div', {}, `“${e.outline}”`) : e.basis ? el('div', {class: 'unit-label'}, `basis: ${e.basis}`) : '',
    e.term ? el('div', {}, 'model term: ', el('code', {}, e.term)) : ''));
  if (!said.length && !edgeItems.length) {
    container.append(el('p', {class: 'hint'}, network ? 'It takes part in no reaction.' : 'The outline does not mention it directly.'));
  }
  if (edgeItems.length) container.append(el('ul', {}, edgeItems));

  const controls = node.controls || {};
  if (Object.keys(controls).length) container.append(el('h3', {}, 'Act on it'));
  const toggle = (key, text, pressed, onclick, note) => el('div', {class: 'control'},
    el('button', {type: 'button', 'aria-pressed': String(pressed), onclick, dataset: {key}}, text),
    note ? el('span', {class: 'unit-label'}, note) : '');

  for (const kind of ['knockout', 'seed', 'boost']) {
    const c = controls[kind];
    if (!c) continue;
    const info = ctx.info(c.parameter);
    const on = c.parameter in set && (kind !== 'knockout' && kind !== 'seed' ? true : set[c.parameter] === c.value);
    const word = kind === 'knockout' ? 'Knock out' : kind === 'seed' ? 'Seed' : 'Boost';
    container.append(toggle(kind, `${word}: ${c.parameter} = ${fmt(kind === 'boost' && on ? set[c.parameter] : c.value)}${c.unit ? ' ' + c.unit : ''}`,
      on, () => {
        if (on) delete set[c.parameter]; else set[c.parameter] = c.value;
        ctx.changed(true);
      }, c.note || (info.name ? info.name : '')));
    if (kind === 'boost' && on) {
      container.append(numberControl({label: `${c.parameter}`, value: set[c.parameter], reference: c.value, unit: c.unit || info.unit,
        onInput: (v) => { set[c.parameter] = v; ctx.changed(false); }}));
    }
  }
  if (controls.scale) {
    const c = controls.scale;
    const info = ctx.info(c.parameter);
    const base = info.value;
    if (typeof base === 'number' && base !== 0) {
      const factor = c.parameter in set ? set[c.parameter] / base : 1;
      container.append(el('p', {class: 'unit-label'}, `Scale ${info.name || c.parameter} (${c.parameter}, model value ${fmt(base)}${info.unit ? ' ' + info.unit : ''})`
        + (c.note ? `: ${c.note}` : '')));
      container.append(numberControl({label: `× ${c.parameter}`, value: Number(factor.toPrecision(4)), reference: 1, min: undefined,
        onInput: (f) => { set[c.parameter] = base * f; ctx.changed(false); }}));
      if (c.parameter in set) {
        container.append(toggle('scale-reset', 'Back to the model value', false, () => { delete set[c.parameter]; ctx.changed(true); }));
      }
    }
  }
  if (controls.dose) {
    const c = controls.dose;
    const on = doses.some((d) => d.target === c.target);
    const timeUnit = ctx.timeUnit || 'day';
    // The amount in the unit the pathway names (60 mg into a depot counted in ng): the server converts it.
    const amount = c.unit && c.unit !== ctx.info(c.target).unit ? {value: c.amount, unit: c.unit} : c.amount;
    container.append(toggle('dose', `Give ${c.label || describe(amount)}${c.every ? '' : ' once'}`, on, () => {
      if (on) s.doses = doses.filter((d) => d.target !== c.target);
      else {
        const dose = {target: c.target, amount, at: 0};
        // repeated over the whole run, whatever unit the run's span is given in
        if (c.every) { dose.every = c.every; dose.for = s.until ?? 100; }
        doses.push(dose);
      }
      ctx.changed(true);
    }, `${fmt(c.amount)} ${c.unit || ''} into ${c.target}${c.every ? ` every ${fmt(c.every)} ${timeUnit}s from ${timeUnit} 0` : ''}`));
  }
  if (node.scenarios && node.scenarios.length) {
    container.append(el('h3', {}, 'Scenarios about it'));
    container.append(el('div', {class: 'control'}, node.scenarios.map((id) =>
      el('button', {type: 'button', onclick: () => ctx.loadScenario(id)}, id.replace(/^rankl-pathway-/, '')))));
  }
}
