package org.patchmap.feature.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.SweepFamilyEvent.FileSubject;
import org.patchmap.events.SweepFamilyEvent.SweepSummary;
import org.patchmap.events.SweepFamilyEvent.TraceRef;
import org.patchmap.events.SweepFamilyEvent.Window;
import org.patchmap.feature.domain.RecordedFamily;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/families/{cellId}}: the fields of the {@code patchmap.sweeps} event, then what its traces hold. */
@Schema(description = "The last long-square family received for a cell on patchmap.sweeps, with what its traces "
        + "hold. Absent values are omitted.")
public record SweepFamilyView(
        @Schema(description = "Version of the patchmap.sweeps contract") int schemaVersion,
        @Schema(description = "Stable cell id") String cellId,
        @Schema(description = "Where the recording comes from") Provenance provenance,
        @Schema(description = "Source file digest plus family index") String inputDigest,
        @Schema(description = "Sampling rate of every sweep of the family, Hz") double samplingRateHz,
        @Schema(description = "The long-square epoch, s from sweep start") Window window,
        @Schema(description = "The family's sweeps: number, amplitude (pA), flags") List<SweepSummary> sweeps,
        @Schema(description = "Family flags, e.g. pre_pulse, few_sweeps, low_sampling_rate") List<String> flags,
        @Schema(description = "GridFS claim-check of the traces") TraceRef traces,
        @Schema(description = "GridFS claim-check of the traces thinned for drawing") TraceRef display,
        @Schema(description = "The subject as the recording file states it") FileSubject subject,
        @Schema(description = "When the family was extracted (ISO-8601 UTC)") Instant extractedAt,
        @Schema(description = "Samples in each sweep's traces, in sweep order") List<Integer> samplesPerSweep,
        @Schema(description = "The longest sweep, s") double durationS) {

    static SweepFamilyView of(RecordedFamily recorded) {
        SweepFamilyEvent f = recorded.family();
        return new SweepFamilyView(f.schemaVersion(), f.cellId(), f.provenance(), f.inputDigest(), f.samplingRateHz(),
                f.window(), f.sweeps(), f.flags(), f.traces(), f.display(), f.subject(), f.extractedAt(),
                recorded.samplesPerSweep(), recorded.durationS());
    }
}
