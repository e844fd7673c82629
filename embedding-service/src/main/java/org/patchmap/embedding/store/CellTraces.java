package org.patchmap.embedding.store;

import org.patchmap.events.SweepFamilyEvent;

import java.util.List;

/**
 * What the atlas keeps of a cell's {@code patchmap.sweeps} event to show its traces.
 *
 * @param cellId         the cell
 * @param inputDigest    the family's input digest
 * @param samplingRateHz the family's sampling rate
 * @param window         the long-square epoch
 * @param sweeps         the family's sweeps with their stimulus amplitudes
 * @param display        the claim-check of the display traces, or null for a family extracted without them
 */
public record CellTraces(String cellId, String inputDigest, double samplingRateHz, SweepFamilyEvent.Window window,
                         List<SweepFamilyEvent.SweepSummary> sweeps, SweepFamilyEvent.TraceRef display) {
    public CellTraces {
        sweeps = List.copyOf(sweeps);
    }
}
