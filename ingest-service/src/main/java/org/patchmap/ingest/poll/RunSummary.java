package org.patchmap.ingest.poll;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One poll of DANDI, as {@code POST /api/admin/poll} and {@code GET /api/status} show it.
 *
 * @param trigger           what started it
 * @param finished          null while running
 * @param dandisetsSeen     dandisets in DANDI's listing
 * @param dandisetsSelected of those, icephys candidates (decided now or on an earlier run for the same version)
 * @param assetsDiscovered  NWB assets this run handled for the first time (the sum of the four next)
 * @param assetsPublished   sent on {@code patchmap.assets}
 * @param assetsReused      same asset or same digest as one published before: nothing sent
 * @param assetsSkipped     larger than {@code patchmap.ingest.max-file-bytes}
 * @param assetsFailed      metadata missing or unusable (tried again next run)
 * @param failuresByReason  failures counted by reason ({@code http_500}, {@code io_error}, {@code bad_metadata}...)
 * @param failures          each failure: dandiset, asset (null for the whole dandiset), reason, message
 * @param dandisets         progress of each selected dandiset's version in this run
 */
@Schema(description = "One DANDI poll: what it saw, published, reused, skipped and what failed")
public record RunSummary(PollTrigger trigger, Instant started, Instant finished, boolean running, int dandisetsSeen,
                         int dandisetsSelected, int assetsDiscovered, int assetsPublished, int assetsReused,
                         int assetsSkipped, int assetsFailed, Map<String, Integer> failuresByReason,
                         List<Failure> failures, List<Progress> dandisets) {

    public record Failure(String dandiset, String asset, String reason, String message) {
    }

    public record Progress(String dandiset, String version, long assetsDone, long assetsTotal, VersionState state) {
    }
}
