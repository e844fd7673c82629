// Map input columns for several features at once (ctx.values caches each per map version). A feature that
// cannot be read is null and the first error is kept for the panel to show.
import type { AtlasContext } from '../context';

export interface Columns { values: Map<string, Float32Array | null>; error: string | null }

export async function readColumns(ctx: AtlasContext, names: string[]): Promise<Columns> {
  let error: string | null = null;
  const read = await Promise.all(names.map((n) => ctx.values(n).catch((e: Error) => {
    error ??= e.message;
    return null;
  })));
  return { values: new Map(names.map((n, i) => [n, read[i]])), error };
}
