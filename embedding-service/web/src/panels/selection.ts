// The selection table (being written): how many cells the lasso or box holds.
import type { AtlasContext } from '../context';

export function mountSelection(el: HTMLElement, ctx: AtlasContext): void {
  el.hidden = true;
  ctx.bus.subscribe('selection', ({ rows }) => {
    el.hidden = rows.length === 0;
    el.innerHTML = `<span class="selection-count">${rows.length}</span> cells selected`;
  });
}
