// Quantities as the API sends them: a plain number (in the model's own unit) or {value, unit} for one
// given with a unit ("60 mg", "6 months"). The explorer shows and edits the number next to its unit and
// keeps the unit, so what it sends back is the scenario it was given, with only the edited numbers changed.
import {fmt} from './util.js';

export const isQuantity = (q) => q !== null && typeof q === 'object' && typeof q.value === 'number';

/** The number of a quantity or plain number (undefined stays undefined). */
export const magnitude = (q) => (isQuantity(q) ? q.value : q);

/** The unit a quantity was given in, else {@code fallback} (the model's own unit of the thing). */
export const unitOf = (q, fallback = '') => (isQuantity(q) && q.unit ? q.unit : fallback);

/** The same quantity with a new number: the unit is kept. */
export const withMagnitude = (q, v) => (isQuantity(q) ? {value: v, unit: q.unit} : v);

/** "60 mg", or the number alone with the fallback unit, for reading. */
export const describe = (q, fallbackUnit = '') => {
  const u = unitOf(q, fallbackUnit);
  return `${fmt(magnitude(q))}${u ? ` ${u}` : ''}`;
};

/** The text a scenario file writes: "60 mg" (the exact number, not rounded), or the plain number. */
export const text = (q) => (isQuantity(q) ? (q.unit ? `${q.value} ${q.unit}` : String(q.value)) : String(q));
