// The features table: every ipfx feature of the cell with value and unit, the 16 the map is built from first;
// a missing value shows "—" and why; each name expands to its definition from the export dictionary.
import type { CellView, DictionaryEntry } from '../api';
import { MAP_FEATURES } from '../features';
import { el } from './dom';
import { MISSING, number, unit } from './format';

/** The ipfx feature a map input is computed from (spec section 6: log10 of Rin, tau and widths in ms). */
export function sourceOf(mapInput: string): string {
  if (mapInput === 'log10_input_resistance') return 'input_resistance';
  if (mapInput === 'tau_ms') return 'tau';
  return mapInput.replace(/_ms$/, '');
}

function nameCell(name: string, label: string | null, definition: string | undefined): HTMLElement {
  const title = el('span', {}, el('code', {}, name), label ? el('span', { class: 'label' }, ` ${label}`) : null);
  if (!definition) return el('th', { scope: 'row' }, title);
  return el('th', { scope: 'row' }, el('details', {}, el('summary', {}, title), el('p', { class: 'definition' }, definition)));
}

export function renderFeatures(parent: HTMLElement, cell: CellView, dictionary: DictionaryEntry[] | null): void {
  const features = cell.features ?? {};
  const qc = cell.qc ?? {};
  const names = Object.keys(features);
  if (!names.length) {
    parent.append(el('p', { class: 'unknown' }, 'No features for this cell yet.'));
    return;
  }
  const definitions = new Map((dictionary ?? []).map((d) => [d.name, d.definition]));
  const order = new Map((dictionary ?? []).map((d, i) => [d.name, i]));
  const inputs = MAP_FEATURES.map((f) => ({ name: sourceOf(f.name), label: f.label }))
    .filter((f) => f.name in features);
  const inputNames = new Set(inputs.map((f) => f.name));
  const rest = names.filter((n) => !inputNames.has(n))
    .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));

  const table = el('table', { class: 'features' },
    el('colgroup', {}, el('col', { class: 'name' }), el('col', { class: 'value' }), el('col', { class: 'unit' })),
    el('caption', {}, `${names.length} features; expand a name for its definition`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'feature'), el('th', { scope: 'col', class: 'n' }, 'value'),
      el('th', { scope: 'col' }, 'unit'))));
  const group = (title: string, rows: { name: string; label: string | null }[]) => {
    const body = el('tbody', {}, el('tr', { class: 'group' }, el('th', { scope: 'rowgroup', colspan: '3' }, title)));
    for (const { name, label } of rows) {
      const f = features[name];
      const v = f.value;
      const missing = v === undefined || v === null || !Number.isFinite(v);
      const nameTh = nameCell(name, label, definitions.get(name));
      if (missing) nameTh.append(el('span', { class: 'qc' }, `no value: ${qc[name] ?? 'not computed'}`));
      // A value outside the physiological range is kept and flagged (a map input then leaves it out).
      else if (qc[name]) nameTh.append(el('span', { class: 'qc' }, `QC: ${qc[name]}${inputNames.has(name) ? '; not used by the map' : ''}`));
      const valueCell = missing
        ? el('td', { class: 'n value missing', title: qc[name] ?? 'not computed' }, MISSING)
        : el('td', { class: qc[name] ? 'n value flagged' : 'n value', 'data-value': String(v) }, number(v));
      body.append(el('tr', { 'data-feature': name }, nameTh, valueCell, el('td', { class: 'unit' }, unit(f.unit))));
    }
    table.append(body);
  };
  group(`the ${inputs.length} map inputs (as computed; the map uses log10 MΩ and ms)`, inputs);
  group('other features', rest.map((name) => ({ name, label: null })));
  parent.append(table);
  if (!dictionary) parent.append(el('p', { class: 'unknown' }, 'Definitions could not be loaded.'));
}
