// How the cell panel writes numbers: four significant digits, scientific below 0.001, "—" when missing.
// test/cell.test.mjs formats the API's values with the same d3-format specifiers.
import { format } from 'd3-format';

const plain = format('.4~r');
const tiny = format('.3~e');

export const MISSING = '—';

export function number(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  return v !== 0 && Math.abs(v) < 1e-3 ? tiny(v) : plain(v);
}

/** A 0..1 confidence or probability as the panel shows it, e.g. 0.9. */
export const fraction = format('.2~f');

/** Cosine distance between neighbours. */
export const distance = format('.3f');

/** Units the API writes as words. */
export function unit(u: string): string {
  return u === 'dimensionless' ? '' : u;
}
