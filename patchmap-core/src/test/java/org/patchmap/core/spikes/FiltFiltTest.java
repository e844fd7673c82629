package org.patchmap.core.spikes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.patchmap.core.sweep.Sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** filtfilt against scipy's on the synthetic spiking traces (resources/features/make_spike_fixtures.py). */
class FiltFiltTest {
    @Test
    void syntheticTracesAreRegeneratedExactly() {
        for (JsonNode c : SyntheticTrace.fixture("spikes.json").get("cases")) {
            long[] codes = SyntheticTrace.codes(c);
            long sum = 0;
            long sq = 0;
            for (long x : codes) {
                sum += x;
                sq += x * x;
            }
            assertEquals(c.get("code_sum").asLong(), sum, c.get("name").asText());
            assertEquals(c.get("code_sq_sum").asLong(), sq, c.get("name").asText());
        }
    }

    @Test
    void filtfiltAgreesWithScipyToANanovolt() {
        for (JsonNode c : SyntheticTrace.fixture("spikes.json").get("cases")) {
            Sweep s = SyntheticTrace.sweep(c);
            double[] vf = BesselFilter.forDvdt(s.samplingRateHz()).filtfilt(s.voltageMv());
            assertEquals(s.voltageMv().length, vf.length);
            double worst = 0;
            JsonNode idx = c.get("filtered_index");
            JsonNode expected = c.get("filtered_mv");
            for (int i = 0; i < idx.size(); i++) {
                int k = idx.get(i).asInt();
                assertEquals(expected.get(i).asDouble(), vf[k], 1e-9, c.get("name").asText() + " sample " + k);
                worst = Math.max(worst, Math.abs(expected.get(i).asDouble() - vf[k]));
            }
            System.out.println("filtfilt " + c.get("name").asText() + ": worst difference to scipy " + worst + " mV over "
                    + idx.size() + " samples");
        }
    }

    @Test
    void constantInputStaysConstantAndShortInputDoesNotFail() {
        BesselFilter f = BesselFilter.forDvdt(20_000);
        double[] flat = new double[100];
        java.util.Arrays.fill(flat, -70.0);
        double[] out = f.filtfilt(flat);
        for (double x : out) {
            assertEquals(-70.0, x, 1e-9);
        }
        assertArrayEquals(new double[0], f.filtfilt(new double[0]));
        assertArrayEquals(new double[]{3.0}, f.filtfilt(new double[]{3.0}));
        assertEquals(5, f.filtfilt(new double[]{1, 2, 3, 4, 5}).length); // shorter than scipy's padlen 15
    }

    @Test
    void lfilterZiIsTheStepSteadyState() {
        BesselFilter f = BesselFilter.forDvdt(20_000);
        double[] b = f.b();
        double[] a = f.a();
        double[] zi = FiltFilt.lfilterZi(b, a);
        // one lfilter step with x = 1 from zi must give y = dc gain and the same state
        double gain = 0;
        double as = 0;
        for (int i = 0; i < 5; i++) {
            gain += b[i];
            as += a[i];
        }
        gain /= as;
        double y = zi[0] + b[0];
        assertEquals(gain, y, 1e-14);
        for (int i = 0; i < 3; i++) {
            assertEquals(zi[i], zi[i + 1] + b[i + 1] - y * a[i + 1], 1e-14);
        }
        assertEquals(zi[3], b[4] - y * a[4], 1e-14);
    }
}
