// The web atlas: loads the current map, draws it, and wires the panels through the event bus.
import { api, type PageConfig } from './api';
import { fetchMap, type AtlasMap } from './atlasmap';
import { Bus } from './bus';
import type { AtlasContext, Tab } from './context';
import { KEY_FEATURES, MAP_FEATURES, featureByName } from './features';
import { continuous, fromMap, type Encoding } from './map/colour';
import { renderLegend } from './map/legend';
import { MapView, type Tool } from './map/scatter';
import { ViewStore } from './state';
import { mountCell } from './panels/cell';
import { mountFilters } from './panels/filters';
import { mountSelection } from './panels/selection';
import { mountUpload } from './panels/upload';
import { mountLandmarks } from './panels/landmarks';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const bus = new Bus();
const state = new ViewStore();
let current: AtlasMap | null = null;
const columns = new Map<string, Promise<Float32Array>>();

function values(feature: string): Promise<Float32Array> {
  const m = current;
  if (!m) return Promise.reject(new Error('no map yet'));
  const key = `${m.version}/${m.placedCount}/${feature}`;
  if (!columns.has(key)) {
    columns.set(key, api.values(feature).then((c) => {
      const out = new Float32Array(m.n).fill(NaN);
      c.values.forEach((v, i) => { if (v !== null && i < m.n) out[i] = v; });
      return out;
    }));
  }
  return columns.get(key)!;
}

function showTab(tab: Tab): void {
  for (const t of ['cell', 'filters', 'upload'] as Tab[]) {
    $(t).hidden = t !== tab;
    $(`tab-${t}`).setAttribute('aria-selected', String(t === tab));
  }
  state.update({ tab });
}

function status(text: string): void {
  $('status').textContent = text;
}

async function encodingFor(key: string, m: AtlasMap): Promise<Encoding> {
  const own = fromMap(key, m);
  if (own) return own;
  const name = key.startsWith('f:') ? key.slice(2) : key;
  const f = featureByName.get(name);
  if (!f) return fromMap('cluster', m)!;
  return continuous(f.label, f.unit, await values(name), m.n);
}

function fillColourMenu(select: HTMLSelectElement): void {
  const groups: [string, [string, string][]][] = [
    ['cells', [['cluster', 'cluster'], ['species', 'species'], ['region', 'brain region'], ['dandiset', 'dandiset'],
      ['lab', 'lab'], ['temperature', 'recording temperature'], ['age', 'age'], ['simulated', 'simulated type']]],
    ['features', MAP_FEATURES.map((f) => [`f:${f.name}`, `${f.label} (${f.unit})`])],
  ];
  for (const [label, options] of groups) {
    const g = document.createElement('optgroup');
    g.label = label;
    for (const [value, text] of options) g.append(new Option(text, value));
    select.append(g);
  }
}

