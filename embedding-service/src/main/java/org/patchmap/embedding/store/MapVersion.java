package org.patchmap.embedding.store;

import org.patchmap.core.map.LeftOffCell;
import org.patchmap.core.map.MapParameters;

import java.time.Instant;
import java.util.List;

/**
 * A stored map version's summary.
 *
 * @param version       its id, {@code <UTC second>-<6 hex digits>}
 * @param createdAt     when it was built (millisecond precision, as MongoDB keeps it)
 * @param codeVersion   the code that built it
 * @param parameters    everything that shaped it, seed included: with its inputs they rebuild it
 * @param cellCount     cells on it
 * @param cellIdsSha256 SHA-256 of its cell ids in build order, one per line
 * @param leftOff       input cells it left off, with the reason
 * @param components    connected components of its kNN graph
 * @param clusters      Gaussian-mixture clusters
 */
public record MapVersion(String version, Instant createdAt, String codeVersion, MapParameters parameters,
                         int cellCount, String cellIdsSha256, List<LeftOffCell> leftOff, int components,
                         int clusters) {
    public MapVersion {
        leftOff = List.copyOf(leftOff);
    }
}
