// The Osteon explorer: wiring of state, requests, the pathway, the plots and the scenario controls.
import * as api from './api.js';
import {el, clone, download, encodeState, decodeState} from './util.js';
import {renderScenarioControls} from './controls.js';
import {createPathway, renderNodeDetails, activeNodes, isReactionNetwork} from './pathway.js';
import {renderPlots, resizePlots} from './plots.js';
import {toCsv, toYaml} from './export.js';
import {populationRequest, renderPopulation} from './population.js';
import {wireDialog, isUpload, remembered, restore} from './upload.js';

const $ = (id) => document.getElementById(id);
const DEFAULT = {model: 'rankl-pathway', scenarioId: 'rankl-pathway-menopause-denosumab'};
const DEBOUNCE_MS = 120;

/** Everything on screen; all of it goes into the URL. */
const state = {model: null, scenarioId: '', scenario: null, show: [], pins: [], baseline: 'as loaded',
  percent: false, log: false, node: null, large: false, involves: false};
let model = null;          // GET /api/models/{id}
let scenarios = [];        // GET /api/scenarios?model=
let result = null;         // what the plots show, normalised
let inFlight = null;
let timer = null;
let seq = 0;
let builtIns = [];          // GET /api/models
const hook = window.osteonExplorer = {renders: 0, requests: 0, errors: 0, result: null, state, busy: false};

const pathway = createPathway($('cy'), {onSelect: (id) => selectNode(id)});
hook.pathway = pathway; // for tests: the Cytoscape instance is pathway.cy

function status(text, error = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
}

function info(id) {
  const p = model.parameters.find((x) => x.id === id);
  if (p) return {name: p.name, unit: p.unit, value: p.value};
  const st = model.states.find((x) => x.id === id);
  if (st) return {name: st.name, unit: st.unit, value: st.initial};
  return {};
}

function original() {
  const entry = scenarios.find((s) => s.id === state.scenarioId);
  return entry ? clone(entry.scenario) : {model: state.model, until: 365, step: 1};
}

const context = () => ({
  state, info, timeUnit: model.timeUnit, pathway: model.pathway, status,
  ids: [...model.parameters.map((p) => p.id), ...model.states.map((s) => s.id)],
  changed, loadScenario: (id) => { loadScenario(id); $('scenario').value = id; },
});

/** After any edit: re-render what depends on the structure, then recompute (debounced). */
function changed(structural) {
  if (structural) renderControls();
  if (model.pathway) pathway.markChanged(activeNodes(model.pathway, state.scenario));
  schedule();
}

function renderControls() {
  renderScenarioControls($('controls'), context());
  renderDetails();
}

function renderDetails() {
  const node = model.pathway && state.node ? model.pathway.nodes.find((n) => n.id === state.node) : null;
  renderNodeDetails($('node-details'), node, context());
}

function selectNode(id) {
  state.node = id;
  $('node-select').value = id || '';
  pathway.select(id);
  renderDetails();
  saveUrl();
}

/** The model list: the built-in models, then the models uploaded from this browser. */
function renderModelList(current) {
  const mine = remembered().filter((u) => !builtIns.some((m) => m.id === u.id));
  if (current && isUpload(current.id) && !mine.some((u) => u.id === current.id)) {
    mine.unshift({id: current.id, title: current.title, name: current.name || current.title || current.id});
  }
  $('model').replaceChildren(el('optgroup', {label: 'Built-in models'},
    builtIns.map((m) => el('option', {value: m.id, title: m.title}, m.id))),
  mine.length ? el('optgroup', {label: 'Your models'}, mine.map((u) => el('option', {value: u.id, title: u.title || u.name},
    `${u.name} (yours)`))) : null);
}

