// Small histograms of one map input (d3): the atlas in grey bars and, optionally, a subset (the selection) as
// a coloured step outline, each normalised to fractions of its own cells so that shapes compare whatever the
// sizes. Bins are equal-width over a domain; values beyond it count in the edge bins.
import { axisBottom } from 'd3-axis';
import { format } from 'd3-format';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { area, curveStepAfter } from 'd3-shape';

export const ATLAS_GREY = '#b8b8b8';
export const SELECTION_COLOUR = '#D55E00';
const fmt = format('.3~g');

/** Fractions of the rows' finite values per bin (edge bins take what lies beyond the domain), and how many. */
export function fractions(values: Float32Array, rows: Iterable<number>, domain: [number, number], bins: number):
    { f: number[]; n: number } {
  const c = new Array<number>(bins).fill(0);
  const [lo, hi] = domain;
  const width = (hi - lo) / bins || 1;
  let n = 0;
  for (const r of rows) {
    const v = values[r];
    if (!Number.isFinite(v)) continue;
    c[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]++;
    n++;
  }
  return { f: n ? c.map((k) => k / n) : c, n };
}

export interface HistogramSpec {
  width: number;
  height: number;
  domain: [number, number];
  bins: number;
  atlas: number[];
  subset?: number[];
  /** Accessible description of the picture. */
  label: string;
}

export interface DrawnHistogram {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  x: ScaleLinear<number, number>;
  /** The plotting area's top and bottom in svg pixels (a brush covers it). */
  top: number;
  bottom: number;
}

const MARGIN = { top: 4, right: 8, bottom: 18, left: 8 };

export function drawHistogram(parent: HTMLElement, s: HistogramSpec): DrawnHistogram {
  const svg = select(parent).append('svg')
    .attr('width', s.width).attr('height', s.height).attr('viewBox', `0 0 ${s.width} ${s.height}`)
    .attr('role', 'img').attr('aria-label', s.label);
  const x = scaleLinear().domain(s.domain).range([MARGIN.left, s.width - MARGIN.right]);
  const top = MARGIN.top;
  const bottom = s.height - MARGIN.bottom;
  const ymax = Math.max(...s.atlas, ...(s.subset ?? []), 1e-9);
  const y = scaleLinear().domain([0, ymax]).range([bottom, top]);
  const edge = (i: number) => x(s.domain[0] + ((s.domain[1] - s.domain[0]) * i) / s.bins);
  svg.append('g').attr('class', 'atlas').attr('fill', ATLAS_GREY)
    .selectAll('rect').data(s.atlas).join('rect')
    .attr('x', (_, i) => edge(i)).attr('width', (_, i) => Math.max(0, edge(i + 1) - edge(i) - 0.5))
    .attr('y', (d) => y(d)).attr('height', (d) => bottom - y(d));
  if (s.subset) {
    // The last bin repeated so that the step reaches the right edge.
    const steps = [...s.subset, s.subset[s.subset.length - 1]];
    const shape = area<number>().curve(curveStepAfter).x((_, i) => edge(i)).y0(bottom).y1((d) => y(d));
    svg.append('path').attr('class', 'subset').attr('d', shape(steps))
      .attr('fill', SELECTION_COLOUR).attr('fill-opacity', 0.18)
      .attr('stroke', SELECTION_COLOUR).attr('stroke-width', 1.5);
  }
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${bottom})`)
    .call(axisBottom(x).ticks(4).tickFormat((d) => fmt(d as number)).tickSizeOuter(0));
  return { svg, x, top, bottom };
}
