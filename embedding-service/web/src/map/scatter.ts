// The map: regl-scatterplot draws every cell (WebGL); a 2-D canvas above it marks the few cells that need a
// ring (cells placed on the map, the open cell, its neighbours) and draws the box selection.
import createScatterplot from 'regl-scatterplot';
import type { AtlasMap } from '../atlasmap';
import type { Polygon } from '../bus';
import type { Encoding } from './colour';
import { frameOf, fromGl, rowsInside, toGl, type Frame } from './geometry';

type Scatterplot = ReturnType<typeof createScatterplot>;
export type Tool = 'pan' | 'lasso' | 'box';

export interface MapViewEvents {
  hover(row: number | null, clientX: number, clientY: number): void;
  click(row: number): void;
  select(rows: number[], polygon: Polygon | null): void;
  view(x: number, y: number, zoom: number): void;
}

const DIMMED = 0.08;

export class MapView {
  private readonly plot: Scatterplot;
  private readonly overlay: HTMLCanvasElement;
  private map: AtlasMap | null = null;
  private frame: Frame = { cx: 0, cy: 0, half: 1 };
  private encoding: Encoding | null = null;
  private dim: Float32Array | null = null;
  private openRow: number | null = null;
  private highlighted: number[] = [];
  private tool: Tool = 'pan';
  private mouse = { x: 0, y: 0 };
  private box: { x0: number; y0: number; x1: number; y1: number } | null = null;

  constructor(private readonly canvas: HTMLCanvasElement, overlay: HTMLCanvasElement,
              private readonly on: MapViewEvents) {
    this.overlay = overlay;
    const { width, height } = canvas.getBoundingClientRect();
    this.plot = createScatterplot({
      canvas, width, height, pointSize: 4, backgroundColor: '#ffffff', pointColorActive: '#ff0033',
      pointColorHover: '#111111', lassoColor: '#d62728', lassoInitiator: false, deselectOnDblClick: false,
      deselectOnEscape: true, opacityInactiveMax: 1, actionKeyMap: { lasso: 'shift', merge: 'cmd' },
    } as Parameters<typeof createScatterplot>[0]);
    this.plot.subscribe('pointOver', (row) => this.on.hover(row, this.mouse.x, this.mouse.y));
    this.plot.subscribe('pointOut', () => this.on.hover(null, 0, 0));
    this.plot.subscribe('lassoEnd', ({ coordinates }) => this.lassoEnded(coordinates as unknown as number[][]));
    this.plot.subscribe('deselect', () => this.on.select([], null));
    this.plot.subscribe('view', () => {
      this.drawOverlay();
      const t = this.plot.get('cameraTarget') as [number, number];
      const [x, y] = fromGl(this.frame, t[0], t[1]);
      this.on.view(x, y, 1 / (this.plot.get('cameraDistance') as number));
    });
    canvas.addEventListener('mousemove', (e) => {
      this.mouse = { x: e.clientX, y: e.clientY };
    });
    canvas.addEventListener('click', () => {
      const row = this.plot.get('hoveredPoint');
      if (this.tool === 'pan' && typeof row === 'number' && row >= 0) this.on.click(row);
    });
    this.boxEvents();
    new ResizeObserver(() => this.resize()).observe(canvas.parentElement!);
  }

  setMap(m: AtlasMap, encoding: Encoding): Promise<void> {
    this.map = m;
    this.frame = frameOf(m.x, m.y);
    this.encoding = encoding;
    this.dim = null;
    const size = m.n > 50000 ? 2 : m.n > 5000 ? 3 : 5;
    this.plot.set({ pointSize: size, pointSizeSelected: size + 1 });
    return this.redraw();
  }

  setEncoding(encoding: Encoding): Promise<void> {
    this.encoding = encoding;
    return this.redraw();
  }

  /** 1 = shown at full strength; the others are dimmed. null: all full. */
  setVisible(rows: Uint8Array | null): Promise<void> {
    this.dim = rows ? Float32Array.from(rows, (v) => (v ? 1 : 0)) : null;
    return this.redraw();
  }

