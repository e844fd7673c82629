package org.patchmap.core.spikes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The filter design against scipy.signal.bessel (fixture: resources/features/make_spike_fixtures.py). */
class BesselFilterTest {
    @Test
    void coefficientsAgreeWithScipyToOneInATrillion() {
        double worst = 0;
        for (JsonNode c : SyntheticTrace.fixture("bessel.json").get("cases")) {
            double rate = c.get("rate_hz").asDouble();
            BesselFilter f = BesselFilter.forDvdt(rate);
            assertEquals(c.get("cutoff_hz").asDouble(), f.cutoffHz(), 1e-9, "cutoff at " + rate);
            double[] b = f.b();
            double[] a = f.a();
            for (int i = 0; i < 5; i++) {
                double eb = c.get("b").get(i).asDouble();
                double ea = c.get("a").get(i).asDouble();
                assertEquals(eb, b[i], 1e-12 * Math.abs(eb), "b[" + i + "] at " + rate + " Hz");
                assertEquals(ea, a[i], 1e-12 * Math.abs(ea), "a[" + i + "] at " + rate + " Hz");
                worst = Math.max(worst, Math.max(Math.abs(b[i] - eb) / Math.abs(eb), Math.abs(a[i] - ea) / Math.abs(ea)));
            }
        }
        System.out.println("Bessel coefficients: worst relative difference to scipy " + worst);
    }

    @Test
    void cutoffIsCappedAtEightTenthsOfNyquist() {
        assertEquals(4000.0, BesselFilter.forDvdt(10_000).cutoffHz());
        assertEquals(10_000.0, BesselFilter.forDvdt(100_000).cutoffHz());
        // ipfx fails at 10 kHz >= Nyquist; the cap filters instead (spec 2)
        assertEquals(0.8 * 2500, BesselFilter.forDvdt(5000).cutoffHz(), 1e-9);
    }

    @Test
    void invalidCutoffIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> BesselFilter.lowPass(10_000, 20_000));
        assertThrows(IllegalArgumentException.class, () -> BesselFilter.lowPass(0, 20_000));
        assertThrows(IllegalArgumentException.class, () -> BesselFilter.lowPass(Double.NaN, 20_000));
    }
}
