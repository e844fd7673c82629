// The page's events: panels talk through these, never to each other directly. A typed map of handler
// sets (a dozen lines) rather than a pub-sub library, so that every event's payload is checked by tsc.
import type { AtlasMap } from './atlasmap';

export type Polygon = [number, number][];

export interface AtlasEvents {
  map: { map: AtlasMap };
  'cell:open': { id: string };
  'cell:close': Record<string, never>;
  'cells:highlight': { ids: string[] };
  selection: { rows: number[]; polygon: Polygon | null };
  visible: { rows: Uint8Array | null };
  placed: { id: string };
}

type Handler<K extends keyof AtlasEvents> = (payload: AtlasEvents[K]) => void;

export class Bus {
  private readonly handlers = new Map<keyof AtlasEvents, Set<Handler<never>>>();

  publish<K extends keyof AtlasEvents>(name: K, payload: AtlasEvents[K]): void {
    for (const h of this.handlers.get(name) ?? []) (h as Handler<K>)(payload);
  }

  subscribe<K extends keyof AtlasEvents>(name: K, handler: Handler<K>): void {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    this.handlers.get(name)!.add(handler as Handler<never>);
  }
}
