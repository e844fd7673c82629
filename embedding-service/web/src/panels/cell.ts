// The cell panel (being written): the cell's id and its features.
import type { AtlasContext } from '../context';

export function mountCell(el: HTMLElement, ctx: AtlasContext): void {
  el.textContent = 'Click a cell on the map.';
  ctx.bus.subscribe('cell:open', ({ id }) => {
    el.textContent = `loading ${id}…`;
    ctx.api.cell(id).then((c) => {
      el.replaceChildren();
      const h = document.createElement('h2');
      h.textContent = c.cellId;
      el.append(h);
    }).catch((e: Error) => { el.textContent = e.message; });
  });
}
