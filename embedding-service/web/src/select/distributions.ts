// What distinguishes a selection: for each map input, the atlas's distribution (grey) against the selection's
// (colour), most different first. "Different" is the shift of the median in units of the atlas's
// interquartile range, a robust effect size that reads the same for every unit.
import { quantileSorted } from 'd3-array';
import { format } from 'd3-format';
import type { AtlasMap } from '../atlasmap';
import { MAP_FEATURES, type MapFeature } from '../features';
import { drawHistogram, fractions } from './histogram';

const BINS = 24;
const fmt = format('+.2~f');

function finiteSorted(values: Float32Array, rows: Iterable<number>): number[] {
  const out: number[] = [];
  for (const r of rows) if (Number.isFinite(values[r])) out.push(values[r]);
  return out.sort((a, b) => a - b);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

interface Comparison { feature: MapFeature; values: Float32Array; shift: number; atlasSorted: number[]; nSel: number }

function compare(m: AtlasMap, rows: number[], feature: MapFeature, values: Float32Array): Comparison {
  const atlasSorted = finiteSorted(values, range(m.cellCount));
  const selSorted = finiteSorted(values, rows);
  let shift = 0;
  if (atlasSorted.length && selSorted.length) {
    const iqr = quantileSorted(atlasSorted, 0.75)! - quantileSorted(atlasSorted, 0.25)!;
    const d = quantileSorted(selSorted, 0.5)! - quantileSorted(atlasSorted, 0.5)!;
    shift = iqr > 0 ? d / iqr : 0;
  }
  return { feature, values, shift, atlasSorted, nSel: selSorted.length };
}

/** Draws the 16 comparisons into `el`; features whose values could not be read are named at the end. */
export function renderDistributions(el: HTMLElement, m: AtlasMap, rows: number[],
                                    values: Map<string, Float32Array | null>): void {
  el.replaceChildren();
  const title = document.createElement('h3');
  title.textContent = 'map inputs: selection against the atlas';
  const key = document.createElement('p');
  key.className = 'dist-key';
  key.innerHTML = '<span class="key-atlas"></span> all map cells <span class="key-sel"></span> selection'
    + ' · fractions of each group · most shifted first (median shift in atlas IQRs)';
  el.append(title);
  const comparisons = MAP_FEATURES.flatMap((f) => {
    const v = values.get(f.name);
    return v ? [compare(m, rows, f, v)] : [];
  }).sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift));
  if (comparisons.length) el.append(key);
  const grid = document.createElement('div');
  grid.className = 'dist-grid';
  for (const c of comparisons) {
    const cell = document.createElement('figure');
    cell.className = 'dist';
    cell.dataset.feature = c.feature.name;
    const cap = document.createElement('figcaption');
    cap.innerHTML = '<span class="dist-name"></span> <span class="dist-shift"></span>';
    cap.querySelector('.dist-name')!.textContent = `${c.feature.label} (${c.feature.unit})`;
    cap.querySelector('.dist-shift')!.textContent = c.nSel ? `${fmt(c.shift)} IQR` : 'no values';
    cell.append(cap);
    const a = c.atlasSorted;
    let domain: [number, number] = a.length ? [quantileSorted(a, 0.01)!, quantileSorted(a, 0.99)!] : [0, 1];
    if (!(domain[1] > domain[0])) domain = [domain[0] - 0.5, domain[0] + 0.5];
    drawHistogram(cell, {
      width: 184, height: 58, domain, bins: BINS,
      atlas: fractions(c.values, range(m.cellCount), domain, BINS).f,
      subset: fractions(c.values, rows, domain, BINS).f,
      label: `${c.feature.label}: distribution of the ${c.nSel} selected cells with a value against all map cells`,
    });
    grid.append(cell);
  }
  el.append(grid);
  const missing = MAP_FEATURES.filter((f) => !values.get(f.name));
  if (missing.length) {
    const note = document.createElement('p');
    note.className = 'panel-error';
    note.textContent = `map input values could not be read for ${missing.map((f) => f.label).join(', ')}`;
    el.append(note);
  }
  const edge = document.createElement('p');
  edge.className = 'dist-note';
  edge.textContent = 'axes span the atlas’s 1st–99th percentile; the edge bins hold the values beyond';
  if (comparisons.length) el.append(edge);
}
