// Which cells pass the filters: species, region and dandiset lists (a cell passes a list when its label is one
// of the checked ones; an empty list does not filter) and ranges on map inputs (map units; a cell without the
// value does not pass, as in the API's filter). All filters must pass.
import type { AtlasMap } from '../atlasmap';
import type { FeatureRange } from '../state';

/** The key of a missing label, in the URL and the checkbox lists (as the legend names it). */
export const UNKNOWN = 'unknown';

export type LabelField = 'species' | 'region' | 'dandiset';

export interface Filters { sp: string[]; rg: string[]; ds: string[]; fr: FeatureRange[] }

export const LABEL_FILTERS: { field: LabelField; key: 'sp' | 'rg' | 'ds'; title: string }[] = [
  { field: 'species', key: 'sp', title: 'species' },
  { field: 'region', key: 'rg', title: 'brain region' },
  { field: 'dandiset', key: 'ds', title: 'dandiset' },
];

export function isEmpty(f: Filters): boolean {
  return !f.sp.length && !f.rg.length && !f.ds.length && !f.fr.length;
}

export const labelOf = (m: AtlasMap, field: LabelField, row: number): string => m[field][row] ?? UNKNOWN;

/** Labels of the map's own cells with their counts, the most frequent first. */
export function labelCounts(m: AtlasMap, field: LabelField): [string, number][] {
  const counts = new Map<string, number>();
  for (let i = 0; i < m.cellCount; i++) {
    const k = labelOf(m, field, i);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * 1 for every row (map cells and placed cells) that passes. Ranges whose values are missing from `values`
 * are not applied (the panel says so).
 */
export function passing(m: AtlasMap, f: Filters, values: Map<string, Float32Array>): Uint8Array {
  const out = new Uint8Array(m.n).fill(1);
  const lists: [LabelField, Set<string>][] = LABEL_FILTERS
    .filter(({ key }) => f[key].length)
    .map(({ field, key }) => [field, new Set(f[key])]);
  const ranges = f.fr.flatMap((r) => (values.has(r.name) ? [{ r, v: values.get(r.name)! }] : []));
  for (let i = 0; i < m.n; i++) {
    for (const [field, wanted] of lists) {
      if (!wanted.has(labelOf(m, field, i))) { out[i] = 0; break; }
    }
    if (!out[i]) continue;
    for (const { r, v } of ranges) {
      const x = v[i];
      // Number.isNaN first: NaN compares false both ways and would otherwise pass.
      if (Number.isNaN(x) || x < r.min || x > r.max) { out[i] = 0; break; }
    }
  }
  return out;
}

/** How many of the map's own cells and of the placed cells pass. */
export function passCounts(m: AtlasMap, rows: Uint8Array): { mapped: number; placed: number } {
  let mapped = 0, placed = 0;
  for (let i = 0; i < m.n; i++) {
    if (!rows[i]) continue;
    if (i < m.cellCount) mapped++;
    else placed++;
  }
  return { mapped, placed };
}
