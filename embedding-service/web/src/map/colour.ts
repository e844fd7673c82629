// Colour encodings of the map: one palette index per cell (regl-scatterplot draws categorical values), a
// legend for categories and a colour bar for numbers. Palettes are colour-blind safe: Okabe–Ito for
// categories (the most frequent first; the rest share "other"), viridis for numbers, clipped to 5–95 %.
import { quantileSorted } from 'd3-array';
import { interpolateViridis } from 'd3-scale-chromatic';
import type { AtlasMap } from '../atlasmap';

export const MISSING_COLOUR = '#c8c8c8';
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const EXTRA = ['#8c6d31', '#7b4173', '#5254a3', '#637939', '#843c39', '#3182bd'];
const CATEGORY_COLOURS = [...OKABE_ITO, ...EXTRA];
const STEPS = 256;

export interface LegendEntry { key: string; label: string; colour: string; count: number }

export type Legend =
  | { kind: 'categorical'; title: string; entries: LegendEntry[] }
  | { kind: 'continuous'; title: string; unit: string; lo: number; hi: number; missing: number };

export interface Encoding {
  /** Palette index per row. */
  index: Float32Array;
  palette: string[];
  legend: Legend;
  /** Legend key per row (categorical) for hiding and isolating entries; null for numbers. */
  keyOf: ((row: number) => string) | null;
}

export const UNKNOWN = 'unknown';
export const OTHER = 'other';

export function categorical(title: string, labels: (string | null)[], n: number): Encoding {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = labels[i] ?? UNKNOWN;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const named = [...counts.entries()].filter(([k]) => k !== UNKNOWN).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = named.slice(0, CATEGORY_COLOURS.length);
  const colourOf = new Map<string, number>();
  const entries: LegendEntry[] = shown.map(([k, c], i) => {
    colourOf.set(k, i);
    return { key: k, label: k, colour: CATEGORY_COLOURS[i], count: c };
  });
  const palette = [...CATEGORY_COLOURS.slice(0, shown.length)];
  const otherIdx = palette.length;
  palette.push('#8a8a8a');
  const unknownIdx = palette.length;
  palette.push(MISSING_COLOUR);
  const rest = named.slice(shown.length);
  if (rest.length) {
    entries.push({ key: OTHER, label: `${rest.length} others`, colour: '#8a8a8a', count: rest.reduce((s, [, c]) => s + c, 0) });
  }
  if (counts.has(UNKNOWN)) entries.push({ key: UNKNOWN, label: UNKNOWN, colour: MISSING_COLOUR, count: counts.get(UNKNOWN)! });
  const keyOf = (row: number): string => {
    const k = labels[row] ?? UNKNOWN;
    return k === UNKNOWN || colourOf.has(k) ? k : OTHER;
  };
  const index = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    index[i] = k === UNKNOWN ? unknownIdx : k === OTHER ? otherIdx : colourOf.get(k)!;
  }
  return { index, palette, legend: { kind: 'categorical', title, entries }, keyOf };
}

export function continuous(title: string, unit: string, values: ArrayLike<number | null>, n: number): Encoding {
  const finite: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v)) finite.push(v);
  }
  finite.sort((a, b) => a - b);
  const lo = finite.length ? quantileSorted(finite, 0.05)! : 0;
  const hi = finite.length ? quantileSorted(finite, 0.95)! : 1;
  const palette = Array.from({ length: STEPS }, (_, i) => hexOf(interpolateViridis(i / (STEPS - 1))));
  palette.push(MISSING_COLOUR);
  const index = new Float32Array(n);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || !Number.isFinite(v)) {
      index[i] = STEPS;
      missing++;
      continue;
    }
    const t = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5;
    index[i] = Math.round(t * (STEPS - 1));
  }
  return { index, palette, legend: { kind: 'continuous', title, unit, lo, hi, missing }, keyOf: null };
}

/** regl-scatterplot wants hex; d3's interpolators answer hex or "rgb(r, g, b)". */
function hexOf(colour: string): string {
  if (/^#[0-9a-f]{6}$/i.test(colour)) return colour;
  const m = colour.match(/\d+/g) ?? ['0', '0', '0'];
  return '#' + m.slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('');
}

export function viridisCss(t: number): string {
  return interpolateViridis(t);
}

/** The colour choices of the "colour by" menu that come from the map's own columns. */
export function fromMap(key: string, m: AtlasMap): Encoding | null {
  switch (key) {
    case 'cluster':
      return categorical('cluster', Array.from(m.cluster, (c) => (c < 0 ? null : `cluster ${c}`)), m.n);
    case 'species': return categorical('species', m.species, m.n);
    case 'region': return categorical('brain region', m.region, m.n);
    case 'dandiset': return categorical('dandiset', m.dandiset, m.n);
    case 'lab': return categorical('lab', m.lab, m.n);
    case 'simulated': return categorical('simulated type', m.simulatedType, m.n);
    case 'age': return continuous('age', 'days', m.ageDays, m.n);
    case 'temperature': return continuous('recording temperature', '°C', m.temperatureC, m.n);
    default: return null;
  }
}
