// The current map as columns (row i = one cell; the map's own cells first, then cells placed on it),
// read from the Arrow form of /api/maps/current, or from its JSON form when the server cannot write Arrow.
import { tableFromIPC, type Table } from 'apache-arrow';

export interface AtlasMap {
  version: string;
  createdAt: string;
  codeVersion: string;
  /** Cells built into the map: rows 0..cellCount-1. */
  cellCount: number;
  /** Cells placed on it: rows cellCount..n-1. */
  placedCount: number;
  n: number;
  ids: string[];
  x: Float32Array;
  y: Float32Array;
  cluster: Int32Array;
  dandiset: (string | null)[];
  species: (string | null)[];
  region: (string | null)[];
  simulatedType: (string | null)[];
  lab: (string | null)[];
  ageDays: Float32Array;
  temperatureC: Float32Array;
  placed: Uint8Array;
  /** Any cell of the map is simulated: the page says so. */
  simulated: boolean;
  /** Cell id to row. */
  rowOf: Map<string, number>;
  bytes: number;
}

export const ARROW = 'application/vnd.apache.arrow.stream';

export async function fetchMap(): Promise<AtlasMap | null> {
  const res = await fetch('api/maps/current', { headers: { Accept: ARROW } });
  if (res.status === 404) return null;
  if (res.ok) {
    const buf = new Uint8Array(await res.arrayBuffer());
    return fromArrow(tableFromIPC(buf), buf.byteLength);
  }
  if (res.status !== 503) throw new Error(`the map: ${res.status} ${await res.text()}`);
  const json = await fetch('api/maps/current', { headers: { Accept: 'application/json' } });
  if (!json.ok) throw new Error(`the map: ${json.status} ${await json.text()}`);
  const text = await json.text();
  return fromJson(JSON.parse(text), text.length);
}

// Columns are read chunk by chunk from their buffers (dictionary indices, float values and the validity
// bitmap) rather than cell by cell through Vector.get: at 100,000 cells that is most of the decoding time.
interface Chunk {
  length: number;
  nullCount: number;
  values: ArrayLike<number>;
  dictionary?: { length: number; get(i: number): unknown };
  getValid(i: number): boolean;
}

const chunks = (t: Table, name: string): Chunk[] | null =>
  (t.getChild(name)?.data as unknown as Chunk[] | undefined) ?? null;

function strings(t: Table, name: string, n: number): (string | null)[] {
  const out: (string | null)[] = new Array(n).fill(null);
  const data = chunks(t, name);
  if (!data) return out;
  const col = t.getChild(name)!;
  let base = 0;
  for (const d of data) {
    if (d.dictionary) {
      const dict = d.dictionary;
      const labels = Array.from({ length: dict.length }, (_, k) => (dict.get(k) as string | null) ?? null);
      for (let i = 0; i < d.length; i++) {
        if (d.nullCount === 0 || d.getValid(i)) out[base + i] = labels[d.values[i]];
      }
    } else {
      for (let i = 0; i < d.length; i++) out[base + i] = (col.get(base + i) as string | null) ?? null;
    }
    base += d.length;
  }
  return out;
}

function floats(t: Table, name: string, n: number): Float32Array {
  const out = new Float32Array(n).fill(NaN);
  let base = 0;
  for (const d of chunks(t, name) ?? []) {
    for (let i = 0; i < d.length; i++) {
      if (d.nullCount === 0 || d.getValid(i)) out[base + i] = d.values[i];
    }
    base += d.length;
  }
  return out;
}

function fromArrow(t: Table, bytes: number): AtlasMap {
  const meta = t.schema.metadata;
  const n = t.numRows;
  const placedCol = t.getChild('placed');
  const placed = new Uint8Array(n);
  for (let i = 0; i < n; i++) placed[i] = placedCol?.get(i) ? 1 : 0;
  const cluster = Int32Array.from(floats(t, 'cluster', n), (c) => (Number.isNaN(c) ? -1 : c));
  return finish({
    version: meta.get('mapVersion') ?? '', createdAt: meta.get('createdAt') ?? '',
    codeVersion: meta.get('codeVersion') ?? '', cellCount: Number(meta.get('cellCount') ?? n),
    placedCount: Number(meta.get('placedCount') ?? 0), n, ids: strings(t, 'id', n) as string[],
    x: floats(t, 'x', n), y: floats(t, 'y', n), cluster, dandiset: strings(t, 'dandiset', n),
    species: strings(t, 'species', n), region: strings(t, 'region', n),
    simulatedType: strings(t, 'simulatedType', n), lab: strings(t, 'lab', n), ageDays: floats(t, 'ageDays', n),
    temperatureC: floats(t, 'temperatureC', n), placed, bytes,
  });
}

interface MapJson {
  mapVersion: string; createdAt: string; codeVersion: string; cellCount: number; placedCount: number;
  cells: Record<string, unknown[]>;
}

function fromJson(j: MapJson, bytes: number): AtlasMap {
  const col = (name: string) => (j.cells[name] ?? []) as unknown[];
  const n = col('id').length;
  const f32 = (name: string) => Float32Array.from({ length: n }, (_, i) => {
    const v = col(name)[i];
    return typeof v === 'number' ? v : NaN;
  });
  const str = (name: string) => Array.from({ length: n }, (_, i) => (col(name)[i] as string | null) ?? null);
  return finish({
    version: j.mapVersion, createdAt: j.createdAt, codeVersion: j.codeVersion, cellCount: j.cellCount,
    placedCount: j.placedCount, n, ids: str('id') as string[], x: f32('x'), y: f32('y'),
    cluster: Int32Array.from(col('cluster') as number[]), dandiset: str('dandiset'), species: str('species'),
    region: str('region'), simulatedType: str('simulatedType'), lab: str('lab'), ageDays: f32('ageDays'),
    temperatureC: f32('temperatureC'), placed: Uint8Array.from(col('placed').map((p) => (p ? 1 : 0))), bytes,
  });
}

function finish(m: Omit<AtlasMap, 'rowOf' | 'simulated'>): AtlasMap {
  const rowOf = new Map<string, number>();
  m.ids.forEach((id, i) => rowOf.set(id, i));
  return { ...m, rowOf, simulated: m.simulatedType.some((s) => s !== null) };
}
