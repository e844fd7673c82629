// Small voltage traces to set an uploaded cell beside its nearest cells: one sweep each, drawn as SVG on a
// shared voltage scale so that the shapes compare.
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { TracesView } from '../api';

type Sweep = TracesView['sweeps'][number];

/** A sweep counts as spiking when its voltage rises above this (mV): far above any resting or sag potential. */
export const SPIKE_MV = -20;

/**
 * The sweep to show: the display traces do not say which sweep is the rheobase, so take the smallest positive
 * current step whose voltage goes above −20 mV (the first step that fires); when none fires, the largest
 * positive step; when no amplitude is known, the last sweep.
 */
export function pickSweep(t: TracesView): Sweep | null {
  const sweeps = t.sweeps.filter((s) => s.v.length > 1);
  if (!sweeps.length) return null;
  const positive = sweeps.filter((s) => s.amplitudePa !== null && s.amplitudePa > 0)
    .sort((a, b) => a.amplitudePa! - b.amplitudePa!);
  if (!positive.length) return sweeps[sweeps.length - 1];
  const fires = positive.find((s) => s.v.some((v) => v > SPIKE_MV));
  return fires ?? positive[positive.length - 1];
}

/** One thumbnail: the sweep and the stimulus window it was recorded with (s), so that steps line up. */
export interface Thumb { label: string; title: string; sweep: Sweep | null; window?: TracesView['window']; note?: string }

const W = 190;
const H = 80;
/** Shown around the step (s): a little before its start, a little after its end. */
const BEFORE = 0.05;
const AFTER = 0.1;
const SVG = 'http://www.w3.org/2000/svg';

/** The sweep's points from just before the step to just after it, time measured from the step's start. */
function around(t: Thumb): { t: number[]; v: number[] } {
  const s = t.sweep!;
  const start = t.window?.startS ?? s.t[0];
  const end = t.window?.endS ?? s.t[s.t.length - 1];
  const out = { t: [] as number[], v: [] as number[] };
  s.t.forEach((ti, i) => {
    if (ti >= start - BEFORE && ti <= end + AFTER) {
      out.t.push(ti - start);
      out.v.push(s.v[i]);
    }
  });
  return out;
}

/** Draws the thumbnails into `el`, on shared axes: time from each step's start, voltage in mV. */
export function drawThumbs(el: HTMLElement, thumbs: Thumb[]): void {
  const shown = thumbs.map((t) => (t.sweep ? around(t) : null));
  const points = shown.filter((p): p is { t: number[]; v: number[] } => p !== null && p.t.length > 1);
  const [vLo, vHi] = extent(points.flatMap((p) => extent(p.v) as [number, number]));
  const tHi = Math.max(0, ...points.map((p) => p.t[p.t.length - 1]));
  const x = scaleLinear().domain([-BEFORE, tHi]).range([1, W - 1]);
  const y = scaleLinear().domain([vLo ?? -100, vHi ?? 50]).range([H - 1, 1]);
  el.replaceChildren();
  thumbs.forEach((t, k) => {
    const fig = document.createElement('figure');
    fig.className = 'thumb';
    fig.title = t.title;
    const p = shown[k];
    if (t.sweep && p && p.t.length > 1) {
      const s = t.sweep;
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
      svg.setAttribute('width', String(W));
      svg.setAttribute('height', String(H));
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', `${t.label}: sweep ${s.sweepNumber}, ${s.amplitudePa ?? 'unknown'} pA`);
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', line<number>().x((_, i) => x(p.t[i])).y((v) => y(v))(p.v) ?? '');
      svg.append(path);
      fig.append(svg);
    } else {
      const empty = document.createElement('div');
      empty.className = 'thumb-empty';
      empty.textContent = t.note ?? 'no traces';
      fig.append(empty);
    }
    const cap = document.createElement('figcaption');
    cap.textContent = t.sweep ? `${t.label} · ${t.sweep.amplitudePa ?? '?'} pA` : t.label;
    fig.append(cap);
    el.append(fig);
  });
  const scale = document.createElement('p');
  scale.className = 'note';
  scale.textContent = `Each from ${BEFORE * 1000} ms before its current step to ${AFTER * 1000} ms after it; `
    + `voltage ${Math.round(vLo ?? 0)} to ${Math.round(vHi ?? 0)} mV on all.`;
  el.append(scale);
}
