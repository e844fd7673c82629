// The sweep family: membrane potential of every sweep against time, coloured by stimulus amplitude, with the
// idealised long-square stimulus of each sweep drawn under it on its own axis.
import { extent } from 'd3-array';
import { axisBottom } from 'd3-axis';
import { scaleLinear, scaleSequential } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { line } from 'd3-shape';
import type { TracesView } from '../api';
import { chart, panel, WIDTH } from './plot';

const NO_AMPLITUDE = '#999';

type Sweep = TracesView['sweeps'][number];

/** Stimulus amplitude to colour (viridis over the family's range); grey when the amplitude is unknown. */
export function amplitudeColour(traces: TracesView): (a: number | null) => string {
  const amps = traces.sweeps.map((s) => s.amplitudePa).filter((a): a is number => a !== null);
  const [lo, hi] = amps.length ? [Math.min(...amps), Math.max(...amps)] : [0, 1];
  const scale = scaleSequential(interpolateViridis).domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]);
  return (a) => (a === null ? NO_AMPLITUDE : scale(a));
}

/** The idealised stimulus (spec section 1): 0 pA outside the epoch, the amplitude inside; ms and pA. */
export function stimulusSteps(s: Sweep, window: TracesView['window']): [number, number][] {
  const a = s.amplitudePa ?? 0;
  const end = Math.max(s.t.length ? s.t[s.t.length - 1] : window.endS, window.endS) * 1000;
  const [on, off] = [window.startS * 1000, window.endS * 1000];
  return [[0, 0], [on, 0], [on, a], [off, a], [off, 0], [end, 0]];
}

export function renderSweeps(parent: HTMLElement, traces: TracesView): void {
  const colour = amplitudeColour(traces);
  const sweeps = [...traces.sweeps].sort((a, b) => (a.amplitudePa ?? 0) - (b.amplitudePa ?? 0));
  const tMax = Math.max(traces.window.endS, ...sweeps.map((s) => (s.t.length ? s.t[s.t.length - 1] : 0))) * 1000;
  const vs = sweeps.flatMap((s) => extent(s.v) as [number, number]).filter(Number.isFinite);
  const amps = sweeps.map((s) => s.amplitudePa ?? 0);

  const vHeight = 240;
  const iHeight = 110;
  const svg = chart(parent, 'sweeps',
    `membrane potential of ${sweeps.length} sweeps against time, coloured by stimulus amplitude`, vHeight + iHeight);

  const v = panel(svg, 0, vHeight, [0, tMax], [Math.min(...vs), Math.max(...vs)], 'time (ms)', 'V (mV)');
  for (const s of sweeps) {
    const t = s.t;
    const path = line<number>().x((_, i) => v.x(t[i] * 1000)).y((d) => v.y(d));
    v.g.append('path').attr('class', 'sweep').attr('fill', 'none').attr('stroke', colour(s.amplitudePa))
      .attr('stroke-width', 0.8).attr('data-sweep', String(s.sweepNumber))
      .attr('data-amplitude', s.amplitudePa === null ? '' : String(s.amplitudePa))
      .attr('d', path(s.v));
  }

  const i = panel(svg, vHeight, iHeight, [0, tMax], [Math.min(0, ...amps), Math.max(0, ...amps)],
    'time (ms)', 'I (pA)');
  const step = line<[number, number]>().x((d) => i.x(d[0])).y((d) => i.y(d[1]));
  for (const s of sweeps) {
    i.g.append('path').attr('class', 'stimulus').attr('fill', 'none').attr('stroke', colour(s.amplitudePa))
      .attr('stroke-width', 1).attr('d', step(stimulusSteps(s, traces.window)));
  }

  legend(parent, traces, colour);
}

/** The amplitude colour bar with its ticks in pA, and a note for sweeps without an amplitude. */
function legend(parent: HTMLElement, traces: TracesView, colour: (a: number | null) => string): void {
  const amps = traces.sweeps.map((s) => s.amplitudePa).filter((a): a is number => a !== null);
  const label = 'stimulus amplitude (pA)';
  const svg = chart(parent, 'amplitude-legend', `colour legend: ${label}`, 46);
  if (!amps.length) {
    svg.append('text').attr('x', 8).attr('y', 20).text('no stimulus amplitudes known: sweeps in grey');
    return;
  }
  const [lo, hi] = [Math.min(...amps), Math.max(...amps)];
  const x = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).range([52, WIDTH - 12]);
  const grad = `amp-grad-${Math.random().toString(36).slice(2)}`;
  const stops = svg.append('defs').append('linearGradient').attr('id', grad);
  for (let k = 0; k <= 10; k++) {
    const a = x.invert(52 + (k / 10) * (WIDTH - 64));
    stops.append('stop').attr('offset', `${k * 10}%`).attr('stop-color', colour(a));
  }
  svg.append('rect').attr('x', 52).attr('y', 4).attr('width', WIDTH - 64).attr('height', 10).attr('fill', `url(#${grad})`);
  svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,14)')
    .call(axisBottom(x).tickValues(amps.length <= 8 ? amps : x.ticks(6)).tickSize(4));
  svg.append('text').attr('class', 'axis-label').attr('x', 4).attr('y', 13).text('pA');
  if (amps.length < traces.sweeps.length) {
    svg.append('text').attr('x', 52).attr('y', 44).attr('class', 'note')
      .text(`${traces.sweeps.length - amps.length} sweeps without a stated amplitude in grey`);
  }
}
