// The selection as CSV, built in the page: a first comment line naming the map version (and SIMULATED when the
// map holds simulated cells), a header, then one line per selected cell with the map inputs in map units.
// Quoting is the five lines of RFC 4180 it needs, written here rather than adding a CSV package.
import type { AtlasMap } from '../atlasmap';
import { MAP_FEATURES } from '../features';

function field(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(7))) : '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvFileName(m: AtlasMap): string {
  return `patchmap-selection-${m.version}.csv`;
}

/**
 * @param values one column per map input (row order of the map), or null when it could not be read: its
 *               cells are left empty and the comment line says so
 */
export function selectionCsv(m: AtlasMap, rows: number[], values: Map<string, Float32Array | null>): string {
  const missing = MAP_FEATURES.filter((f) => !values.get(f.name)).map((f) => f.name);
  const comment = [
    `# PatchMap selection: ${rows.length} cells of map ${m.version}`,
    'map inputs in map units (the units the map is built from)',
    ...(m.simulated ? ['SIMULATED: this map holds simulated cells, not recordings'] : []),
    ...(missing.length ? [`not readable, left empty: ${missing.join(' ')}`] : []),
  ].join('; ');
  const header = ['id', 'dandiset', 'species', 'region', 'cluster', 'x', 'y',
    ...MAP_FEATURES.map((f) => `${f.name} (${f.unit})`)];
  const lines = [comment, header.map(field).join(',')];
  for (const r of rows) {
    lines.push([
      m.ids[r], m.dandiset[r], m.species[r], m.region[r], m.cluster[r], m.x[r], m.y[r],
      ...MAP_FEATURES.map((f) => values.get(f.name)?.[r] ?? null),
    ].map(field).join(','));
  }
  return lines.join('\n') + '\n';
}

export function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
