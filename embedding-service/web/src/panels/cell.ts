// The cell panel: on `cell:open`, a cell's identity, metadata with sources, map status and neighbours, its
// sweep family, first action potential and phase plot (with its neighbours'), f–I curve and features table.
// Every part loads on its own and says so; a response for a cell that is no longer open is dropped.
import { ApiError, type CellView, type DictionaryEntry, type TracesView } from '../api';
import type { AtlasContext } from '../context';
import { mapStatus, metadata, neighbours, neighboursOf, provenance, simulatedMark } from '../cell/about';
import { fetchCell, fetchFeatures, fetchFirstSpike, fetchWindow, type FirstSpike } from '../cell/data';
import { block, el } from '../cell/dom';
import { renderFi } from '../cell/fi';
import { renderFirstSpike } from '../cell/spike';
import { renderSweeps } from '../cell/sweeps';
import { renderFeatures } from '../cell/table';

/** Neighbours whose first action potentials are overlaid on the cell's. */
const OVERLAID_NEIGHBOURS = 5;

/** An error in words without the request's name (the block says what it was loading). */
function why(e: unknown, id: string): string {
  if (!(e instanceof Error)) return String(e);
  const at = e.message.indexOf(`${id}: `);
  const text = at >= 0 ? e.message.slice(at + id.length + 2) : e.message;
  return /^\d{3} /.test(text) ? `the server answered ${text}` : text;
}

export function mountCell(root: HTMLElement, ctx: AtlasContext): void {
  let opened = 0;
  let dictionary: Promise<DictionaryEntry[] | null> | null = null;
  const open = (id: string) => ctx.bus.publish('cell:open', { id });

  /** The map version the open cell's status and neighbours were drawn for; re-read on another. */
  let shownVersion: string | null = null;
  let refresh: (version: string) => void = () => {};
  ctx.bus.subscribe('map', ({ map }) => refresh(map.version));

  const idle = () => root.replaceChildren(el('p', { class: 'cell-idle' }, 'Click a cell on the map to see it here.'));
  idle();

  ctx.bus.subscribe('cell:close', () => {
    opened++;
    refresh = () => {};
    idle();
  });

  ctx.bus.subscribe('cell:open', ({ id }) => {
    const mine = ++opened;
    const live = () => mine === opened;
    const featureUrl = ctx.config.featureUrl;
    dictionary ??= ctx.api.dictionary().catch(() => null);

    const close = el('button', { type: 'button', class: 'cell-close', 'aria-label': 'close the cell panel' }, '×');
    close.addEventListener('click', () => ctx.bus.publish('cell:close', {}));
    const simSlot = el('div');
    const header = el('header', { class: 'cell-header' }, el('h2', { class: 'cell-id' }, id), close);
    root.replaceChildren(header, simSlot);

    const about = block(root, 'about', 'metadata');
    const where = block(root, 'where', 'on the map');
    const near = block(root, 'near', 'neighbours');
    const sweeps = block(root, 'sweep-family', 'sweep family');
    const spike = block(root, 'spike', 'first action potential');
    const phase = block(root, 'phase-plot', 'phase plot');
    const fi = block(root, 'fi-curve', 'f–I curve');
    const table = block(root, 'feature-table', 'features');
    for (const [b, what] of [[about, 'the cell'], [where, 'the cell'], [near, 'the cell'], [sweeps, 'the sweeps'],
      [spike, 'the first action potential'], [phase, 'the first action potential'], [fi, 'the sweeps and features'],
      [table, 'the features']] as const) {
      b.status(`loading ${what}…`);
    }

    const cell = fetchCell(id);
    const traces = ctx.api.traces(id);
    const features = fetchFeatures(featureUrl, id);
    const ownSpike = fetchFirstSpike(featureUrl, id);

    /** Map status and neighbours: drawn with the cell, again when a new map version is drawn. */
    const place = (c: CellView) => {
      where.status('');
      where.body.replaceChildren(mapStatus(c));
      const list = neighboursOf(c);
      near.status('');
      near.body.replaceChildren(neighbours(list, open));
      ctx.bus.publish('cells:highlight', { ids: list.map((n) => n.cellId) });
      shownVersion = c.map?.mapVersion ?? null;
    };
    refresh = (version: string) => {
      if (version === shownVersion) return;
      fetchCell(id).then(({ cell: c }) => { if (live()) place(c); }).catch(() => { /* keep what is shown */ });
    };

    cell.then(async ({ cell: c, seed }) => {
      if (!live()) return;
      const mark = simulatedMark(c, seed);
      if (mark) simSlot.append(mark);
      about.status('');
      about.body.append(metadata(c), el('h4', {}, 'provenance'), provenance(c));
      place(c);
      const dict = await dictionary;
      if (!live()) return;
      table.status('');
      renderFeatures(table.body, c, dict);
    }).catch((e) => {
      if (!live()) return;
      ctx.bus.publish('cells:highlight', { ids: [] });
      if (e instanceof ApiError && e.status === 404) {
        // Nothing else can be known of a cell the atlas does not have: one message, not eight.
        opened++;
        root.replaceChildren(header, el('p', { class: 'block-status error' }, `No cell ${id} in the atlas.`));
        return;
      }
      for (const b of [about, where, near, table]) b.status(`The cell could not be loaded: ${why(e, id)}`, true);
    });

    traces.then((t: TracesView) => {
      if (!live()) return;
      sweeps.status('');
      if (!t.sweeps.length) { sweeps.status('No display traces for this cell.'); return; }
      renderSweeps(sweeps.body, t);
    }).catch((e) => { if (live()) sweeps.status(`The sweeps could not be loaded: ${why(e, id)}`, true); });

    const epoch = traces.then((t) => t.window).catch(() => fetchWindow(featureUrl, id));
    Promise.all([features, epoch]).then(([f, w]) => {
      if (!live()) return;
      fi.status('');
      renderFi(fi.body, f, w);
    }).catch((e) => { if (live()) fi.status(`The f–I curve could not be drawn: ${why(e, id)}`, true); });

    const neighbourSpikes = cell.then(({ cell: c }) => {
      const ids = neighboursOf(c).slice(0, OVERLAID_NEIGHBOURS).map((n) => n.cellId);
      return Promise.allSettled(ids.map((n) => fetchFirstSpike(featureUrl, n))).then((rs) => ({
        asked: ids.length,
        spikes: rs.filter((r): r is PromiseFulfilledResult<FirstSpike> => r.status === 'fulfilled').map((r) => r.value),
      }));
    }).catch(() => ({ asked: 0, spikes: [] as FirstSpike[] }));
    Promise.all([ownSpike, neighbourSpikes]).then(([own, near5]) => {
      if (!live()) return;
      spike.status('');
      phase.status('');
      renderFirstSpike(spike.body, phase.body, own, near5.spikes, near5.asked);
    }).catch((e) => {
      if (!live()) return;
      const text = e instanceof ApiError && (e.status === 404 || e.status === 400)
        ? `No first action potential to show: ${why(e, id)}` : `The first action potential could not be loaded: ${why(e, id)}`;
      spike.status(text, true);
      phase.status(text, true);
    });
  });
}
