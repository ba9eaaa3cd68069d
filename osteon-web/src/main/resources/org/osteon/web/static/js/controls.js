// The scenario panel: time span, values set, interventions and doses, each with a slider and a number input.
import {el, fmt, uid} from './util.js';

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
function plain(label, value, onInput, attrs = {}, onEmpty = null) {
  const id = uid('t');
  const input = el('input', {type: 'number', id, value: value === undefined ? '' : String(value), step: 'any', ...attrs});
  input.addEventListener('input', () => {
    const v = Number(input.value);
    if (input.value.trim() === '') { if (onEmpty) onEmpty(); return; }
    if (Number.isFinite(v)) onInput(v);
  });
  return [el('label', {for: id}, label), input];
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

  const time = el('fieldset', {class: 'controls-group'}, el('legend', {}, 'Time'));
  time.append(el('div', {class: 'control'},
    ...plain(`Simulate until (${timeUnit})`, s.until ?? 100, (v) => { s.until = v; ctx.changed(false); }, {min: '1'}),
    ...plain('Output step', s.step ?? 1, (v) => { s.step = v; ctx.changed(false); }, {min: '0'})));
  container.append(time);

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
          ...plain(`from (${timeUnit})`, iv.from, (v) => { iv.from = v; ctx.changed(false); }),
          ...plain('to (empty: the end)', iv.to, (v) => { iv.to = v; ctx.changed(false); }, {},
            () => { delete iv.to; ctx.changed(false); }))));
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
        numberControl({label: 'amount', value: d.amount, reference: d.amount, unit: info.unit,
          onInput: (v) => { d.amount = v; ctx.changed(false); }}),
        el('div', {class: 'control'},
          ...plain(`first at (${timeUnit})`, d.at, (v) => { d.at = v; ctx.changed(false); }),
          ...plain('every', d.every, (v) => { d.every = v; ctx.changed(false); }, {min: '0'}),
          ...plain('count', d.count ?? 1, (v) => { d.count = Math.max(1, Math.round(v)); ctx.changed(false); }, {min: '1', step: '1'}))));
    });
    container.append(group);
  }
}