async function main(): Promise<void> {
  const config: PageConfig = await api.config();
  const ctx: AtlasContext = { map: () => current, api, config, bus, state, showTab, values };
  const tip = $('tip');
  let encoding: Encoding | null = null;
  let hoverValues: Float32Array[] = [];

  const view = new MapView($<HTMLCanvasElement>('map'), $<HTMLCanvasElement>('overlay'), {
    hover(row, x, y) {
      const m = current;
      if (row === null || !m) { tip.hidden = true; return; }
      // every value goes in as text: species, region and types come from metadata, which anyone can write
      const lines: string[] = [`${m.dandiset[row] ? 'dandiset ' + m.dandiset[row] : 'upload'} · ${m.species[row] ?? 'species unknown'}`,
        `${m.region[row] ?? 'region unknown'}`];
      if (m.simulatedType[row]) lines.push(`SIMULATED: ${m.simulatedType[row]}`);
      KEY_FEATURES.forEach((name, k) => {
        const v = hoverValues[k]?.[row];
        const f = featureByName.get(name)!;
        if (v !== undefined) lines.push(`${f.label}: ${Number.isFinite(v) ? v.toPrecision(3) + ' ' + f.unit : 'missing'}`);
      });
      const title = document.createElement('b');
      title.textContent = m.ids[row] + (m.placed[row] ? ' (placed)' : '');
      tip.replaceChildren(title, ...lines.flatMap((line) => {
        const span = document.createElement('span');
        span.textContent = line;
        if (line.startsWith('SIMULATED: ')) span.className = 'sim';
        return [document.createElement('br'), span];
      }));
      tip.style.left = `${x + 14}px`;
      tip.style.top = `${y + 14}px`;
      tip.hidden = false;
    },
    click(row) {
      if (current) bus.publish('cell:open', { id: current.ids[row] });
    },
    select(rows, polygon) {
      state.update({ sel: polygon });
      bus.publish('selection', { rows, polygon });
    },
    view(x, y, zoom) {
      state.update({ view: { x, y, zoom } });
    },
  });

  const applyLegend = () => {
    if (!encoding || !current) return;
    const st = state.get();
    renderLegend($('legend'), encoding.legend, { hide: st.hide, only: st.only }, (next) => {
      state.update(next);
      applyLegend();
    });
    const keyOf = encoding.keyOf;
    if (!keyOf || (!st.hide.length && st.only === null)) { view.setShown(null); return; }
    const shown: number[] = [];
    for (let i = 0; i < current.n; i++) {
      const k = keyOf(i);
      if (st.only !== null ? k === st.only : !st.hide.includes(k)) shown.push(i);
    }
    view.setShown(shown);
  };

  const recolour = async (key: string, keepLegend = false) => {
    if (!current) return;
    status('colouring…');
    encoding = await encodingFor(key, current);
    if (!keepLegend) state.update({ colour: key, hide: [], only: null });
    await view.setEncoding(encoding);
    applyLegend();
    status('');
  };

  const colour = $<HTMLSelectElement>('colour');
  fillColourMenu(colour);
  colour.value = state.get().colour;
  colour.addEventListener('change', () => void recolour(colour.value));

  for (const t of ['pan', 'lasso', 'box'] as Tool[]) {
    $(`tool-${t}`).addEventListener('click', () => {
      view.setTool(t);
      for (const u of ['pan', 'lasso', 'box']) $(`tool-${u}`).setAttribute('aria-pressed', String(u === t));
    });
  }
  $('tool-reset').addEventListener('click', () => view.reset());
  for (const t of ['cell', 'filters', 'upload'] as Tab[]) $(`tab-${t}`).addEventListener('click', () => showTab(t));

  bus.subscribe('cell:open', ({ id }) => {
    const row = current?.rowOf.get(id);
    view.markOpen(row ?? null);
    state.update({ cell: id });
    showTab('cell');
  });
  bus.subscribe('cell:close', () => { view.markOpen(null); view.highlight([]); state.update({ cell: null }); });
  bus.subscribe('cells:highlight', ({ ids }) => {
    const m = current;
    view.highlight(m ? ids.map((id) => m.rowOf.get(id)).filter((r): r is number => r !== undefined) : []);
  });
  let selectedIds: string[] = [];
  bus.subscribe('selection', ({ rows }) => { selectedIds = current ? rows.map((r) => current!.ids[r]) : []; });
  bus.subscribe('visible', ({ rows }) => void view.setVisible(rows));
  // A panel cleared the selection: the map deselects and the URL forgets the polygon.
  bus.subscribe('selection', ({ rows, polygon }) => {
    if (!rows.length && polygon === null) { view.select([]); state.update({ sel: null }); }
  });

  // Keyboard: p/l/b tools, r reset, arrows pan, + and - zoom, Escape clears the selection or closes the cell.
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    const tools: Record<string, Tool> = { p: 'pan', l: 'lasso', b: 'box' };
    const pans: Record<string, [number, number]> = { ArrowLeft: [-0.2, 0], ArrowRight: [0.2, 0], ArrowUp: [0, 0.2], ArrowDown: [0, -0.2] };
    if (tools[e.key]) $(`tool-${tools[e.key]}`).click();
    else if (e.key === 'r') view.reset();
    else if (pans[e.key] && !target.closest('[role="listbox"], table')) { e.preventDefault(); view.nudge(...pans[e.key]); }
    else if (e.key === '+' || e.key === '=') view.nudge(0, 0, 1.4);
    else if (e.key === '-') view.nudge(0, 0, 1 / 1.4);
    else if (e.key === 'Escape') {
      if (state.get().sel) { view.select([]); state.update({ sel: null }); bus.publish('selection', { rows: [], polygon: null }); }
      else if (state.get().cell) bus.publish('cell:close', {});
    }
  });

  const load = async (reason: string) => {
    const m = await fetchMap();
    if (!m) { status('no map yet: the atlas needs 50 cells with features'); return false; }
    const previous = current;
    current = m;
    const st = state.get();
    encoding = await encodingFor(st.colour, m);
    await view.setMap(m, encoding);
    applyLegend();
    $('mapinfo').innerHTML = `map <code></code> · ${m.cellCount.toLocaleString('en')} cells`
      + (m.placedCount ? ` · ${m.placedCount.toLocaleString('en')} placed` : '')
      + (m.simulated ? ' <span id="simulated-badge" title="This atlas holds simulated cells, not recordings">SIMULATED</span>' : '');
    $('mapinfo').querySelector('code')!.textContent = m.version;
    if (st.view) view.lookAt(st.view.x, st.view.y, st.view.zoom);
    if (previous && previous.version !== m.version && selectedIds.length) {
      // A new version moves every cell: keep the selected cells themselves, not the polygon.
      const rows = selectedIds.map((id) => m.rowOf.get(id)).filter((r): r is number => r !== undefined && r < m.cellCount);
      view.select(rows);
      state.update({ sel: null });
      bus.publish('selection', { rows, polygon: null });
    } else if (st.sel) {
      bus.publish('selection', { rows: view.selectPolygon(st.sel), polygon: st.sel });
    }
    if (st.cell) view.markOpen(m.rowOf.get(st.cell) ?? null);
    bus.publish('map', { map: m });
    document.body.dataset.mapVersion = m.version;
    performance.mark('atlas:map-drawn');
    status(reason);
    void Promise.all(KEY_FEATURES.map((f) => values(f).catch(() => new Float32Array(0)))).then((v) => { hoverValues = v; });
    return true;
  };

  mountCell($('cell'), ctx);
  mountFilters($('filters'), ctx);
  mountSelection($('selection'), ctx);
  mountUpload($('upload'), ctx);
  mountLandmarks($<HTMLSelectElement>('landmark'), ctx, view, (key) => recolour(key));
  showTab(state.get().tab);

  status('loading the map…');
  if (!(await load(''))) setTimeout(function retry() { void load('').then((ok) => ok || setTimeout(retry, 5000)); }, 5000);
  if (state.get().cell) bus.publish('cell:open', { id: state.get().cell! });

  // A new map version, or cells placed on the current one: reload without losing the view.
  const events = new EventSource('api/maps/events');
  events.addEventListener('message', (e) => {
    let version = '';
    try { version = JSON.parse(e.data).mapVersion ?? ''; } catch { /* keep the text */ }
    void load(`new map version ${version} — switched, view kept`);
  });
  bus.subscribe('placed', () => void load(''));
}

main().catch((e: Error) => status(`the atlas could not load: ${e.message}`));
