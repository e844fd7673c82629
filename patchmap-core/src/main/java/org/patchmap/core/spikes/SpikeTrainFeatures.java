package org.patchmap.core.spikes;

import org.patchmap.core.numeric.Stats;

import java.util.List;

/**
 * Spec section 4, the spike-train (sweep) features (ipfx {@code spike_train_features.py}
 * {@code basic_spike_train_features}), from the spikes' threshold times.
 */
final class SpikeTrainFeatures {
    private SpikeTrainFeatures() {
    }

    /** The train of no spikes: avg_rate 0, everything else NaN. */
    static SpikeTrain empty() {
        return new SpikeTrain(List.of(), 0.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * @param spikes the sweep's spikes in time order; a threshold may lie before start (spec 2: a spike
     *               belongs to the window by its putative crossing, not by its refined threshold)
     */
    static SpikeTrain of(List<Spike> spikes, double startS, double endS) {
        int n = spikes.size();
        if (n == 0) {
            return empty();
        }
        // ipfx average_rate: only thresholds inside [start, end] count; latency and ISIs use every spike
        int inWindow = 0;
        for (Spike s : spikes) {
            if (s.thresholdT() >= startS && s.thresholdT() <= endS) {
                inWindow++;
            }
        }
        double avgRate = inWindow / (endS - startS);
        double latency = spikes.get(0).thresholdT() - startS;
        double[] isis = new double[n - 1];
        for (int i = 1; i < n; i++) {
            isis[i - 1] = spikes.get(i).thresholdT() - spikes.get(i - 1).thresholdT();
        }
        double firstIsi = Double.NaN;
        double meanIsi = Double.NaN;
        double medianIsi = Double.NaN;
        double isiCv = Double.NaN;
        if (isis.length >= 1) {
            firstIsi = isis[0];
            meanIsi = Stats.mean(isis);
            medianIsi = Stats.median(isis);
            isiCv = Stats.populationStd(isis) / meanIsi; // numpy std: population (ddof 0)
        }
        return new SpikeTrain(spikes, avgRate, latency, firstIsi, meanIsi, medianIsi, isiCv, adaptation(isis));
    }

    /**
     * ipfx {@code adaptation_index} / {@code norm_diff}: nanmean of (ISI[i+1] − ISI[i]) /
     * (ISI[i+1] + ISI[i]); NaN with fewer than 2 ISIs; 0 when all sums are (close to) 0 and for a
     * pair of zero ISIs.
     */
    static double adaptation(double[] isis) {
        if (isis.length <= 1) {
            return Double.NaN;
        }
        boolean allZero = true;
        for (int i = 0; i + 1 < isis.length; i++) {
            // np.allclose(x, 0.): |x| <= atol 1e-8
            if (Math.abs(isis[i + 1] + isis[i]) > 1e-8) {
                allZero = false;
            }
        }
        if (allZero) {
            return 0.0;
        }
        double[] normDiff = new double[isis.length - 1];
        for (int i = 0; i + 1 < isis.length; i++) {
            normDiff[i] = isis[i + 1] == 0 && isis[i] == 0 ? 0.0 : (isis[i + 1] - isis[i]) / (isis[i + 1] + isis[i]);
        }
        return Stats.nanMean(normDiff);
    }
}
