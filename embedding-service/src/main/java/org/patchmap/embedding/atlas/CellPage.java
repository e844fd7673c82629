package org.patchmap.embedding.atlas;

import java.util.List;

/**
 * One page of the map cells a filter matches.
 *
 * @param table the current map's table
 * @param total how many cells match
 * @param page  the page, from 0
 * @param size  cells per page
 * @param rows  the rows of {@code table} on this page
 */
public record CellPage(AtlasTable table, int total, int page, int size, List<Integer> rows) {
    public CellPage {
        rows = List.copyOf(rows);
    }
}
