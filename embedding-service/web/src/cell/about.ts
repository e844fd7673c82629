// The cell's identity: simulated origin, metadata with sources, provenance and DANDI links, map status and
// neighbours.
import type { CellView, Neighbour, Quantity, Term } from '../api';
import { MAP_FEATURES } from '../features';
import { el } from './dom';
import { distance, fraction, number } from './format';

/** The yellow mark of a simulated cell: its model type, model and seed (exact digits). */
export function simulatedMark(cell: CellView, seed: string | null): HTMLElement | null {
  const sim = cell.metadata?.simulated;
  if (!sim) return null;
  return el('div', { class: 'simulated-mark', role: 'note' },
    el('strong', {}, 'SIMULATED'), ' ',
    el('span', { class: 'sim-type' }, sim.type.replace(/_/g, ' ')),
    el('dl', {},
      el('dt', {}, 'model'), el('dd', {}, sim.model ?? 'not stated'),
      el('dt', {}, 'seed'), el('dd', { class: 'sim-seed' }, seed ?? 'not stated')),
    el('p', {}, 'Drawn from a model, not recorded from a cell.'));
}

function source(s: string, confidence: number): HTMLElement {
  return el('span', { class: 'source', title: `source: ${s}, confidence ${fraction(confidence)}` },
    `${s} · ${fraction(confidence)}`);
}

function term(t: Term | undefined): (HTMLElement | string)[] {
  if (!t) return [el('span', { class: 'unknown' }, 'not stated')];
  return [t.label, ...(t.termId ? [' ', el('span', { class: 'term-id' }, t.termId)] : []), ' ',
    source(t.source, t.confidence)];
}

const DAYS_PER_YEAR = 365.25;

function quantity(q: Quantity | undefined, unit: string): (HTMLElement | string)[] {
  if (!q) return [el('span', { class: 'unknown' }, 'not stated')];
  let shown = `${number(q.value)} ${unit}`;
  if (unit === 'days' && q.value >= 2 * DAYS_PER_YEAR) shown += ` (${(q.value / DAYS_PER_YEAR).toFixed(1)} years)`;
  return [shown, ...(q.text && q.text !== shown ? [' ', el('span', { class: 'as-stated' }, `(“${q.text}”)`)] : []),
    ' ', source(q.source, q.confidence)];
}

function row(label: string, ...value: (Node | string)[]): HTMLElement[] {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

export function metadata(cell: CellView): HTMLElement {
  const m = cell.metadata;
  if (!m) return el('p', { class: 'unknown' }, 'No metadata for this cell yet.');
  return el('dl', { class: 'metadata' },
    ...row('species', ...term(m.species)),
    ...row('brain region', ...term(m.brainRegion)),
    ...row('age', ...quantity(m.ageDays, 'days')),
    ...row('sex', ...term(m.sex)),
    ...row('genotype', ...term(m.genotype)),
    ...row('temperature', ...quantity(m.temperatureC, '°C')));
}

function link(href: string | undefined, text: string): HTMLElement | null {
  if (!href) return null;
  return el('li', {}, el('a', { href, target: '_blank', rel: 'noopener' }, text));
}

export function provenance(cell: CellView): HTMLElement {
  const p = cell.provenance ?? cell.metadata?.provenance as CellView['provenance'];
  const parts: HTMLElement[] = [];
  if (p) {
    parts.push(el('dl', { class: 'provenance' },
      ...row('source', p.source),
      ...(p.dandisetId ? row('dandiset', `${p.dandisetId}${p.version ? ' version ' + p.version : ''}`) : []),
      ...(p.path ? row(p.source === 'upload' ? 'file' : 'asset path', el('code', {}, p.path)) : []),
      ...(p.assetId ? row('asset id', el('code', {}, p.assetId)) : []),
      ...(cell.codeVersion ? row('features by', cell.codeVersion) : [])));
  } else {
    parts.push(el('p', { class: 'unknown' }, 'Provenance not known yet.'));
  }
  const l = cell.links;
  const links = [link(l?.dandiset, 'dandiset on DANDI (this version)'), link(l?.asset, 'asset in the DANDI API'),
    link(l?.download, 'download the file')].filter((x): x is HTMLElement => x !== null);
  if (links.length) parts.push(el('ul', { class: 'links' }, ...links));
  return el('div', {}, ...parts);
}

const labelOf = new Map(MAP_FEATURES.map((f) => [f.name, f.label]));

function imputed(names: string[]): string {
  if (!names.length) return 'none';
  return names.map((n) => labelOf.get(n) ?? n).join(', ');
}

/** Map status in words; `null` map means the cell is not on the current map yet. */
export function mapStatus(cell: CellView): HTMLElement {
  const m = cell.map;
  if (!m) return el('p', { class: 'map-status unknown' }, 'Not on the current map (no map yet, or its features are still being computed).');
  if (m.status === 'mapped') {
    return el('dl', { class: 'map-status' },
      ...row('status', el('strong', {}, 'mapped'), ` on map ${m.mapVersion}`),
      ...row('cluster', String(m.cluster)),
      ...row('graph component', String(m.component)),
      ...row('imputed features', imputed(m.imputed)));
  }
  if (m.status === 'placed') {
    return el('div', { class: 'map-status' },
      m.unlikeAtlas ? el('p', { class: 'warning', role: 'alert' },
        'Unlike anything in the atlas: no reference cell is near it in scaled feature space (distance to the nearest '
        + `${number(m.nearestDistance)}), so its place on the map says little.`) : null,
      el('dl', {},
        ...row('status', el('strong', {}, 'placed'), ` on map ${m.mapVersion} (the map was not rebuilt with it)`),
        ...row('cluster', `${m.cluster} (bootstrap probability ${fraction(m.clusterProbability)})`),
        ...row('runners-up', (m.runnersUp ?? []).length
          ? (m.runnersUp ?? []).map((r) => `${r.cluster} (${fraction(r.probability)})`).join(', ') : 'none'),
        ...row('confidence', fraction(m.confidence)),
        ...row('imputed features', imputed(m.imputed))));
  }
  return el('dl', { class: 'map-status' },
    ...row('status', el('strong', {}, m.status === 'left_off' ? 'left off the map' : 'not placed')),
    ...row('why', m.reason));
}

export function neighboursOf(cell: CellView): Neighbour[] {
  const m = cell.map;
  return m && (m.status === 'mapped' || m.status === 'placed') ? m.neighbours : [];
}

/** The neighbour list: each a button that opens that cell. */
export function neighbours(list: Neighbour[], open: (id: string) => void): HTMLElement {
  if (!list.length) return el('p', { class: 'unknown' }, 'No neighbours: the cell is not on the current map.');
  const table = el('table', { class: 'neighbours' },
    el('caption', {}, 'Nearest cells in scaled feature space, ringed on the map'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'cell'), el('th', { scope: 'col', class: 'n' }, 'cosine distance'))));
  const body = el('tbody');
  for (const n of list) {
    const b = el('button', { type: 'button', class: 'neighbour', 'data-cell': n.cellId }, n.cellId);
    b.addEventListener('click', () => open(n.cellId));
    body.append(el('tr', {}, el('td', {}, b), el('td', { class: 'n' }, distance(n.distance))));
  }
  table.append(body);
  return table;
}
