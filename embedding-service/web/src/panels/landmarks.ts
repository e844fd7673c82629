// Landmarks (being written).
import type { AtlasContext } from '../context';
import type { MapView } from '../map/scatter';

export function mountLandmarks(select: HTMLSelectElement, _ctx: AtlasContext, _view: MapView): void {
  select.append(new Option('landmarks…', ''));
}
