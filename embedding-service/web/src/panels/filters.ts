// The filters tab: species, region and dandiset as checkbox lists with counts, and ranges on map inputs
// brushed on their histograms. Cells passing every filter stay bright on the map (the `visible` event), the
// others are dimmed. The filters live in the URL (sp, rg, ds, fr) and stay when a new map version loads.
import type { AtlasMap } from '../atlasmap';
import type { AtlasContext } from '../context';
import { MAP_FEATURES, featureByName } from '../features';
import type { FeatureRange } from '../state';
import { LABEL_FILTERS, isEmpty, labelCounts, passCounts, passing, type Filters } from '../select/filtering';
import { fullRange, rangeCard } from '../select/rangebrush';
import { readColumns, type Columns } from '../select/values';

export function mountFilters(el: HTMLElement, ctx: AtlasContext): void {
  const st = ctx.state.get();
  let filters: Filters = { sp: st.sp, rg: st.rg, ds: st.ds, fr: st.fr };
  let computing = 0;

  el.innerHTML = `
    <h2>filters</h2>
    <p class="filter-count" role="status" aria-live="polite">waiting for the map…</p>
    <button type="button" class="filter-clear">clear all filters</button>
    <div class="filter-lists"></div>
    <div class="filter-ranges">
      <h3>map input ranges</h3>
      <label>add a range on <select class="filter-add"></select></label>
      <div class="range-list"></div>
    </div>`;
  const q = <T extends HTMLElement>(s: string) => el.querySelector(s) as T;
  const countLine = q('.filter-count');
  const lists = q('.filter-lists');
  const addMenu = q<HTMLSelectElement>('.filter-add');
  const rangeList = q('.range-list');

  const change = (next: Partial<Filters>) => {
    filters = { ...filters, ...next };
    ctx.state.update(filters);
    void recompute();
  };

  async function recompute(): Promise<void> {
    const m = ctx.map();
    if (!m) return;
    const ticket = ++computing;
    if (isEmpty(filters)) {
      ctx.bus.publish('visible', { rows: null });
      showCount(m, m.cellCount, m.placedCount, []);
      return;
    }
    const { values } = await readColumns(ctx, filters.fr.map((r) => r.name));
    if (ticket !== computing) return;
    const read = new Map([...values].filter((e): e is [string, Float32Array] => e[1] !== null));
    const rows = passing(m, filters, read);
    ctx.bus.publish('visible', { rows });
    const c = passCounts(m, rows);
    showCount(m, c.mapped, c.placed, filters.fr.filter((r) => !read.has(r.name)).map((r) => r.name));
  }

  function showCount(m: AtlasMap, mapped: number, placed: number, notApplied: string[]): void {
    countLine.dataset.pass = String(mapped);
    countLine.dataset.of = String(m.cellCount);
    countLine.dataset.mapVersion = m.version;
    let text = `${mapped.toLocaleString('en')} of ${m.cellCount.toLocaleString('en')} cells pass`;
    if (m.placedCount) text += ` (and ${placed} of ${m.placedCount} placed cells)`;
    if (notApplied.length) {
      text += `; not applied (values not readable): ${notApplied.map((n) => featureByName.get(n)?.label ?? n).join(', ')}`;
    }
    countLine.textContent = text;
  }

  function renderLists(m: AtlasMap): void {
    lists.replaceChildren();
    for (const { field, key, title } of LABEL_FILTERS) {
      const counts = labelCounts(m, field);
      // Labels in the URL that this map does not hold stay listed (count 0) so that they can be unchecked.
      for (const k of filters[key]) if (!counts.some(([l]) => l === k)) counts.push([k, 0]);
      const set = document.createElement('fieldset');
      set.className = 'filter-list';
      set.dataset.key = key;
      const legend = document.createElement('legend');
      legend.textContent = title;
      set.append(legend);
      for (const [label, n] of counts) {
        const row = document.createElement('label');
        row.className = 'filter-option';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = label;
        box.checked = filters[key].includes(label);
        box.addEventListener('change', () => {
          const chosen = [...set.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
          change({ [key]: chosen });
        });
        const name = document.createElement('span');
        name.className = 'label';
        name.textContent = label;
        const count = document.createElement('span');
        count.className = 'count';
        count.textContent = n.toLocaleString('en');
        row.append(box, name, count);
        set.append(row);
      }
      lists.append(set);
    }
  }

  function renderAddMenu(): void {
    addMenu.replaceChildren(new Option('a map input…', ''));
    for (const f of MAP_FEATURES) {
      if (!filters.fr.some((r) => r.name === f.name)) addMenu.append(new Option(`${f.label} (${f.unit})`, f.name));
    }
  }

  async function renderRanges(m: AtlasMap): Promise<void> {
    const cols: Columns = await readColumns(ctx, filters.fr.map((r) => r.name));
    if (ctx.map() !== m) return;
    rangeList.replaceChildren();
    for (const r of filters.fr) {
      const f = featureByName.get(r.name);
      if (!f) continue;
      rangeList.append(rangeCard(m, f, r, cols.values.get(r.name) ?? null, cols.error, {
        change: (next: FeatureRange) => change({ fr: filters.fr.map((x) => (x.name === r.name ? next : x)) }),
        remove: () => {
          change({ fr: filters.fr.filter((x) => x.name !== r.name) });
          void renderRanges(m);
          renderAddMenu();
        },
      }));
    }
  }

  addMenu.addEventListener('change', async () => {
    const m = ctx.map();
    const name = addMenu.value;
    if (!m || !name) return;
    const { values } = await readColumns(ctx, [name]);
    change({ fr: [...filters.fr, fullRange(m, name, values.get(name) ?? null)] });
    renderAddMenu();
    await renderRanges(m);
    rangeList.querySelector<HTMLElement>(`.range[data-feature="${name}"] .range-min`)?.focus();
  });

  q('.filter-clear').addEventListener('click', () => {
    change({ sp: [], rg: [], ds: [], fr: [] });
    const m = ctx.map();
    if (m) { renderLists(m); void renderRanges(m); }
    renderAddMenu();
  });

  // Every map version (and every placement) redraws the lists and ranges from the new map, filters kept.
  ctx.bus.subscribe('map', ({ map }) => {
    renderLists(map);
    renderAddMenu();
    void renderRanges(map);
    void recompute();
  });
}
