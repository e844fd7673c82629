// Landmarks: guided views of what the map shows, each a colouring, a place to look (found from the current
// map's values, so it holds for every version) and a sentence of explanation.
import type { AtlasContext } from '../context';
import type { MapView } from '../map/scatter';

interface Landmark {
  id: string;
  title: string;
  colour: string;
  /** The cells to frame: the top (or bottom) tenth of this map input; none = the whole map. */
  focus?: { feature: string; end: 'high' | 'low' };
  text: string;
}

export const LANDMARKS: Landmark[] = [
  {
    id: 'ap-width', title: 'fast vs broad spikers', colour: 'f:ap_1_width_0_long_square_ms',
    text: 'Action-potential width runs across the map: narrow spikes (under about 0.5 ms, typical of fast-spiking '
      + 'interneurons) at one end, broad ones (about 1 ms and more, typical of pyramidal cells) at the other.',
  },
  {
    id: 'sag', title: 'the sag islands', colour: 'f:sag_nearest_minus_100', focus: { feature: 'sag_nearest_minus_100', end: 'high' },
    text: 'Cells with a large sag (a voltage that relaxes back during hyperpolarisation, the mark of an Ih current) '
      + 'gather in their own islands; framed here: the tenth of cells with the largest sag.',
  },
  {
    id: 'latency', title: 'the long-latency corner', colour: 'f:latency_0_long_square', focus: { feature: 'latency_0_long_square', end: 'high' },
    text: 'Cells that fire their first spike late in a rheobase step (delayed firing, as of late-spiking '
      + 'neurogliaform cells) sit in a corner of their own; framed here: the tenth with the longest latency.',
  },
  {
    id: 'clusters', title: 'the clusters', colour: 'cluster',
    text: 'Gaussian-mixture clusters of the 16 features (numbered by size, 0 the largest). Click a legend entry '
      + 'to hide it, double-click to see it alone.',
  },
];

export function mountLandmarks(select: HTMLSelectElement, ctx: AtlasContext, view: MapView,
                               recolour: (key: string) => Promise<void>): void {
  select.append(new Option('landmarks…', ''));
  for (const l of LANDMARKS) select.append(new Option(l.title, l.id));
  const note = document.getElementById('landmark-note')!;
  select.addEventListener('change', async () => {
    const l = LANDMARKS.find((x) => x.id === select.value);
    if (!l) { note.hidden = true; return; }
    (document.getElementById('colour') as HTMLSelectElement).value = l.colour;
    await recolour(l.colour);
    const m = ctx.map();
    if (m && l.focus) {
      const v = await ctx.values(l.focus.feature);
      const rows = Array.from({ length: m.cellCount }, (_, i) => i).filter((i) => Number.isFinite(v[i]));
      rows.sort((a, b) => (l.focus!.end === 'high' ? v[b] - v[a] : v[a] - v[b]));
      view.zoomToRows(rows.slice(0, Math.max(1, Math.round(rows.length / 10))));
    } else {
      view.reset();
    }
    note.textContent = l.text;
    note.hidden = false;
  });
}
