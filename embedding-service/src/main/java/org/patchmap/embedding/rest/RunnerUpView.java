package org.patchmap.embedding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.core.map.ClusterShare;

import java.util.List;

/** A cluster other than the most likely one that some bootstrap rounds chose for a placed cell. */
@Schema(description = "A runner-up cluster of a placement")
public record RunnerUpView(@Schema(description = "the cluster") int cluster,
                           @Schema(description = "share of bootstrap rounds that chose it, 0..1") double probability) {

    /** The shares after the winner, largest first. */
    static List<RunnerUpView> of(List<ClusterShare> shares) {
        return shares.stream().skip(1).map(s -> new RunnerUpView(s.cluster(), s.probability())).toList();
    }
}
