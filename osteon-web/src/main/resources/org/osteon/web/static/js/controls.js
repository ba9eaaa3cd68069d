// The scenario panel: time span, values set, interventions and doses, each with a slider and a number input.
// Doses and times given with a unit ("60 mg", "6 months") are edited as a number next to that unit.
import {el, fmt, uid} from './util.js';
import {magnitude, unitOf, withMagnitude, describe} from './quantity.js';

const STEPS = 1000;

/**
 * A labelled number input with a slider. The slider's range is fixed when the control is made
 * (logarithmic around a positive reference value, else linear), so it never jumps under the pointer.
 */
export function numberControl({label, value, reference, unit, onInput, min, max}) {
  const id = uid('num');
  const ref = reference && reference !== 0 ? Math.abs(reference) : (value !== 0 ? Math.abs(value) : 1);
  const log = min === undefined && value > 0 && ref > 0;
  const lo = min !== undefined ? min : log ? ref / 100 : (value < 0 ? -10 * ref : 0);
  const hi = max !== undefined ? max : log ? ref * 100 : 10 * ref;
  const toPos = (v) => {
    const t = log ? (Math.log(Math.max(v, lo)) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
    return Math.round(Math.min(1, Math.max(0, t)) * STEPS);
  };
  const fromPos = (p) => {
    const t = p / STEPS;
    const v = log ? Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))) : lo + t * (hi - lo);
    return Number(v.toPrecision(4));
  };
  const unitText = unit ? ` ${unit}` : '';
  const number = el('input', {type: 'number', id, value: String(value), step: 'any', 'aria-describedby': unit ? `${id}-u` : null});
  const slider = el('input', {type: 'range', min: '0', max: String(STEPS), step: '1', value: String(toPos(value)),
    'aria-label': `${label} (slider)`, 'aria-valuetext': `${fmt(value)}${unitText}`});
  slider.addEventListener('input', () => {
    const v = fromPos(Number(slider.value));
    number.value = String(v);
    slider.setAttribute('aria-valuetext', `${fmt(v)}${unitText}`);
    onInput(v);
  });
  number.addEventListener('input', () => {
    const v = Number(number.value);
    if (number.value.trim() === '' || !Number.isFinite(v)) return;
    slider.value = String(toPos(v));
    slider.setAttribute('aria-valuetext', `${fmt(v)}${unitText}`);
    onInput(v);
  });
  return el('div', {class: 'control'},
    el('label', {for: id}, label), number, unit ? el('span', {class: 'unit-label', id: `${id}-u`}, unit) : null, slider);
}

/** A plain labelled number input (times, counts); onEmpty, if given, is called when it is cleared. */
function plain(label, value, onInput, attrs = {}, onEmpty = null, unit = '') {
  const id = uid('t');
  const input = el('input', {type: 'number', id, value: value === undefined ? '' : String(value), step: 'any',
    'aria-describedby': unit ? `${id}-u` : null, ...attrs});
  input.addEventListener('input', () => {
    const v = Number(input.value);
    if (input.value.trim() === '') { if (onEmpty) onEmpty(); return; }
    if (Number.isFinite(v)) onInput(v);
  });
  return [el('label', {for: id}, label), input, unit ? el('span', {class: 'unit-label', id: `${id}-u`}, unit) : null];
}

/**
 * A time of obj[key]: the number in its input, its unit (the one it was given in, else the model's
 * time unit) beside it; editing changes the number and keeps the unit.
 */
function time(label, obj, key, timeUnit, onChange, attrs = {}, onEmpty = null, fallback = undefined) {
  const q = obj[key] ?? fallback;
  return plain(label, magnitude(q), (v) => { obj[key] = withMagnitude(obj[key] ?? fallback, v); onChange(); }, attrs, onEmpty,
    unitOf(q, timeUnit));
}

const removeButton = (what, onclick) => el('button', {type: 'button', 'aria-label': `Remove ${what}`, onclick}, '×');

/**
 * Renders the controls of ctx.state.scenario into container. ctx: {state, info(id) → {name, unit, value},
 * ids: all parameter and state ids, changed(structural)}.
 */
