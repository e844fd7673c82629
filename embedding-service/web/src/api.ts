// Typed reads of the atlas API (embedding-service, same origin) and of the services the page also talks to
// (ingest-service for uploads, feature-service for per-sweep spikes), whose base URLs come from /api/config.

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The API's error text: its {"error": ...} body when there is one, else the status line. */
async function failure(res: Response, what: string): Promise<ApiError> {
  let text = `${res.status} ${res.statusText}`;
  try {
    const body = await res.json();
    if (body && typeof body.error === 'string') text = body.error;
    else if (body && typeof body.message === 'string') text = body.message;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(res.status, `${what}: ${text}`);
}

export async function getJson<T>(url: string, what: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw await failure(res, what);
  return (await res.json()) as T;
}

export interface Term { label: string; termId?: string; source: string; confidence: number }
export interface Quantity { value: number; text?: string; source: string; confidence: number }
export interface Neighbour { cellId: string; distance: number }

export interface CellMapMapped {
  mapVersion: string; status: 'mapped'; x: number; y: number; pcaX: number; pcaY: number; cluster: number;
  component: number; imputed: string[]; neighbours: Neighbour[];
}
export interface CellMapPlaced {
  mapVersion: string; status: 'placed'; x: number; y: number; cluster: number; clusterProbability: number;
  runnersUp?: { cluster: number; probability: number }[];
  confidence: number; unlikeAtlas: boolean; nearestDistance: number; imputed: string[]; neighbours: Neighbour[];
  placedAt: string;
}
export interface CellMapUnmapped { mapVersion: string; status: 'left_off' | 'not_placed'; reason: string }

export interface CellView {
  cellId: string;
  provenance?: { source: string; dandisetId?: string; version?: string; assetId?: string; path?: string;
    dandisetUrl?: string };
  inputDigest?: string;
  features?: Record<string, { value?: number; unit: string }>;
  qc?: Record<string, string>;
  codeVersion?: string;
  metadata?: {
    species?: Term; brainRegion?: Term; ageDays?: Quantity; sex?: Term; genotype?: Term; temperatureC?: Quantity;
    [field: string]: unknown;
    simulated?: { type: string; model?: string; seed?: number; parameters?: Record<string, number> };
  };
  links?: { dandiset?: string; asset?: string; download?: string };
  map?: CellMapMapped | CellMapPlaced | CellMapUnmapped;
}

export interface TracesView {
  cellId: string;
  window: { startS: number; endS: number };
  sweeps: { sweepNumber: number; amplitudePa: number | null; samplingRateHz: number; t: number[]; v: number[] }[];
}

export interface DictionaryEntry { name: string; unit: string; definition: string }

export interface CellRow {
  cellId: string; dandiset: string | null; species: string | null; region: string | null; x: number; y: number;
  cluster: number;
}

export interface CellsPage { mapVersion: string; total: number; page: number; size: number; cells: CellRow[] }

export interface FeatureColumn { mapVersion: string; feature: string; unit: string; values: (number | null)[] }

export interface PageConfig { ingestUrl: string; featureUrl: string }

export const api = {
  cell: (id: string) => getJson<CellView>(`api/cells/${encodeURIComponent(id)}`, `cell ${id}`),
  traces: (id: string) => getJson<TracesView>(`api/cells/${encodeURIComponent(id)}/traces`, `traces of ${id}`),
  dictionary: () => getJson<DictionaryEntry[]>('api/export/dictionary', 'the export dictionary'),
  cells: (query: URLSearchParams) => getJson<CellsPage>(`api/cells?${query}`, 'cells'),
  values: (feature: string) =>
    getJson<FeatureColumn>(`api/maps/current/values?feature=${encodeURIComponent(feature)}`, `feature ${feature}`),
  config: async (): Promise<PageConfig> => {
    try {
      return await getJson<PageConfig>('api/config', 'the page configuration');
    } catch {
      return { ingestUrl: '', featureUrl: '' };
    }
  },
};

export type Api = typeof api;
