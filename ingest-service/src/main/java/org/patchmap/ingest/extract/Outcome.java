package org.patchmap.ingest.extract;

import org.patchmap.events.SweepFamilyEvent.TraceRef;
import org.patchmap.ingest.store.AssetStatus;

/**
 * What extraction made of one asset. {@code extracted}, {@code no_family}, {@code unreadable}
 * and {@code too_large} are expected outcomes of a file (recorded, never dead letters);
 * {@code failed} is everything else (a download, a digest, the disk budget...): recorded and
 * dead-lettered, so that an operator can replay it.
 *
 * @param outcome one of {@link AssetStatus#OUTCOMES}
 * @param reason  why, naming the file (null when extracted)
 * @param cellId  the cell's id when extracted
 * @param sweeps  the family's sweep count when extracted, else 0
 * @param traces  the stored traces when extracted
 * @param display the stored display traces when extracted
 */
public record Outcome(AssetStatus outcome, String reason, String cellId, int sweeps, TraceRef traces,
                      TraceRef display) {

    static Outcome extracted(String cellId, int sweeps, TraceRef traces, TraceRef display) {
        return new Outcome(AssetStatus.EXTRACTED, null, cellId, sweeps, traces, display);
    }

    static Outcome of(AssetStatus outcome, String reason) {
        return new Outcome(outcome, reason, null, 0, null, null);
    }

    public boolean isExtracted() {
        return outcome == AssetStatus.EXTRACTED;
    }
}