export function renderScenarioControls(container, ctx) {
  const s = ctx.state.scenario;
  const timeUnit = ctx.timeUnit || 'day';
  container.replaceChildren();
  const timeInput = (label, obj, key, attrs = {}, onEmpty = null, fallback = undefined) =>
    time(label, obj, key, timeUnit, () => ctx.changed(false), attrs, onEmpty, fallback);

  const times = el('fieldset', {class: 'controls-group'}, el('legend', {}, 'Time'));
  times.append(el('div', {class: 'control'},
    ...timeInput('Simulate until', s, 'until', {min: '1'}, null, 100),
    ...timeInput('Output step', s, 'step', {min: '0'}, null, 1)));
  // The calendar and covariates change how units are read: shown, and sent back as they came.
  const calendar = ['month', 'year'].filter((k) => s[k] !== undefined).map((k) => `1 ${k} = ${describe(s[k], 'd')}`);
  if (calendar.length) times.append(el('p', {class: 'hint calendar'}, `Calendar: ${calendar.join(', ')}`));
  const covariates = Object.entries(s.covariates || {}).map(([k, q]) => `${k} = ${describe(q)}`);
  if (covariates.length) times.append(el('p', {class: 'hint covariates'}, `Patient: ${covariates.join(', ')}`));
  container.append(times);

  const values = el('fieldset', {class: 'controls-group'}, el('legend', {}, 'Values set'));
  const set = s.set || (s.set = {});
  const keys = Object.keys(set);
  if (!keys.length) values.append(el('p', {class: 'hint'}, 'None: the model\'s own values. Add one below or use the pathway.'));
  for (const key of keys) {
    const info = ctx.info(key);
    values.append(el('div', {class: 'entry'},
      el('div', {class: 'control'}, el('span', {class: 'entry-name'}, info.name ? `${info.name} (${key})` : key),
        removeButton(key, () => { delete set[key]; ctx.changed(true); })),
      numberControl({label: 'value', value: set[key], reference: info.value, unit: info.unit,
        onInput: (v) => { set[key] = v; ctx.changed(false); }})));
  }
  const listId = uid('params');
  const add = el('input', {type: 'text', list: listId, id: uid('add'), placeholder: 'parameter or state', 'aria-label': 'Parameter or state to set'});
  const addButton = el('button', {type: 'button', onclick: () => {
    const id = add.value.trim();
    if (!ctx.ids.includes(id)) { ctx.status(`No parameter or state '${id}' in this model.`, true); return; }
    set[id] = ctx.info(id).value ?? 0;
    ctx.changed(true);
  }}, 'Add');
  values.append(el('div', {class: 'control'}, add, addButton,
    el('datalist', {id: listId}, ctx.ids.map((id) => el('option', {value: id})))));
  container.append(values);

  const ivs = s.interventions || (s.interventions = []);
  if (ivs.length) {
    const group = el('fieldset', {class: 'controls-group'}, el('legend', {}, 'Interventions (held values)'));
    ivs.forEach((iv, i) => {
      const info = ctx.info(iv.set);
      group.append(el('div', {class: 'entry'},
        el('div', {class: 'control'}, el('span', {class: 'entry-name'}, info.name ? `${info.name} (${iv.set})` : iv.set),
          removeButton(`intervention on ${iv.set}`, () => { ivs.splice(i, 1); ctx.changed(true); })),
        numberControl({label: 'held at', value: iv.value, reference: info.value || iv.value, unit: info.unit,
          onInput: (v) => { iv.value = v; ctx.changed(false); }}),
        el('div', {class: 'control'},
          ...timeInput('from', iv, 'from'),
          ...timeInput('to (empty: the end)', iv, 'to', {}, () => { delete iv.to; ctx.changed(false); }))));
    });
    container.append(group);
  }

  const doses = s.doses || (s.doses = []);
  if (doses.length) {
    const group = el('fieldset', {class: 'controls-group'}, el('legend', {}, 'Doses'));
    doses.forEach((d, i) => {
      const info = ctx.info(d.target);
      group.append(el('div', {class: 'entry'},
        el('div', {class: 'control'}, el('span', {class: 'entry-name'}, `into ${info.name ? `${info.name} (${d.target})` : d.target}`),
          removeButton(`dose into ${d.target}`, () => { doses.splice(i, 1); ctx.changed(true); })),
        d.amount === undefined ? null : numberControl({label: 'amount', value: magnitude(d.amount), reference: magnitude(d.amount),
          unit: unitOf(d.amount, info.unit), onInput: (v) => { d.amount = withMagnitude(d.amount, v); ctx.changed(false); }}),
        el('div', {class: 'control'},
          ...timeInput('first at', d, 'at'),
          ...timeInput('every', d, 'every', {min: '0'}),
          ...(d.for !== undefined ? timeInput('for', d, 'for', {min: '0'})
            : plain('count', d.count ?? 1, (v) => { d.count = Math.max(1, Math.round(v)); ctx.changed(false); }, {min: '1', step: '1'})))));
    });
    container.append(group);
  }
}
