package org.patchmap.feature.domain;

import org.patchmap.core.features.SweepFeatures;
import org.patchmap.core.spikes.Spike;

/**
 * One sweep of a cell's family as the features saw it: its stimulus and its spikes.
 *
 * @param sweep           the sweep's label in the recording
 * @param amplitudePa     stimulus amplitude relative to holding, pA
 * @param spikeCount      action potentials during the stimulus
 * @param firstThresholdT the first spike's threshold time, s from sweep start; null without spikes
 * @param firstPeakV      the first spike's peak, mV; null without spikes
 */
public record SweepSpikes(String sweep, double amplitudePa, int spikeCount, Double firstThresholdT,
                          Double firstPeakV) {
    public static SweepSpikes of(SweepFeatures s) {
        if (s.spikeCount() == 0) {
            return new SweepSpikes(String.valueOf(s.label()), s.amplitudePa(), 0, null, null);
        }
        Spike first = s.spikes().spikes().get(0);
        return new SweepSpikes(String.valueOf(s.label()), s.amplitudePa(), s.spikeCount(), first.thresholdT(),
                first.peakV());
    }
}
