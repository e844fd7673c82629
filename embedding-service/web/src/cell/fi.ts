// The f–I curve: firing rate of each sweep against its stimulus amplitude, with the cell's two f–I fits
// drawn from their published parameters (spec section 5), not refitted here.
import { mean } from 'd3-array';
import { line } from 'd3-shape';
import { caption, chart, panel } from './plot';
import type { CellFeatures } from './data';
import { number } from './format';

export interface FiPoint { amplitudePa: number; rateHz: number; spiking: boolean }

/** Rate = spikes during the stimulus / its duration (spec section 4, avg_rate). */
export function fiPoints(f: CellFeatures, window: { startS: number; endS: number }): FiPoint[] {
  const duration = window.endS - window.startS;
  return f.sweeps.map((s) => ({ amplitudePa: s.amplitudePa, rateHz: s.nSpikes / duration, spiking: s.nSpikes > 0 }));
}

/** The straight line of slope `fi_linear_fit_slope` through the spiking sweeps' centroid (the least-squares
 *  line passes through it), over the spiking sweeps' amplitudes. */
export function linearFit(points: FiPoint[], slope: number): [number, number][] | null {
  const spiking = points.filter((p) => p.spiking);
  if (spiking.length < 2 || !Number.isFinite(slope)) return null;
  const cx = mean(spiking, (p) => p.amplitudePa)!;
  const cy = mean(spiking, (p) => p.rateHz)!;
  const xs = spiking.map((p) => p.amplitudePa);
  return [Math.min(...xs), Math.max(...xs)].map((x) => [x, cy + slope * (x - cx)] as [number, number]);
}

/**
 * Spec section 5: rate = A·sqrt(max(0, amp − Ic)) with amp relative to rheobase; in absolute current
 * I = amp + rheobase, so rate(I) = A·sqrt(max(0, I − rheobase − Ic)).
 */
export function sqrtFitRate(iPa: number, a: number, icPa: number, rheobasePa: number): number {
  return a * Math.sqrt(Math.max(0, iPa - rheobasePa - icPa));
}

/** Rheobase: the feature, else the lowest positive amplitude among spiking sweeps (its definition). */
export function rheobase(f: CellFeatures): number | null {
  const r = f.features.rheobase_i?.value;
  if (r !== undefined && r !== null && Number.isFinite(r)) return r;
  const positive = f.sweeps.filter((s) => s.nSpikes > 0 && s.amplitudePa > 0).map((s) => s.amplitudePa);
  return positive.length ? Math.min(...positive) : null;
}

function value(f: CellFeatures, name: string): number | null {
  const v = f.features[name]?.value;
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
}

export function renderFi(parent: HTMLElement, f: CellFeatures, window: { startS: number; endS: number }): void {
  const points = fiPoints(f, window);
  if (!points.length) {
    caption(parent, 'No long-square sweeps listed for this cell.');
    return;
  }
  const slope = value(f, 'fi_linear_fit_slope');
  const a = value(f, 'fi_sqrt_fit_A');
  const ic = value(f, 'fi_sqrt_fit_Ic');
  const rb = rheobase(f);
  const lin = slope === null ? null : linearFit(points, slope);
  const xs = points.map((p) => p.amplitudePa);
  const [xLo, xHi] = [Math.min(...xs), Math.max(...xs)];
  const sqrt = a !== null && ic !== null && rb !== null
    ? Array.from({ length: 201 }, (_, k) => {
      const i = xLo + ((xHi - xLo) * k) / 200;
      return [i, sqrtFitRate(i, a, ic, rb)] as [number, number];
    })
    : null;
  const rates = [...points.map((p) => p.rateHz), ...(lin ?? []).map((d) => d[1]), ...(sqrt ?? []).map((d) => d[1])];

  const svg = chart(parent, 'fi', 'f–I curve: firing rate against stimulus amplitude', 240);
  const p = panel(svg, 0, 240, [xLo, xHi], [0, Math.max(1, ...rates)], 'stimulus amplitude (pA)', 'rate (Hz)');
  const path = line<[number, number]>().x((d) => p.x(d[0])).y((d) => p.y(d[1]));
  if (sqrt) p.g.append('path').attr('class', 'fit sqrt').attr('d', path(sqrt));
  if (lin) p.g.append('path').attr('class', 'fit linear').attr('d', path(lin));
  p.g.selectAll('circle').data(points).join('circle').attr('class', (d) => (d.spiking ? 'fi-point spiking' : 'fi-point'))
    .attr('r', 3).attr('cx', (d) => p.x(d.amplitudePa)).attr('cy', (d) => p.y(d.rateHz))
    .append('title').text((d) => `${d.amplitudePa} pA: ${number(d.rateHz)} Hz`);

  const duration = window.endS - window.startS;
  const parts = [`Points: spikes during the ${number(duration * 1000)} ms stimulus / its duration, one per sweep.`];
  parts.push(lin
    ? `Dashed: the linear fit, slope ${number(slope)} Hz/pA (fi_linear_fit_slope) drawn through the centroid of the `
      + `${points.filter((q) => q.spiking).length} spiking sweeps.`
    : `No linear fit: ${f.qc.fi_linear_fit_slope ?? 'fewer than 2 spiking sweeps'}.`);
  parts.push(sqrt
    ? `Solid: rate = A·√max(0, I − rheobase − Ic), A = ${number(a)} Hz/√pA, Ic = ${number(ic)} pA relative to `
      + `the rheobase of ${number(rb)} pA (fi_sqrt_fit_A, fi_sqrt_fit_Ic).`
    : `No square-root fit: ${f.qc.fi_sqrt_fit_A ?? 'not computed'}.`);
  caption(parent, parts.join(' '));
}
