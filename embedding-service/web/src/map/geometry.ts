// Map coordinates ↔ the [-1, 1] square regl-scatterplot draws in (one scale for both axes, so the map keeps
// its shape), and the point-in-polygon test the selection uses (the even–odd rule, as the API's filter).
import type { Polygon } from '../bus';

export interface Frame { cx: number; cy: number; half: number }

export function frameOf(x: Float32Array, y: Float32Array): Frame {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    x0 = Math.min(x0, x[i]); x1 = Math.max(x1, x[i]);
    y0 = Math.min(y0, y[i]); y1 = Math.max(y1, y[i]);
  }
  if (!Number.isFinite(x0)) return { cx: 0, cy: 0, half: 1 };
  const half = (Math.max(x1 - x0, y1 - y0) / 2) * 1.06 || 1;
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, half };
}

export const toGl = (f: Frame, x: number, y: number): [number, number] => [(x - f.cx) / f.half, (y - f.cy) / f.half];
export const fromGl = (f: Frame, gx: number, gy: number): [number, number] => [f.cx + gx * f.half, f.cy + gy * f.half];

export function insidePolygon(poly: Polygon, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Rows of the map's own cells (not placed ones) inside the polygon. */
export function rowsInside(poly: Polygon, x: Float32Array, y: Float32Array, mappedCount: number): number[] {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [px, py] of poly) {
    x0 = Math.min(x0, px); x1 = Math.max(x1, px); y0 = Math.min(y0, py); y1 = Math.max(y1, py);
  }
  const rows: number[] = [];
  for (let i = 0; i < mappedCount; i++) {
    if (x[i] < x0 || x[i] > x1 || y[i] < y0 || y[i] > y1) continue;
    if (insidePolygon(poly, x[i], y[i])) rows.push(i);
  }
  return rows;
}
