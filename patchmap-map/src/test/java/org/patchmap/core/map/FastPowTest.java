package org.patchmap.core.map;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastPowTest {
    @Test
    void agreesWithMathPowWithin1e6Relative() {
        SplittableRandom random = new SplittableRandom(1);
        for (double b : new double[] {0.8420553659816911, 0.5, 1.0, 1.9}) {
            FastPow pow = new FastPow(b);
            double worst = 0;
            for (int i = 0; i < 200_000; i++) {
                double x = Math.exp(random.nextDouble() * 60 - 30);
                worst = Math.max(worst, Math.abs(pow.pow(x) / Math.pow(x, b) - 1));
            }
            assertTrue(worst < 1e-6, "b " + b + ": worst relative error " + worst);
        }
        assertEquals(0, new FastPow(0.8).pow(0));
    }
}
