// Where an uploaded cell landed: its cluster with the bootstrap probability, the confidence, the "unlike
// anything in the atlas" warning, its nearest cells and, for the first three, a trace beside its own.
import type { CellMapMapped, CellMapPlaced, CellView } from '../api';
import type { AtlasContext } from '../context';
import { drawThumbs, pickSweep, SPIKE_MV, type Thumb } from './thumbs';
import { el } from './dom';

/** How many neighbours get a trace thumbnail. */
const THUMBS = 3;

function button(text: string, onClick: () => void, cls?: string): HTMLButtonElement {
  const b = el('button', cls, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function row(dl: HTMLDListElement, term: string, ...desc: (Node | string)[]): void {
  const dd = el('dd');
  dd.append(...desc);
  dl.append(el('dt', undefined, term), dd);
}

/** A link to a cell: opens it in the cell tab (the URL it names opens it too). */
function cellLink(id: string, ctx: AtlasContext): HTMLAnchorElement {
  const a = el('a', 'cell-link', id);
  a.href = `?cell=${encodeURIComponent(id)}`;
  a.addEventListener('click', (e) => {
    e.preventDefault();
    ctx.bus.publish('cell:open', { id });
  });
  return a;
}

/** A number as shown, with the API's exact value kept in data-value. */
function value(cls: string, v: number, text: string): HTMLElement {
  const s = el('span', cls, text);
  s.dataset.value = String(v);
  return s;
}

/** The confidence as shown: three decimals, so that the "unlike the atlas" range (below 0.01) still reads. */
export function confidenceText(c: number): string {
  return c.toFixed(3);
}

export function renderResult(out: HTMLElement, cell: CellView, ctx: AtlasContext): void {
  const m = cell.map as CellMapPlaced | CellMapMapped;
  const box = el('div', 'upload-result');
  box.append(el('h4', undefined, m.status === 'placed' ? 'Placed on the map' : 'On the map'));
  const dl = el('dl');
  if (m.status === 'placed') {
    row(dl, 'cluster', value('result-cluster', m.cluster, String(m.cluster)),
      ' — chosen in ', value('result-probability', m.clusterProbability, `${Math.round(m.clusterProbability * 100)} %`),
      ' of bootstrap rounds');
    const others = m.runnersUp ?? [];
    row(dl, 'other clusters', value('result-runners-up', others.length,
      others.length ? others.map((r) => `${r.cluster} (${Math.round(r.probability * 100)} %)`).join(', ')
        : 'none: every bootstrap round chose the same cluster'));
    row(dl, 'confidence', value('result-confidence', m.confidence, confidenceText(m.confidence)),
      ' (the share of atlas cells whose own nearest cell is at least as far as this one\'s)');
    if (m.imputed.length) row(dl, 'imputed', m.imputed.join(', '));
  } else {
    row(dl, 'cluster', value('result-cluster', m.cluster, String(m.cluster)),
      ' (the map was built with this cell, so it has no placement probability or confidence)');
  }
  box.append(dl);
  if (m.status === 'placed' && m.unlikeAtlas) {
    const warn = el('p', 'result-unlike', `Unlike anything in the atlas: its nearest atlas cell is at distance `
      + `${m.nearestDistance.toPrecision(3)} in scaled feature space, farther than for 99 % of the atlas's own `
      + `cells. Its position and cluster say little.`);
    warn.setAttribute('role', 'note');
    box.append(warn);
  }
  const actions = el('p', 'result-actions');
  actions.append(button('open the cell', () => ctx.bus.publish('cell:open', { id: cell.cellId })));
  const ids = m.neighbours.map((n) => n.cellId);
  if (ids.length) actions.append(' ', button('mark its nearest cells on the map', () => ctx.bus.publish('cells:highlight', { ids })));
  box.append(actions);

  if (m.neighbours.length) {
    box.append(el('h4', undefined, 'Nearest cells in the atlas'));
    const list = el('ol', 'result-neighbours');
    for (const n of m.neighbours) {
      const li = el('li');
      li.dataset.cellId = n.cellId;
      li.append(cellLink(n.cellId, ctx), el('span', 'distance', ` cosine distance ${n.distance.toPrecision(3)}`));
      list.append(li);
    }
    box.append(list);
    const thumbs = el('div', 'result-thumbs');
    thumbs.setAttribute('aria-label', 'traces of the cell and its nearest cells');
    box.append(el('h4', undefined, 'Traces'), thumbs, el('p', 'note', `One sweep each: the smallest positive current `
      + `step whose voltage goes above ${SPIKE_MV} mV (the first that fires), else the largest step; `
      + `same scales.`));
    void traces(thumbs, cell.cellId, m.neighbours.slice(0, THUMBS).map((n) => n.cellId), ctx);
  }
  out.replaceChildren(box);
}

async function traces(el: HTMLElement, own: string, near: string[], ctx: AtlasContext): Promise<void> {
  el.textContent = 'loading traces…';
  const thumbs: Thumb[] = await Promise.all([own, ...near].map(async (id, i) => {
    const label = i === 0 ? 'this cell' : `nearest ${i}`;
    try {
      const traces = await ctx.api.traces(id);
      return { label, title: id, sweep: pickSweep(traces), window: traces.window };
    } catch (e) {
      return { label, title: id, sweep: null, note: e instanceof Error ? e.message : String(e) };
    }
  }));
  drawThumbs(el, thumbs);
}