/** GET a model's description; an upload the server has forgotten is sent again from this browser's copy. */
async function describe(id) {
  try {
    return await api.get(`/api/models/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e.status === 404 && isUpload(id) && await restore(id)) return api.get(`/api/models/${encodeURIComponent(id)}`);
    throw e;
  }
}

async function loadModel(id) {
  model = await describe(id);
  scenarios = await api.get(`/api/scenarios?model=${encodeURIComponent(id)}`);
  state.model = id;
  if (![...$('model').options].some((o) => o.value === id)) renderModelList(model);
  $('model').value = id;
  $('model-title').textContent = [model.title, model.citation].filter(Boolean).join(' — ');
  $('model-note').textContent = '';
  $('scenario').replaceChildren(el('option', {value: ''}, '(model defaults)'),
    ...scenarios.map((s) => el('option', {value: s.id, title: s.description}, s.id)));
  const hasPathway = Boolean(model.pathway);
  const network = isReactionNetwork(model.pathway);
  document.querySelectorAll('.legend .curated').forEach((li) => { li.hidden = network; });
  document.querySelectorAll('.legend .network').forEach((li) => { li.hidden = !network; });
  $('pathway-h').textContent = network ? 'Reactions' : 'Pathway';
  $('pathway-panel').hidden = !hasPathway;
  $('details-panel').hidden = !hasPathway;
  document.querySelector('.layout').classList.toggle('no-pathway', !hasPathway);
  if (hasPathway) {
    const groups = {};
    for (const n of model.pathway.nodes) (groups[n.kind] ||= []).push(n);
    $('node-select').replaceChildren(el('option', {value: ''}, '(none)'), ...Object.entries(groups).map(([kind, nodes]) =>
      el('optgroup', {label: kind}, nodes.map((n) => el('option', {value: n.id}, n.label)))));
    pathway.show(model.pathway);
    pathway.setInvolves(state.involves);
  }
}

function loadScenario(id) {
  state.scenarioId = id;
  state.scenario = original();
  state.scenario.set ||= {};
  state.scenario.interventions ||= [];
  state.scenario.doses ||= [];
  state.show = (state.scenario.outputs || []).slice(0, 4);
  state.pins = [];
  state.baseline = 'as loaded';
  $('description').textContent = (scenarios.find((s) => s.id === id) || {}).description || 'The model with its own values.';
  renderPins();
  renderControls();
  changed(false);
}

function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(compute, delay);
  saveUrl();
}

/** The request for what is on screen: one run, or pinned runs and the current one (compare). */
function request() {
  const current = {name: 'current', scenario: state.scenario};
  if (!state.pins.length && !state.percent) return {path: '/api/simulate', body: state.scenario};
  const runs = [...state.pins.map((p) => ({name: p.name, scenario: p.scenario})), current];
  let baseline = 'current';
  if (state.percent) {
    baseline = state.pins.some((p) => p.name === state.baseline) ? state.baseline : 'as loaded';
    if (baseline === 'as loaded') runs.unshift({name: 'as loaded', scenario: original()});
  }
  return {path: '/api/compare', body: {runs, baseline, change: state.percent ? 'percent' : 'absolute'}};
}

function normalise(data, path) {
  if (path === '/api/compare') return data;
  return {change: 'absolute', time: data.time, timeUnit: data.timeUnit,
    symbols: data.columns.map((c) => ({id: c.id, label: c.label, unit: c.unit, kind: c.kind})),
    runs: [{name: 'current', baseline: true, series: Object.fromEntries(data.columns.map((c) => [c.id, c.values]))}]};
}

let restoring = false;

async function compute() {
  if (inFlight) inFlight.abort();
  const controller = inFlight = new AbortController();
  const mine = ++seq;
  const {path, body} = request();
  hook.busy = true;
  document.body.classList.add('busy');
  hook.requests++;
  const started = performance.now();
  try {
    const data = await api.post(path, body, controller.signal);
    if (mine !== seq) return;
    result = normalise(data, path);
    renderOutputs();
    renderPlots($('plots'), result, state);
    hook.result = result;
    hook.renders++;
    status(`${result.runs.length > 1 ? result.runs.length + ' runs' : 'Simulated'} in ${Math.round(performance.now() - started)} ms.`);
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (mine !== seq) return;
    if (!restoring && isUpload(state.model) && e.status === 400 && e.field && e.field.endsWith('model')) {
      // The server forgot the uploaded model (restart, or many uploads since): send it again, once.
      restoring = true;
      try {
        if (await restore(state.model)) { schedule(0); return; }
      } catch (again) {
        e = again;
      } finally {
        restoring = false;
      }
    }
    hook.errors++;
    status(e.field ? `${e.message} (field: ${e.field})` : e.message, true);
  } finally {
    if (mine === seq) {
      hook.busy = false;
      document.body.classList.remove('busy');
      inFlight = null;
    }
  }
}

function renderOutputs() {
  const box = $('outputs');
  const available = result.symbols.map((s) => s.id);
  state.show = state.show.filter((id) => available.includes(id));
  if (!state.show.length) state.show = available.slice(0, 4);
  box.replaceChildren(el('legend', {}, 'Outputs'), ...result.symbols.map((s) => el('label', {title: s.label},
    el('input', {type: 'checkbox', value: s.id, checked: state.show.includes(s.id), onchange: (e) => {
      state.show = e.target.checked ? [...state.show, s.id] : state.show.filter((x) => x !== s.id);
      state.show = available.filter((id) => state.show.includes(id));
      renderPlots($('plots'), result, state);
      hook.renders++;
      saveUrl();
    }}), ` ${s.id}`)));
}

function renderPins() {
  $('pins').replaceChildren(...state.pins.map((p, i) => el('li', {},
    el('span', {}, p.name), el('button', {type: 'button', 'aria-label': `Remove ${p.name}`, onclick: () => {
      state.pins.splice(i, 1);
      renderPins();
      schedule(0);
    }}, '×'))));
  const base = $('baseline');
  base.replaceChildren(el('option', {value: 'as loaded'}, 'the scenario as loaded'),
    ...state.pins.map((p) => el('option', {value: p.name}, p.name)));
  base.value = state.pins.some((p) => p.name === state.baseline) ? state.baseline : 'as loaded';
  $('log').disabled = state.percent;
}

let urlTimer = null;
function saveUrl() {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(async () => {
    const {model: m, scenarioId, scenario, show, pins, baseline, percent, log, node, large, involves} = state;
    const hash = await encodeState({v: 1, model: m, scenarioId, scenario, show, pins, baseline, percent, log, node, large, involves});
    history.replaceState(null, '', `#${hash}`);
  }, 200);
}

