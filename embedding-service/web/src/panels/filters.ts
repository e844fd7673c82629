// The filters panel (being written).
import type { AtlasContext } from '../context';

export function mountFilters(el: HTMLElement, _ctx: AtlasContext): void {
  el.textContent = 'Filters';
}
