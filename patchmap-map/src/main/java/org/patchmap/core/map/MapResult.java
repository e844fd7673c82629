package org.patchmap.core.map;

import java.util.List;

/**
 * One built map: what it was built with (parameters with their seed, code version) and what it holds.
 *
 * @param codeVersion the core's version ({@link org.patchmap.core.CodeVersion})
 * @param parameters  parameters, seed included
 * @param cells       the mapped cells, in input order
 * @param leftOff     the cells not on the map, in input order, each with its reason
 * @param components  connected components of the kNN graph (each laid out on its own)
 * @param clusters    number of clusters
 * @param model       the fitted transform, for {@link MapPlacer}
 * @param timings     where the build spent its time (the only part that differs between two builds)
 */
public record MapResult(String codeVersion, MapParameters parameters, List<MappedCell> cells,
                        List<LeftOffCell> leftOff, int components, int clusters, MapModel model,
                        MapTimings timings) {
    public MapResult {
        cells = List.copyOf(cells);
        leftOff = List.copyOf(leftOff);
    }

    /** The ids of the mapped cells, in input order. */
    public List<String> cellIds() {
        return cells.stream().map(MappedCell::cellId).toList();
    }
}
