#!/usr/bin/env python3
"""umap-learn on the matrix the PatchMap map was built from, for docs/benchmarks.md (issue 7).

Input: the CSV written by `bin/patchmap bench-map --write-matrix MATRIX.csv`: cell_id, the 16 scaled and
imputed map features (exactly what PatchMap's UMAP saw), then PatchMap's x, y. Runs umap-learn with the map's
parameters and reports its time and, for both maps, the neighbour preservation: the mean share of each
cell's 15 nearest cells in feature space (cosine, exact) that are among its 15 nearest on the map.

Above 20,000 cells the measure is taken on a seeded sample of 5,000 cells (each sampled cell's exact
neighbours among all cells, in feature space and on the map), the same sample as PatchMap's
NeighbourPreservation.sample: the first cells of a Fisher-Yates shuffle driven by SplitMix64 (Java's
SplittableRandom.nextLong) from seed 42.

    python3 docs/bench/umap_learn_compare.py MATRIX.csv [--epochs 200] [--seed 42] [--sample N]
        [--save-embedding FILE.npy | --load-embedding FILE.npy]
"""
import argparse
import time

import numpy as np


def feature_neighbours(x, k):
    unit = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-300)
    out = np.empty((len(x), k), dtype=np.int64)
    for start in range(0, len(x), 1000):
        d = 1.0 - unit[start:start + 1000] @ unit.T
        for r in range(d.shape[0]):
            d[r, start + r] = np.inf
        out[start:start + 1000] = np.argsort(d, axis=1, kind="stable")[:, :k]
    return out


def map_neighbours(xy, k):
    out = np.empty((len(xy), k), dtype=np.int64)
    for start in range(0, len(xy), 1000):
        d = ((xy[start:start + 1000, None, :] - xy[None, :, :]) ** 2).sum(-1)
        for r in range(d.shape[0]):
            d[r, start + r] = np.inf
        out[start:start + 1000] = np.argsort(d, axis=1, kind="stable")[:, :k]
    return out


MASK = (1 << 64) - 1


def sample_rows(n, size, seed):
    """Sorted indices of `size` of n rows: the seeded partial shuffle NeighbourPreservation.sample draws."""
    state = seed & MASK
    order = list(range(n))
    for i in range(min(size, n)):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        j = i + z % (n - i)
        order[i], order[j] = order[j], order[i]
    return np.array(sorted(order[:min(size, n)]), dtype=np.int64)


def nearest(d, rows, k):
    """Each row of d: its k smallest entries' columns, the row's own cell excluded, ties to the lower index."""
    d[np.arange(len(rows)), rows] = np.inf
    part = np.argpartition(d, k, axis=1)[:, :k + 1]
    out = np.empty((len(rows), k), dtype=np.int64)
    for r in range(len(rows)):
        cand = part[r]
        out[r] = cand[np.lexsort((cand, d[r, cand]))][:k]
    return out


def sampled_neighbours(x, xy, rows, k):
    unit = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-300)
    feature = np.empty((len(rows), k), dtype=np.int64)
    on_map = np.empty((len(rows), k), dtype=np.int64)
    for start in range(0, len(rows), 250):
        chunk = rows[start:start + 250]
        feature[start:start + 250] = nearest(1.0 - unit[chunk] @ unit.T, chunk, k)
        on_map[start:start + 250] = nearest(((xy[chunk, None, :] - xy[None, :, :]) ** 2).sum(-1), chunk, k)
    return feature, on_map


def sampled_preservation(x, xy, rows, k):
    return preservation(*sampled_neighbours(x, xy, rows, k))


def preservation(a, b):
    return float(np.mean([len(set(a[i]) & set(b[i])) / len(a[i]) for i in range(len(a))]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("matrix")
    p.add_argument("--epochs", type=int, default=200)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--sample", type=int, default=None,
                   help="measure preservation on this many seeded cells (default: all up to 20,000, else 5,000)")
    p.add_argument("--save-embedding", help="write umap-learn's coordinates to this .npy file")
    p.add_argument("--load-embedding", help="read umap-learn's coordinates from this .npy file instead of fitting")
    args = p.parse_args()
    table = np.loadtxt(args.matrix, delimiter=",", skiprows=1, usecols=range(1, 19))
    x, ours = table[:, :16], table[:, 16:18]

    import umap  # imported here so that its import time is not in the fit time
    print(f"cells: {len(x)}; umap-learn {umap.__version__}, n_epochs {args.epochs}, random_state {args.seed}")
    if args.load_embedding:
        theirs = np.load(args.load_embedding)
        print(f"umap-learn coordinates read from {args.load_embedding}")
    else:
        t0 = time.perf_counter()
        model = umap.UMAP(n_neighbors=150, min_dist=0.1, spread=2.0, repulsion_strength=5.0, metric="cosine",
                          n_epochs=args.epochs, random_state=args.seed, n_components=2)
        theirs = model.fit_transform(x)
        seconds = time.perf_counter() - t0
        print(f"umap-learn fit_transform: {seconds:.1f} s", flush=True)
        if args.save_embedding:
            np.save(args.save_embedding, theirs)

    sample = args.sample if args.sample is not None else (len(x) if len(x) <= 20_000 else 5_000)
    if sample >= len(x):
        truth = feature_neighbours(x, 15)
        print(f"neighbour preservation (15 of 15): umap-learn {preservation(truth, map_neighbours(theirs, 15)):.4f}, "
              f"PatchMap {preservation(truth, map_neighbours(ours, 15)):.4f}")
    else:
        rows = sample_rows(len(x), sample, 42)
        print(f"neighbour preservation (15 of 15, on a seeded sample of {sample} cells, each against all "
              f"{len(x)}): umap-learn {sampled_preservation(x, theirs, rows, 15):.4f}, "
              f"PatchMap {sampled_preservation(x, ours, rows, 15):.4f}")


if __name__ == "__main__":
    main()
