// The selection drawer under the map: how many cells the lasso or box holds, a paged and sortable table of
// them, a CSV of them with all 16 map inputs, and their map-input distributions against the atlas's.
import type { AtlasMap } from '../atlasmap';
import type { AtlasContext } from '../context';
import { KEY_FEATURES, MAP_FEATURES, featureByName } from '../features';
import { csvFileName, download, selectionCsv } from '../select/csv';
import { renderDistributions } from '../select/distributions';
import { PagedTable, type Column } from '../select/table';
import { readColumns } from '../select/values';

/** The map inputs shown in the table: the hover's three and the firing rate. */
const TABLE_FEATURES = [...KEY_FEATURES, 'avg_rate_0_long_square'];

function labelColumns(m: AtlasMap, ctx: AtlasContext): Column[] {
  return [
    {
      key: 'id', label: 'cell', numeric: false, value: (r) => m.ids[r],
      render(td, r) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'cell-link';
        // The file part of the id: the dandiset has its own column; the whole id is the tooltip.
        b.textContent = m.ids[r].split('/').pop()!.replace(/\.nwb$/, '');
        b.title = m.ids[r];
        b.setAttribute('aria-label', `open cell ${m.ids[r]}`);
        b.addEventListener('click', () => ctx.bus.publish('cell:open', { id: m.ids[r] }));
        td.append(b);
      },
    },
    { key: 'dandiset', label: 'dandiset', numeric: false, value: (r) => m.dandiset[r] },
    { key: 'species', label: 'species', numeric: false, value: (r) => m.species[r] },
    { key: 'region', label: 'region', numeric: false, value: (r) => m.region[r] },
    { key: 'cluster', label: 'cluster', numeric: true, value: (r) => m.cluster[r] },
  ];
}

function featureColumns(values: Map<string, Float32Array | null>): Column[] {
  return TABLE_FEATURES.map((name) => {
    const f = featureByName.get(name)!;
    const v = values.get(name) ?? null;
    return { key: name, label: `${f.label} (${f.unit})`, numeric: true, value: (r: number) => (v ? v[r] : null) };
  });
}

export function mountSelection(el: HTMLElement, ctx: AtlasContext): void {
  el.hidden = true;
  el.innerHTML = `
    <div class="selection-head">
      <h2><span class="selection-count">0</span> cells selected</h2>
      <span class="selection-simulated simulated" hidden>SIMULATED</span>
      <button type="button" class="selection-clear">clear</button>
      <button type="button" class="selection-csv">download CSV</button>
      <span class="selection-note" role="status" aria-live="polite"></span>
    </div>
    <div class="selection-body">
      <div class="selection-list"></div>
      <div class="selection-dist" aria-label="map inputs of the selection against the atlas"></div>
    </div>`;
  const q = <T extends HTMLElement>(s: string) => el.querySelector(s) as T;
  const count = q('.selection-count');
  const note = q('.selection-note');
  const dist = q('.selection-dist');
  const table = new PagedTable(q('.selection-list'), []);
  let rows: number[] = [];
  let shown = 0;

  ctx.bus.subscribe('selection', ({ rows: selected }) => {
    const m = ctx.map();
    rows = m ? selected : [];
    const ticket = ++shown;
    el.hidden = rows.length === 0;
    count.textContent = String(rows.length);
    note.textContent = '';
    if (!m || !rows.length) { table.setRows([]); dist.replaceChildren(); return; }
    q('.selection-simulated').hidden = !m.simulated;
    const labels = labelColumns(m, ctx);
    table.setColumns([...labels, ...featureColumns(new Map())]);
    table.setRows(rows);
    dist.textContent = 'reading the map inputs…';
    void readColumns(ctx, MAP_FEATURES.map((f) => f.name)).then(({ values, error }) => {
      if (ticket !== shown) return;
      table.setColumns([...labels, ...featureColumns(values)]);
      renderDistributions(dist, m, rows, values);
      if (error) note.textContent = `map inputs not shown: ${error}`;
    });
  });

  q('.selection-clear').addEventListener('click', () => ctx.bus.publish('selection', { rows: [], polygon: null }));

  q('.selection-csv').addEventListener('click', async () => {
    const m = ctx.map();
    if (!m || !rows.length) return;
    const { values, error } = await readColumns(ctx, MAP_FEATURES.map((f) => f.name));
    download(selectionCsv(m, rows, values), csvFileName(m));
    note.textContent = error ? `CSV written without the map inputs that could not be read: ${error}` : '';
  });
}
