package org.patchmap.core.spikes;

import java.util.Arrays;
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
            meanIsi = mean(isis);
            medianIsi = median(isis);
            double ss = 0;
            for (double x : isis) {
                ss += (x - meanIsi) * (x - meanIsi);
            }
            isiCv = Math.sqrt(ss / isis.length) / meanIsi; // numpy std: population (ddof 0)
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
        double sum = 0;
        int count = 0;
        for (int i = 0; i + 1 < isis.length; i++) {
            double d = isis[i + 1] == 0 && isis[i] == 0 ? 0.0 : (isis[i + 1] - isis[i]) / (isis[i + 1] + isis[i]);
            if (!Double.isNaN(d)) {
                sum += d;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double d : x) {
            s += d;
        }
        return s / x.length;
    }

    /** numpy's median: the middle value, or the mean of the two middle values. */
    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
    }
}
