package org.patchmap.core.recording.nwb;

import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the time series under a group (/acquisition or /stimulus/presentation) and in groups
 * nested there. A group whose neurodata_type ends in "Series" is a series and is not descended
 * into (its electrode link leads out to /general); any other group is. Each object is visited
 * once (soft links and hard links can make the tree a graph) and the depth is bounded.
 */
final class SeriesFinder {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_SERIES = 100_000;

    private SeriesFinder() {
    }

    static List<Series> find(Group root) throws BadNwbException {
        List<Series> out = new ArrayList<>();
        if (root != null) {
            walk(root, 0, new HashSet<>(), out);
        }
        return out;
    }

    private static void walk(Group g, int depth, Set<Long> seen, List<Series> out) throws BadNwbException {
        for (Node child : Hdf.children(g)) {
            Node n = Hdf.resolve(child);
            if (!(n instanceof Group group) || !seen.add(group.getAddress())) {
                continue;
            }
            String type = Hdf.attributeText(group, "neurodata_type");
            if (type != null && type.endsWith("Series")) {
                if (out.size() >= MAX_SERIES) {
                    throw new BadNwbException("more than " + MAX_SERIES + " series under " + g.getPath()
                            + ": larger than this reader accepts");
                }
                out.add(Series.of(child.getName(), type, group));
            } else if (depth < MAX_DEPTH) {
                walk(group, depth + 1, seen, out);
            }
        }
    }
}
