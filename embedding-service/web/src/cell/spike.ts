// The first action potential at full resolution (V against ms from threshold) and its phase plot (dV/dt
// against V), the cell in black over its neighbours' first action potentials in thin grey.
import { line } from 'd3-shape';
import { caption, chart, panel } from './plot';
import type { FirstSpike } from './data';
import { number } from './format';

const OWN = '#000';
const NEIGHBOUR = '#9a9a9a';

function bounds(spikes: FirstSpike[], pick: (s: FirstSpike) => number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of spikes) {
    for (const v of pick(s)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/** Pairs (x[i], y[i]) over the samples both arrays have (dV/dt may be one sample shorter than V). */
function pairs(x: number[], y: number[]): [number, number][] {
  const n = Math.min(x.length, y.length);
  return Array.from({ length: n }, (_, i) => [x[i], y[i]]);
}

export function renderFirstSpike(waveParent: HTMLElement, phaseParent: HTMLElement, own: FirstSpike,
                                 neighbours: FirstSpike[], asked: number): void {
  const all = [...neighbours, own];
  const note = neighbours.length
    ? `In black this cell (sweep ${own.sweep}, ${number(own.amplitudePa)} pA, ${own.v.length} samples at `
      + `${own.samplingRateHz / 1000} kHz); in grey the first action potentials of ${neighbours.length} of its `
      + `${asked} nearest neighbours.`
    : `Sweep ${own.sweep}, ${number(own.amplitudePa)} pA, ${own.v.length} samples at ${own.samplingRateHz / 1000} kHz`
      + (asked ? '; none of its neighbours has a first action potential to show.' : '.');

  const wave = chart(waveParent, 'first-spike', 'first action potential: V against time from threshold', 230);
  const w = panel(wave, 0, 230, bounds(all, (s) => s.t), bounds(all, (s) => s.v), 'time from threshold (ms)',
    'V (mV)');
  const wLine = line<[number, number]>().x((d) => w.x(d[0])).y((d) => w.y(d[1]));
  for (const s of all) {
    w.g.append('path').attr('class', s === own ? 'spike own' : 'spike neighbour').attr('fill', 'none')
      .attr('stroke', s === own ? OWN : NEIGHBOUR).attr('stroke-width', s === own ? 1.6 : 0.8)
      .attr('d', wLine(pairs(s.t, s.v)));
  }
  caption(waveParent, note);

  const phase = chart(phaseParent, 'phase', 'phase plot: dV/dt against V of the first action potential', 250);
  const p = panel(phase, 0, 250, bounds(all, (s) => s.v), bounds(all, (s) => s.dvdt), 'V (mV)', 'dV/dt (V/s)');
  const pLine = line<[number, number]>().x((d) => p.x(d[0])).y((d) => p.y(d[1]));
  for (const s of all) {
    p.g.append('path').attr('class', s === own ? 'phase own' : 'phase neighbour').attr('fill', 'none')
      .attr('stroke', s === own ? OWN : NEIGHBOUR).attr('stroke-width', s === own ? 1.6 : 0.8)
      .attr('d', pLine(pairs(s.v, s.dvdt)));
  }
  const [from, to] = own.t.length ? [own.t[0], own.t[own.t.length - 1]] : [NaN, NaN];
  caption(phaseParent, `Same cells and window as above: ${number(from)} to ${number(to)} ms from threshold.`);
}