function plotRequest() {
  const {body} = request();
  const runs = body.runs || [{name: 'current', scenario: state.scenario}];
  return {runs, baseline: body.baseline || 'current', change: body.change || 'absolute', outputs: state.show,
    logY: state.log && !state.percent, title: state.scenario.name || state.scenarioId || state.model};
}

async function downloadPlot(format) {
  try {
    status(`Making the ${format.toUpperCase()} on the server...`);
    const blob = await api.post(`/api/plot?format=${format}`, plotRequest());
    download(blob, `${fileBase()}.${format}`);
    status(`Downloaded ${fileBase()}.${format}.`);
  } catch (e) {
    status(e.message, true);
  }
}

/** The model (not the scenario) as the server exports it: GET /api/models/{id}/export. */
async function downloadModel(format, extension) {
  const name = `${modelFileBase()}.${extension}`;
  try {
    const blob = await api.get(`/api/models/${encodeURIComponent(state.model)}/export?format=${format}`);
    download(blob, name);
    status(`Downloaded ${name}: ./osteon run ${name} reads it.`);
  } catch (e) {
    status(e.message, true);
  }
}

const fileBase = () => (state.scenarioId || modelFileBase()).replace(/[^A-Za-z0-9_.-]/g, '_');

/** An uploaded model's file name without its ending, else the model id. */
function modelFileBase() {
  const mine = isUpload(state.model) ? remembered().find((u) => u.id === state.model) : null;
  return (mine ? mine.name.replace(/\.[A-Za-z]+$/, '') : state.model || 'osteon').replace(/[^A-Za-z0-9_.-]/g, '_');
}

function wire() {
  $('model').addEventListener('change', async (e) => {
    await loadModel(e.target.value);
    state.node = null;
    loadScenario('');
  });
  $('scenario').addEventListener('change', (e) => loadScenario(e.target.value));
  $('node-select').addEventListener('change', (e) => selectNode(e.target.value || null));
  $('show-involves').addEventListener('change', (e) => { state.involves = e.target.checked; pathway.setInvolves(state.involves); saveUrl(); });
  $('fit').addEventListener('click', () => pathway.fit());
  $('log').addEventListener('change', (e) => { state.log = e.target.checked; if (result) { renderPlots($('plots'), result, state); hook.renders++; } saveUrl(); });
  $('percent').addEventListener('change', (e) => { state.percent = e.target.checked; $('log').disabled = state.percent; schedule(0); });
  $('baseline').addEventListener('change', (e) => { state.baseline = e.target.value; schedule(0); });
  $('pin').addEventListener('click', () => {
    const n = state.pins.length ? Math.max(...state.pins.map((p) => Number(p.name.replace(/\D/g, '')) || 0)) + 1 : 1;
    state.pins.push({name: `pin ${n}`, scenario: clone(state.scenario)});
    renderPins();
    schedule(0);
  });
  $('dl-csv').addEventListener('click', () => {
    if (!result) return;
    download(new Blob([toCsv(result, state.show)], {type: 'text/csv'}), `${fileBase()}.csv`);
    status(`Downloaded ${fileBase()}.csv.`);
  });
  $('dl-png').addEventListener('click', () => downloadPlot('png'));
  $('dl-svg').addEventListener('click', () => downloadPlot('svg'));
  $('dl-yaml').addEventListener('click', () => {
    // An uploaded model is named by its file, which the user has: osteon run reads it next to the YAML.
    const mine = isUpload(state.model) ? remembered().find((u) => u.id === state.model) : null;
    const scenario = mine ? {...state.scenario, model: mine.name} : state.scenario;
    download(new Blob([toYaml(scenario)], {type: 'application/yaml'}), `${fileBase()}.yaml`);
    status(`Downloaded ${fileBase()}.yaml: run it with ./osteon run ${fileBase()}.yaml`);
  });
  $('dl-sbml').addEventListener('click', () => downloadModel('sbml', 'xml'));
  $('dl-antimony').addEventListener('click', () => downloadModel('antimony', 'ant'));
  wireDialog({onLoaded: async (summary) => {
    renderModelList(summary);
    await loadModel(summary.id);
    state.node = null;
    loadScenario('');
    const w = summary.warnings || [];
    const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    $('model-note').textContent = `Your model ${summary.name} (${summary.format}): ${count(summary.states, 'state')}, `
      + `${count(summary.parameters, 'parameter')}, ${count(summary.outputs, 'output')}; `
      + (w.length ? `${count(w.length, 'warning')}: ${w.slice(0, 3).join('; ')}${w.length > 3 ? '; ...' : ''}` : 'no warnings.');
    hook.upload = summary;
  }});
  $('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      status('Link copied: it reproduces this view.');
    } catch (e) {
      status('Copy the address bar: the link reproduces this view.');
    }
  });
  $('large-text').addEventListener('click', () => setLarge(!state.large));
  $('pop-run').addEventListener('click', runPopulation);
  let resize = null;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = setTimeout(() => { resizePlots($('plots')); pathway.resize(); }, 150);
  });
}