  /** Hides cells (legend entries switched off); null shows all. */
  setShown(rows: number[] | null): void {
    if (rows === null) void this.plot.unfilter({ preventEvent: true });
    else void this.plot.filter(rows, { preventEvent: true });
  }

  setTool(tool: Tool): void {
    this.tool = tool;
    this.plot.set({ mouseMode: tool === 'lasso' ? 'lasso' : 'panZoom' });
    this.overlay.style.pointerEvents = tool === 'box' ? 'auto' : 'none';
  }

  select(rows: number[]): void {
    if (rows.length) this.plot.select(rows, { preventEvent: true });
    else this.plot.deselect({ preventEvent: true });
  }

  /** Selects the map's cells inside a polygon in map coordinates (the URL's, or a box). */
  selectPolygon(poly: Polygon): number[] {
    const m = this.map!;
    const rows = rowsInside(poly, m.x, m.y, m.cellCount);
    this.select(rows);
    return rows;
  }

  markOpen(row: number | null): void {
    this.openRow = row;
    this.drawOverlay();
  }

  highlight(rows: number[]): void {
    this.highlighted = rows;
    this.drawOverlay();
  }

  lookAt(x: number, y: number, zoom: number): void {
    const [gx, gy] = toGl(this.frame, x, y);
    void this.plot.zoomToLocation([gx, gy], 1 / zoom, { transition: false });
  }

  /** Moves the camera to show these rows. */
  zoomToRows(rows: number[]): void {
    if (rows.length) void this.plot.zoomToPoints(rows, { padding: 0.4, transition: true, transitionDuration: 600 });
  }

  /** Keyboard: moves the camera by a fraction of the view and zooms by a factor. */
  nudge(dx: number, dy: number, zoomBy = 1): void {
    const t = this.plot.get('cameraTarget') as [number, number];
    const d = this.plot.get('cameraDistance') as number;
    void this.plot.zoomToLocation([t[0] + dx * d, t[1] + dy * d], d / zoomBy, { transition: false });
  }

  reset(): void {
    void this.plot.zoomToOrigin({ transition: false });
  }

  private async redraw(): Promise<void> {
    const m = this.map;
    const enc = this.encoding;
    if (!m || !enc) return;
    const gx = new Float32Array(m.n);
    const gy = new Float32Array(m.n);
    const { cx, cy, half } = this.frame;
    for (let i = 0; i < m.n; i++) {
      gx[i] = (m.x[i] - cx) / half;
      gy[i] = (m.y[i] - cy) / half;
    }
    const selected = this.plot.get('selectedPoints');
    await this.plot.set({ colorBy: 'valueA', pointColor: enc.palette, opacityBy: 'valueB', opacity: [DIMMED, 0.85] });
    await this.plot.draw({ x: gx, y: gy, valueA: enc.index, valueB: this.dim ?? new Float32Array(m.n).fill(1) },
      { zDataType: 'categorical', wDataType: 'categorical', preventFilterReset: true, select: selected });
    this.drawOverlay();
  }

  private screenOf(row: number): [number, number] | null {
    const p = this.plot.getScreenPosition(row);
    return p ? [p[0], p[1]] : null;
  }

