// What the cell panel reads besides src/api.ts: the cell with its simulation seed as exact digits, and
// feature-service's features (with the spikes of each sweep) and first action potential.
import { ApiError, getJson, type CellView } from '../api';

export interface FeatureValue { value?: number | null; unit: string }

export interface SweepSpikes {
  sweep: string; amplitudePa: number; nSpikes: number; firstThresholdT?: number; firstPeakV?: number;
}

export interface CellFeatures {
  cellId: string;
  features: Record<string, FeatureValue>;
  qc: Record<string, string>;
  sweeps: SweepSpikes[];
}

export interface FirstSpike {
  cellId: string; sweep: string; amplitudePa: number; samplingRateHz: number; thresholdT: number; peakT: number;
  /** ms from threshold */
  t: number[];
  /** mV */
  v: number[];
  /** V/s */
  dvdt: number[];
}

/** A cell, and its simulation seed as the digits the server wrote (seeds are 64-bit: a JS number rounds them). */
export interface CellWithSeed { cell: CellView; seed: string | null }

export async function fetchCell(id: string): Promise<CellWithSeed> {
  const res = await fetch(`api/cells/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, `cell ${id}: ${errorText(text, res)}`);
  const cell = JSON.parse(text) as CellView;
  const sim = cell.metadata?.simulated;
  let seed: string | null = null;
  if (sim && sim.seed !== undefined) {
    // The only "seed" key of the view is the simulated origin's.
    const m = /"seed"\s*:\s*(-?\d+)/.exec(text);
    seed = m ? m[1] : String(sim.seed);
  }
  return { cell, seed };
}

function errorText(text: string, res: Response): string {
  try {
    const body = JSON.parse(text);
    if (body && typeof body.error === 'string') return body.error;
  } catch {
    // not JSON
  }
  return `${res.status} ${res.statusText}`;
}

/** feature-service's base: the configured URL, or this page's origin (an Ingress or the dev server routes it). */
function featureBase(featureUrl: string): string {
  return featureUrl ? featureUrl.replace(/\/$/, '') + '/' : '';
}

export function fetchFeatures(featureUrl: string, id: string): Promise<CellFeatures> {
  return getJson<CellFeatures>(`${featureBase(featureUrl)}api/features/${encodeURIComponent(id)}`,
    `features of ${id}`);
}

export function fetchFirstSpike(featureUrl: string, id: string): Promise<FirstSpike> {
  return getJson<FirstSpike>(`${featureBase(featureUrl)}api/features/${encodeURIComponent(id)}/first-spike`,
    `first action potential of ${id}`);
}

/** The long-square epoch as feature-service received it (s from sweep start). */
export async function fetchWindow(featureUrl: string, id: string): Promise<{ startS: number; endS: number }> {
  const family = await getJson<{ window: { startS: number; endS: number } }>(
    `${featureBase(featureUrl)}api/families/${encodeURIComponent(id)}`, `the sweep family of ${id}`);
  return family.window;
}
