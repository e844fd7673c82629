// One range filter on a map input: the atlas's histogram with a d3 brush over it, the range's min and max as
// labelled number inputs (keyboard and exact entry), and a remove button.
import { brushX, type D3BrushEvent } from 'd3-brush';
import { extent } from 'd3-array';
import type { AtlasMap } from '../atlasmap';
import type { MapFeature } from '../features';
import type { FeatureRange } from '../state';
import { drawHistogram, fractions } from './histogram';

const BINS = 40;

/** Four significant digits: enough to brush with, short in the URL. */
export const rounded = (v: number) => Number(v.toPrecision(4));

export interface RangeCallbacks {
  change(range: FeatureRange): void;
  remove(): void;
}

/**
 * @param values the feature's column, or null with `error` when it could not be read (the range is then shown
 *               but not applied)
 */
export function rangeCard(m: AtlasMap, feature: MapFeature, range: FeatureRange, values: Float32Array | null,
                          error: string | null, on: RangeCallbacks): HTMLElement {
  const card = document.createElement('div');
  card.className = 'range';
  card.dataset.feature = feature.name;
  const id = `range-${feature.name}`;
  card.innerHTML = `
    <div class="range-head"><span class="range-name"></span><button type="button" class="range-remove">remove</button></div>
    <div class="range-plot"></div>
    <div class="range-values">
      <label>min <input type="number" step="any" class="range-min" id="${id}-min"></label>
      <span>–</span>
      <label>max <input type="number" step="any" class="range-max" id="${id}-max"></label>
      <span class="range-unit"></span>
    </div>`;
  card.querySelector('.range-name')!.textContent = `${feature.label} (${feature.unit})`;
  card.querySelector('.range-unit')!.textContent = feature.unit;
  const remove = card.querySelector<HTMLButtonElement>('.range-remove')!;
  remove.setAttribute('aria-label', `remove the range on ${feature.label}`);
  remove.addEventListener('click', () => on.remove());
  const minInput = card.querySelector<HTMLInputElement>('.range-min')!;
  const maxInput = card.querySelector<HTMLInputElement>('.range-max')!;
  minInput.value = String(range.min);
  maxInput.value = String(range.max);

  if (!values) {
    const p = document.createElement('p');
    p.className = 'panel-error';
    p.textContent = `not applied: ${error ?? 'values could not be read'}`;
    card.querySelector('.range-plot')!.append(p);
    minInput.disabled = maxInput.disabled = true;
    return card;
  }

  const [lo, hi] = extent(Array.from(values.subarray(0, m.cellCount)).filter(Number.isFinite)) as [number, number];
  const domain: [number, number] = lo === undefined ? [0, 1] : hi > lo ? [lo, hi] : [lo - 0.5, lo + 0.5];
  const all = Array.from({ length: m.cellCount }, (_, i) => i);
  const plot = drawHistogram(card.querySelector<HTMLElement>('.range-plot')!, {
    width: 400, height: 70, domain, bins: BINS, atlas: fractions(values, all, domain, BINS).f,
    label: `${feature.label}: distribution over the map's cells; drag to choose a range`,
  });
  const [x0, x1] = plot.x.range();
  const brush = brushX<unknown>().extent([[x0, plot.top], [x1, plot.bottom]]);
  const g = plot.svg.append('g').attr('class', 'brush');
  const clamp = (v: number) => Math.min(x1, Math.max(x0, plot.x(v)));
  const show = (r: FeatureRange) => {
    minInput.value = String(r.min);
    maxInput.value = String(r.max);
  };
  const full = fullRange(m, feature.name, values);
  // A brush edge on the axis's end keeps the extreme cells in (rounding would cut them).
  const rangeOf = ([a, b]: [number, number]): FeatureRange => ({
    name: feature.name,
    min: a <= x0 + 0.5 ? full.min : rounded(plot.x.invert(a)),
    max: b >= x1 - 0.5 ? full.max : rounded(plot.x.invert(b)),
  });
  brush.on('brush', (e: D3BrushEvent<unknown>) => {
    if (e.sourceEvent && e.selection) show(rangeOf(e.selection as [number, number]));
  });
  brush.on('end', (e: D3BrushEvent<unknown>) => {
    if (!e.sourceEvent) return;
    // A click without a drag clears the brush: the range then holds all values.
    const next = e.selection ? rangeOf(e.selection as [number, number]) : full;
    show(next);
    on.change(next);
  });
  // No brush drawn while the range holds every value: a drag anywhere then starts a new one.
  const place = (r: { min: number; max: number }) =>
    g.call(brush.move, r.min <= full.min && r.max >= full.max ? null : [clamp(r.min), clamp(r.max)]);
  g.call(brush);
  place(range);

  const typed = () => {
    const min = Number(minInput.value), max = Number(maxInput.value);
    if (minInput.value === '' || maxInput.value === '' || !(min <= max)) return;
    place({ min, max });
    on.change({ name: feature.name, min, max });
  };
  minInput.addEventListener('change', typed);
  maxInput.addEventListener('change', typed);
  return card;
}

/** The range a newly added feature starts with: all its values. */
export function fullRange(m: AtlasMap, name: string, values: Float32Array | null): FeatureRange {
  if (!values) return { name, min: 0, max: 0 };
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < m.cellCount; i++) {
    if (!Number.isFinite(values[i])) continue;
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  // Rounded outward so that the extreme cells still pass.
  const down = (v: number) => { const r = rounded(v); return r > v ? rounded(v - Math.abs(v) * 1e-3 - 1e-9) : r; };
  const up = (v: number) => { const r = rounded(v); return r < v ? rounded(v + Math.abs(v) * 1e-3 + 1e-9) : r; };
  return Number.isFinite(lo) ? { name, min: down(lo), max: up(hi) } : { name, min: 0, max: 0 };
}
