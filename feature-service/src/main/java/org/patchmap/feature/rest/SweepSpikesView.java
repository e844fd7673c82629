package org.patchmap.feature.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.feature.domain.SweepSpikes;

/** One row of the sweep table of {@link CellFeaturesView}. */
@Schema(description = "One sweep of the family: its stimulus and its action potentials")
public record SweepSpikesView(
        @Schema(description = "The sweep's label in the recording") String sweep,
        @Schema(description = "Stimulus amplitude relative to holding, pA") double amplitudePa,
        @Schema(description = "Action potentials during the stimulus") int nSpikes,
        @Schema(description = "The first spike's threshold time, s from sweep start; absent without spikes")
        Double firstThresholdT,
        @Schema(description = "The first spike's peak, mV; absent without spikes") Double firstPeakV) {

    static SweepSpikesView of(SweepSpikes s) {
        return new SweepSpikesView(s.sweep(), s.amplitudePa(), s.spikeCount(), s.firstThresholdT(), s.firstPeakV());
    }
}
