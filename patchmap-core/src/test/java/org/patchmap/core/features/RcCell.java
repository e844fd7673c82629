package org.patchmap.core.features;

import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.spikes.Spike;
import org.patchmap.core.spikes.SpikeTrain;
import org.patchmap.core.sweep.Sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * A passive RC cell for tests: rest {@code restMv}, input resistance {@code rMohm}, time constant
 * {@code tauS}; a step of {@code amp} pA over [start, end) charges towards amp·R and relaxes back.
 * The spikes it "fires" are made up (the spike detector is someone else's), so that the
 * suprathreshold features can be checked by hand.
 */
record RcCell(double restMv, double rMohm, double tauS, double rateHz, double durationS, double startS,
              double endS) {
    static RcCell standard() {
        return new RcCell(-70.0, 150.0, 0.020, 20000.0, 1.5, 0.2, 1.0);
    }

    Sweep sweep(int number, double ampPa) {
        int n = (int) Math.round(durationS * rateHz);
        double[] v = new double[n];
        double[] i = new double[n];
        double full = ampPa * rMohm / 1000;
        double atEnd = full * (1 - Math.exp(-(endS - startS) / tauS));
        for (int k = 0; k < n; k++) {
            double t = k / rateHz;
            if (t < startS) {
                v[k] = restMv;
            } else if (t < endS) {
                v[k] = restMv + full * (1 - Math.exp(-(t - startS) / tauS));
                i[k] = ampPa;
            } else {
                v[k] = restMv + atEnd * Math.exp(-(t - endS) / tauS);
            }
        }
        return new Sweep(number, "sweep " + number, rateHz, v, i);
    }

    List<FamilySweep> family(double... amps) {
        List<FamilySweep> out = new ArrayList<>();
        for (int k = 0; k < amps.length; k++) {
            out.add(new FamilySweep(sweep(k + 1, amps[k]), amps[k]));
        }
        return out;
    }

    /** A made-up spike: threshold −40 + index mV, peak 30, width 1 ms, upstroke 300, downstroke −100. */
    static Spike spike(double thresholdT, int index) {
        return new Spike(0, thresholdT, -40.0 + index, 0, thresholdT + 0.001, 30.0, 0, 300.0, -55.0, -100.0,
                thresholdT + 0.002, -50.0 - index, 0.001, 3.0, false);
    }

    /** n made-up spikes at 10 ms intervals from start + latency, with their train features. */
    static SpikeTrain train(int n, double startS, double endS, double latencyS) {
        List<Spike> spikes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            spikes.add(spike(startS + latencyS + 0.01 * k, k));
        }
        double rate = n / (endS - startS);
        double isi = n >= 2 ? 0.01 : Double.NaN;
        return new SpikeTrain(spikes, rate, n == 0 ? Double.NaN : latencyS, isi, isi, isi, n >= 2 ? 0.0 : Double.NaN,
                n >= 3 ? 0.0 : Double.NaN);
    }
}