/** A small population of the scenario on screen, its bands under the results. */
async function runPopulation() {
  const vary = $('pop-vary').value.split(',').map((v) => v.trim()).filter(Boolean);
  const body = populationRequest(state.scenario, {vary, cv: Number($('pop-cv').value), n: Number($('pop-n').value),
    seed: Number($('pop-seed').value), outputs: state.show});
  const note = $('pop-status');
  note.textContent = `Simulating ${body.n} patients...`;
  note.classList.remove('error');
  $('pop-run').disabled = true;
  const started = performance.now();
  try {
    const data = await api.post('/api/population', body);
    const box = $('population');
    renderPopulation(box, data, Math.max(260, Math.floor((box.clientWidth >= 672 ? (box.clientWidth - 12) / 2 : box.clientWidth) - 10)));
    hook.population = data;
    note.textContent = `${data.succeeded} of ${data.patients} patients in ${Math.round(performance.now() - started)} ms`
      + (data.failed ? `; ${data.failed} failed (${data.failureReasons.map((r) => r.reason).join('; ')})` : '') + '.';
  } catch (e) {
    hook.errors++;
    note.textContent = e.field ? `${e.message} (field: ${e.field})` : e.message;
    note.classList.add('error');
  } finally {
    $('pop-run').disabled = false;
  }
}

function setLarge(on) {
  state.large = on;
  document.documentElement.classList.toggle('large', on);
  $('large-text').setAttribute('aria-pressed', String(on));
  pathway.resize();
  if (result) { renderPlots($('plots'), result, state); hook.renders++; }
  saveUrl();
}

async function start() {
  wire();
  builtIns = await api.get('/api/models');
  renderModelList(null);
  let saved = null;
  try {
    saved = await decodeState(location.hash.slice(1));
  } catch (e) {
    status('The link could not be read; showing the default view.', true);
  }
  let restored = false;
  if (saved && saved.model && (builtIns.some((m) => m.id === saved.model) || isUpload(saved.model))) {
    try {
      await loadModel(saved.model);
      restored = true;
    } catch (e) {
      status(`The link's model could not be loaded (${e.message}); showing the default view.`, true);
    }
  }
  if (restored) {
    Object.assign(state, saved);
    delete state.v;
    $('scenario').value = state.scenarioId || '';
    $('description').textContent = (scenarios.find((s) => s.id === state.scenarioId) || {}).description || '';
    $('log').checked = state.log;
    $('percent').checked = state.percent;
    $('show-involves').checked = state.involves;
    pathway.setInvolves(state.involves);
    if (state.large) setLarge(true);
    renderPins();
    renderControls();
    if (state.node) selectNode(state.node);
    changed(false);
  } else {
    await loadModel(DEFAULT.model);
    loadScenario(DEFAULT.scenarioId);
    $('scenario').value = DEFAULT.scenarioId;
  }
}

start().catch((e) => status(`The explorer could not start: ${e.message}`, true));
