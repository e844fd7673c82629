// What every panel module receives: the current map, the API, the event bus and the view.
import type { AtlasMap } from './atlasmap';
import type { Api, PageConfig } from './api';
import type { Bus } from './bus';
import type { ViewStore } from './state';

export type Tab = 'cell' | 'filters' | 'upload';

export interface AtlasContext {
  map(): AtlasMap | null;
  api: Api;
  config: PageConfig;
  bus: Bus;
  state: ViewStore;
  showTab(tab: Tab): void;
  /** One map input for every row of the current map (map units, NaN when missing); fetched once per version. */
  values(feature: string): Promise<Float32Array>;
}

export type Mount = (el: HTMLElement, ctx: AtlasContext) => void;
