#!/usr/bin/env python3
"""umap-learn on the matrix the PatchMap map was built from, for docs/benchmarks.md (issue 7).

Input: the CSV written by `bin/patchmap bench-map --write-matrix MATRIX.csv`: cell_id, the 16 scaled and
imputed map features (exactly what PatchMap's UMAP saw), then PatchMap's x, y. Runs umap-learn with the map's
parameters and reports its time and, for both maps, the neighbour preservation: the mean share of each
cell's 15 nearest cells in feature space (cosine, exact) that are among its 15 nearest on the map.

    python3 docs/bench/umap_learn_compare.py MATRIX.csv [--epochs 200] [--seed 42]
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


def preservation(a, b):
    return float(np.mean([len(set(a[i]) & set(b[i])) / len(a[i]) for i in range(len(a))]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("matrix")
    p.add_argument("--epochs", type=int, default=200)
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args()
    table = np.genfromtxt(args.matrix, delimiter=",", skip_header=1)[:, 1:]
    x, ours = table[:, :16], table[:, 16:18]

    import umap  # imported here so that its import time is not in the fit time
    t0 = time.perf_counter()
    model = umap.UMAP(n_neighbors=150, min_dist=0.1, spread=2.0, repulsion_strength=5.0, metric="cosine",
                      n_epochs=args.epochs, random_state=args.seed, n_components=2)
    theirs = model.fit_transform(x)
    seconds = time.perf_counter() - t0

    truth = feature_neighbours(x, 15)
    print(f"cells: {len(x)}; umap-learn {umap.__version__}, n_epochs {args.epochs}, random_state {args.seed}")
    print(f"umap-learn fit_transform: {seconds:.1f} s")
    print(f"neighbour preservation (15 of 15): umap-learn {preservation(truth, map_neighbours(theirs, 15)):.4f}, "
          f"PatchMap {preservation(truth, map_neighbours(ours, 15)):.4f}")


if __name__ == "__main__":
    main()
