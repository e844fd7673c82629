package org.patchmap.core.features;

import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.spikes.SpikeTrain;

/**
 * One row of the long-square sweep table (ipfx's {@code sweeps} frame): the spike train and the
 * per-sweep subthreshold features of spec sections 4 and 5.
 *
 * @param member           the sweep and its amplitude
 * @param spikes           its spikes inside the window (null when detection failed)
 * @param spikeFailure     why detection failed, null when it did not
 * @param peakDeflectMv    spec 4 peak_deflect: min v in [start, end) for a negative amplitude, else max, mV
 * @param peakDeflectIndex the sample of peak_deflect
 * @param vBaselineMv      mean v in [start − 0.1 s, start), mV
 * @param sag              spec 5 sag of this sweep (dimensionless)
 */
public record SweepFeatures(FamilySweep member, SpikeTrain spikes, String spikeFailure, double peakDeflectMv,
                            int peakDeflectIndex, double vBaselineMv, double sag) {

    /** Computes the subthreshold columns for one sweep whose spikes are already known. */
    static SweepFeatures of(FamilySweep member, SpikeTrain spikes, String spikeFailure, double startS, double endS) {
        SubthresholdFeatures.Deflection d = SubthresholdFeatures.peakDeflect(member.sweep(), member.amplitudePa(),
                startS, endS);
        return new SweepFeatures(member, spikes, spikeFailure, d.vMv(), d.index(),
                SubthresholdFeatures.baselineVoltage(member.sweep(), startS, SubthresholdFeatures.BASELINE_INTERVAL_S),
                SubthresholdFeatures.sag(member.sweep(), startS, endS));
    }

    public double amplitudePa() {
        return member.amplitudePa();
    }

    public Object label() {
        return member.label();
    }

    /** avg_rate > 0. */
    public boolean spiking() {
        return spikes != null && spikes.avgRate() > 0;
    }

    /** avg_rate == 0 (ipfx's subthreshold sweeps, any amplitude sign). */
    public boolean subthreshold() {
        return spikes != null && spikes.avgRate() == 0;
    }

    public int spikeCount() {
        return spikes == null ? 0 : spikes.spikes().size();
    }
}