  private drawOverlay(): void {
    const m = this.map;
    const c = this.overlay.getContext('2d');
    if (!m || !c) return;
    const dpr = window.devicePixelRatio || 1;
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.clearRect(0, 0, this.overlay.width, this.overlay.height);
    const ring = (row: number, r: number, colour: string, width: number) => {
      const p = this.screenOf(row);
      if (!p) return;
      c.beginPath();
      c.arc(p[0], p[1], r, 0, 2 * Math.PI);
      c.strokeStyle = colour;
      c.lineWidth = width;
      c.stroke();
    };
    // Uploads placed on the map (no dandiset) get a ring; DANDI cells waiting for the next map do not.
    for (let i = m.cellCount; i < m.n; i++) {
      if (m.dandiset[i] !== null) continue;
      ring(i, 7, '#ffffff', 4);
      ring(i, 7, '#d62728', 2);
    }
    for (const row of this.highlighted) ring(row, 6, '#111111', 1.5);
    if (this.openRow !== null) {
      ring(this.openRow, 10, '#ffffff', 5);
      ring(this.openRow, 10, '#111111', 2.5);
    }
    if (this.box) {
      c.strokeStyle = '#d62728';
      c.setLineDash([4, 3]);
      c.lineWidth = 1.5;
      c.strokeRect(this.box.x0, this.box.y0, this.box.x1 - this.box.x0, this.box.y1 - this.box.y0);
      c.setLineDash([]);
    }
  }

  private lassoEnded(points: number[][] | number[]): void {
    const pts: number[][] = Array.isArray(points[0]) ? (points as number[][])
      : Array.from({ length: points.length / 2 }, (_, i) => [(points as number[])[2 * i], (points as number[])[2 * i + 1]]);
    if (pts.length < 3) return;
    const poly: Polygon = pts.map(([gx, gy]) => fromGl(this.frame, gx, gy));
    this.on.select(this.selectPolygon(poly), poly);
  }

  /** A box drag on the overlay: its corners, turned into map coordinates, are a four-vertex polygon. */
  private boxEvents(): void {
    const o = this.overlay;
    const local = (e: MouseEvent): [number, number] => {
      const r = o.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    o.addEventListener('mousedown', (e) => {
      const [x, y] = local(e);
      this.box = { x0: x, y0: y, x1: x, y1: y };
    });
    o.addEventListener('mousemove', (e) => {
      if (!this.box) return;
      [this.box.x1, this.box.y1] = local(e);
      this.drawOverlay();
    });
    o.addEventListener('mouseup', () => {
      const b = this.box;
      this.box = null;
      this.drawOverlay();
      if (!b || Math.abs(b.x1 - b.x0) < 3 || Math.abs(b.y1 - b.y0) < 3) return;
      const corners: [number, number][] = [[b.x0, b.y0], [b.x1, b.y0], [b.x1, b.y1], [b.x0, b.y1]];
      const poly: Polygon = corners.map(([sx, sy]) => this.mapOfScreen(sx, sy));
      this.on.select(this.selectPolygon(poly), poly);
    });
  }

  /**
   * Screen pixel (relative to the canvas) to map coordinates. The camera only scales and translates, so two
   * cells far apart on each axis, with their screen positions, give the linear map per axis.
   */
  mapOfScreen(sx: number, sy: number): [number, number] {
    const m = this.map!;
    let xa = 0, xb = 0, ya = 0, yb = 0;
    for (let i = 1; i < m.n; i++) {
      if (m.x[i] < m.x[xa]) xa = i;
      if (m.x[i] > m.x[xb]) xb = i;
      if (m.y[i] < m.y[ya]) ya = i;
      if (m.y[i] > m.y[yb]) yb = i;
    }
    const [pxa] = this.screenOf(xa) ?? [0, 0];
    const [pxb] = this.screenOf(xb) ?? [1, 0];
    const [, pya] = this.screenOf(ya) ?? [0, 0];
    const [, pyb] = this.screenOf(yb) ?? [0, 1];
    const x = m.x[xa] + ((sx - pxa) * (m.x[xb] - m.x[xa])) / (pxb - pxa || 1);
    const y = m.y[ya] + ((sy - pya) * (m.y[yb] - m.y[ya])) / (pyb - pya || 1);
    return [x, y];
  }

  private resize(): void {
    const { width, height } = this.canvas.parentElement!.getBoundingClientRect();
    this.plot.set({ width, height });
    const dpr = window.devicePixelRatio || 1;
    this.overlay.width = width * dpr;
    this.overlay.height = height * dpr;
    this.overlay.style.width = `${width}px`;
    this.overlay.style.height = `${height}px`;
    this.drawOverlay();
  }
}
