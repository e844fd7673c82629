package org.patchmap.core.analysis;

import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.spikes.Spike;
import org.patchmap.core.spikes.SpikeWaveform;

import java.util.Objects;

/**
 * A cell's first action potential at full resolution: the first spike of its rheobase sweep
 * ({@link org.patchmap.core.features.FiCurve#rheobaseSweep}), the spike its
 * {@code ap_1_<f>_0_long_square} features describe, with every sample from {@value #BEFORE_S} s
 * before its threshold to {@value #AFTER_S} s after (spec 2 keeps a peak within 5 ms of its
 * threshold, so the peak is inside).
 *
 * @param sweep    the rheobase sweep and its amplitude
 * @param spike    its first spike (threshold and peak times in s from sweep start)
 * @param waveform the samples around it, with dV/dt
 */
public record FirstSpike(FamilySweep sweep, Spike spike, SpikeWaveform waveform) {
    /** The stretch before the threshold: the approach to threshold. */
    public static final double BEFORE_S = 0.002;
    /** The stretch after it: upstroke, peak, repolarisation. */
    public static final double AFTER_S = 0.005;

    public FirstSpike {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(spike, "spike");
        Objects.requireNonNull(waveform, "waveform");
    }
}
