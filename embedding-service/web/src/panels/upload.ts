// Map my cell (being written).
import type { AtlasContext } from '../context';

export function mountUpload(el: HTMLElement, _ctx: AtlasContext): void {
  el.textContent = 'Map my cell';
}
