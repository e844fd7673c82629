package org.patchmap.feature.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.core.analysis.FirstSpike;
import org.patchmap.core.spikes.Spike;
import org.patchmap.core.spikes.SpikeWaveform;

/** {@code GET /api/features/{cellId}/first-spike}: the first action potential of the rheobase sweep, every sample. */
@Schema(description = "A cell's first action potential at full resolution: the first spike of its rheobase sweep "
        + "(the sweep its ap_1_*_0_long_square features come from), every recorded sample from 2 ms before its "
        + "threshold to 5 ms after (clipped to the sweep), with dV/dt for the phase plot")
public record FirstSpikeView(
        @Schema(description = "Stable cell id") String cellId,
        @Schema(description = "The rheobase sweep's label in the recording") String sweep,
        @Schema(description = "Its stimulus amplitude relative to holding, pA (rheobase_i)") double amplitudePa,
        @Schema(description = "Sampling rate of the recording, Hz") double samplingRateHz,
        @Schema(description = "The spike's threshold, s from sweep start") double thresholdT,
        @Schema(description = "v at threshold, mV (ap_1_threshold_v_0_long_square)") double thresholdV,
        @Schema(description = "The spike's peak, s from sweep start") double peakT,
        @Schema(description = "v at the peak, mV (ap_1_peak_v_0_long_square)") double peakV,
        @Schema(description = "Each sample's time relative to threshold, ms") double[] t,
        @Schema(description = "Membrane potential at each sample, mV") double[] v,
        @Schema(description = "dV/dt at each sample, V/s: the filtered forward difference the spike detector "
                + "finds thresholds on") double[] dvdt) {

    static FirstSpikeView of(String cellId, FirstSpike first) {
        Spike spike = first.spike();
        SpikeWaveform w = first.waveform();
        return new FirstSpikeView(cellId, String.valueOf(first.sweep().label()), first.sweep().amplitudePa(),
                w.samplingRateHz(), spike.thresholdT(), spike.thresholdV(), spike.peakT(), spike.peakV(),
                w.timeFromThresholdMs(), w.voltageMv(), w.dvdtVs());
    }
}
