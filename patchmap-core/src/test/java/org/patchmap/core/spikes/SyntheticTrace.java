package org.patchmap.core.spikes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchmap.core.sweep.Sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The synthetic spiking traces of resources/features/make_spike_fixtures.py, regenerated from their
 * parameters exactly as the script does (splitmix64 noise, StrictMath.exp, quantised to 1/32 mV), so
 * that the fixture stores parameters and a checksum instead of the samples.
 */
final class SyntheticTrace {
    static final double Q = 1.0 / 32;

    private SyntheticTrace() {
    }

    static JsonNode fixture(String name) {
        try (InputStream in = SyntheticTrace.class.getResourceAsStream("/features/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quantised codes (v = code / 32 mV) of one case of spikes.json. */
    static long[] codes(JsonNode p) {
        int n = p.get("n").asInt();
        double rate = p.get("rate_hz").asDouble();
        double rest = p.get("rest_mv").asDouble();
        double step = p.get("step_mv").asDouble();
        double tau = p.get("step_tau_s").asDouble();
        double start = p.get("start_s").asDouble();
        double end = p.get("end_s").asDouble();
        long noiseCodes = p.get("noise_codes").asLong();
        JsonNode aps = p.get("aps");
        long state = p.get("seed").asLong();
        long[] codes = new long[n];
        for (int k = 0; k < n; k++) {
            double t = k / rate;
            double v = rest;
            if (start <= t && t < end) {
                v += step * (1.0 - StrictMath.exp(-(t - start) / tau));
            } else if (t >= end) {
                double vEnd = step * (1.0 - StrictMath.exp(-(end - start) / tau));
                v += vEnd * StrictMath.exp(-(t - end) / tau);
            }
            for (JsonNode ap : aps) {
                double tp = ap.get(0).asDouble();
                double h = ap.get(1).asDouble();
                double sr = ap.get(2).asDouble();
                double sf = ap.get(3).asDouble();
                double ahp = ap.get(4).asDouble();
                double ta = ap.get(5).asDouble();
                double x = t - tp;
                if (x < 0) {
                    if (x > -12 * sr) {
                        v += h * StrictMath.exp(-0.5 * (x / sr) * (x / sr));
                    }
                } else {
                    if (x < 12 * sf) {
                        v += h * StrictMath.exp(-0.5 * (x / sf) * (x / sf));
                    }
                    if (x < 40 * ta) {
                        v -= ahp * (x / ta) * StrictMath.exp(1.0 - x / ta);
                    }
                }
            }
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            long noise = ((z >>> 61) + ((z >>> 58) & 7) - 7) * noiseCodes;
            codes[k] = (long) Math.floor(v / Q + 0.5) + noise;
        }
        return codes;
    }

    static Sweep sweep(JsonNode p) {
        long[] codes = codes(p);
        double[] v = new double[codes.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = codes[k] * Q;
        }
        return new Sweep(1, p.get("name").asText(), p.get("rate_hz").asDouble(), v, new double[v.length]);
    }
}
