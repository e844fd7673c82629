// The view lives in the URL's query string so that a view can be shared: colour, legend entries hidden
// or isolated, filters, the selection polygon, the open cell, the camera and the side tab.
import type { Polygon } from './bus';

export interface FeatureRange { name: string; min: number; max: number }

export interface ViewState {
  colour: string;
  hide: string[];
  only: string | null;
  sp: string[];
  rg: string[];
  ds: string[];
  fr: FeatureRange[];
  sel: Polygon | null;
  cell: string | null;
  view: { x: number; y: number; zoom: number } | null;
  tab: 'cell' | 'filters' | 'upload';
}

const LIST = '|';

function list(q: URLSearchParams, key: string): string[] {
  const v = q.get(key);
  return v ? v.split(LIST) : [];
}

function numbers(text: string | null): number[] | null {
  if (!text) return null;
  const ns = text.split(',').map(Number);
  return ns.every(Number.isFinite) ? ns : null;
}

export function parseState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const sel = numbers(q.get('sel'));
  const view = numbers(q.get('view'));
  const fr: FeatureRange[] = [];
  for (const part of (q.get('fr') ?? '').split(';').filter(Boolean)) {
    const [name, min, max] = part.split(':');
    if (name && Number.isFinite(Number(min)) && Number.isFinite(Number(max))) {
      fr.push({ name, min: Number(min), max: Number(max) });
    }
  }
  const tab = q.get('tab');
  return {
    colour: q.get('colour') ?? 'cluster',
    hide: list(q, 'hide'),
    only: q.get('only'),
    sp: list(q, 'sp'),
    rg: list(q, 'rg'),
    ds: list(q, 'ds'),
    fr,
    sel: sel && sel.length >= 6 && sel.length % 2 === 0
      ? Array.from({ length: sel.length / 2 }, (_, i) => [sel[2 * i], sel[2 * i + 1]] as [number, number])
      : null,
    cell: q.get('cell'),
    view: view && view.length === 3 ? { x: view[0], y: view[1], zoom: view[2] } : null,
    tab: tab === 'filters' || tab === 'upload' ? tab : 'cell',
  };
}

export function formatState(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.colour !== 'cluster') q.set('colour', s.colour);
  if (s.hide.length) q.set('hide', s.hide.join(LIST));
  if (s.only !== null) q.set('only', s.only);
  if (s.sp.length) q.set('sp', s.sp.join(LIST));
  if (s.rg.length) q.set('rg', s.rg.join(LIST));
  if (s.ds.length) q.set('ds', s.ds.join(LIST));
  if (s.fr.length) q.set('fr', s.fr.map((r) => `${r.name}:${r.min}:${r.max}`).join(';'));
  if (s.sel) q.set('sel', s.sel.map(([x, y]) => `${x.toFixed(4)},${y.toFixed(4)}`).join(','));
  if (s.cell) q.set('cell', s.cell);
  if (s.view) q.set('view', [s.view.x, s.view.y, s.view.zoom].map((v) => v.toFixed(4)).join(','));
  if (s.tab !== 'cell') q.set('tab', s.tab);
  return q.toString();
}

/** The current view; `update` writes the URL (replaceState: panning does not fill the history). */
export class ViewStore {
  private current: ViewState;

  constructor() {
    this.current = parseState(window.location.search);
  }

  get(): ViewState {
    return this.current;
  }

  update(change: Partial<ViewState>): void {
    this.current = { ...this.current, ...change };
    const query = formatState(this.current);
    window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
  }
}
