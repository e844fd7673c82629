// A small SVG chart frame for the cell panel: linear scales, d3 axes and axis titles with units.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type G = Selection<SVGGElement, unknown, null, undefined>;
export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** The panel's charts share one width; CSS scales the viewBox to the panel. */
export const WIDTH = 440;
const MARGIN = { left: 52, right: 12, top: 8, bottom: 36 };

export interface Panel {
  g: G;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** Height of the plotting area (inside the axes). */
  height: number;
}

/** An SVG of the panel's width and `height`, titled for screen readers. */
export function chart(parent: HTMLElement, className: string, label: string, height: number): Svg {
  const svg = select(parent).append('svg')
    .attr('class', `chart ${className}`)
    .attr('viewBox', `0 0 ${WIDTH} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', label);
  svg.append('title').text(label);
  return svg;
}

/**
 * A plotting area at vertical offset `top` of `svg`, `height` tall (axes included), with axes and their titles.
 * Callers pass the data's extent; it is padded a little and rounded to nice ticks.
 */
export function panel(svg: Svg, top: number, height: number, xDomain: [number, number], yDomain: [number, number],
                      xLabel: string, yLabel: string): Panel {
  const w = WIDTH - MARGIN.left - MARGIN.right;
  const h = height - MARGIN.top - MARGIN.bottom;
  const x = scaleLinear().domain(widen(xDomain)).range([0, w]).nice();
  const y = scaleLinear().domain(widen(yDomain)).range([h, 0]).nice();
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${top + MARGIN.top})`);
  g.append('g').attr('class', 'axis x').attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(6));
  g.append('g').attr('class', 'axis y').call(axisLeft(y).ticks(Math.max(3, Math.round(h / 40))));
  g.append('text').attr('class', 'axis-label').attr('x', w / 2).attr('y', h + 30)
    .attr('text-anchor', 'middle').text(xLabel);
  g.append('text').attr('class', 'axis-label').attr('transform', `translate(-40,${h / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle').text(yLabel);
  const clip = `clip-${Math.random().toString(36).slice(2)}`;
  g.append('clipPath').attr('id', clip).append('rect').attr('width', w).attr('height', h);
  const inner = g.append('g').attr('clip-path', `url(#${clip})`);
  return { g: inner, x, y, height: h };
}

/** 3 % of room on each side so lines do not run along the axes; one value gets a unit of room. */
function widen([lo, hi]: [number, number]): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.03;
  return [lo - pad, hi + pad];
}

/** A short paragraph under a chart. */
export function caption(parent: HTMLElement, text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'caption';
  p.textContent = text;
  parent.append(p);
  return p;
}
