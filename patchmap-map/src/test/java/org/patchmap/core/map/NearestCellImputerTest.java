package org.patchmap.core.map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NearestCellImputerTest {
    private static final double NAN = Double.NaN;
    // cell 0 lacks feature 1; B and C share its dandiset but are farther than D and E
    private static final double[][] ROWS = {{0, NAN}, {0.1, 10}, {5, 20}, {0, 100}, {0.05, 200}};
    private static final String[] SETS = {"x", "x", "x", "y", "y"};

    @Test
    void donorsFromTheCellsOwnDandisetComeFirst() {
        double[][] out = NearestCellImputer.imputeAll(ROWS, SETS, 2);
        assertArrayEquals(new double[] {0, (10 + 20) / 2.0}, out[0]);
        for (int i = 1; i < ROWS.length; i++) {
            assertArrayEquals(ROWS[i], out[i]);
        }
    }

    @Test
    void whenTheDandisetHasTooFewTheNearestOthersComplete() {
        // k = 3: B and C from x, then D (distance 0) before E (0.05)
        double[][] out = NearestCellImputer.imputeAll(ROWS, SETS, 3);
        assertEquals((10 + 20 + 100) / 3.0, out[0][1], 1e-12);
        // without a dandiset: the 3 nearest overall, D (0), E (0.05), B (0.1)
        double[] any = NearestCellImputer.impute(ROWS[0], null, ROWS, SETS, 3, 0);
        assertEquals((100 + 200 + 10) / 3.0, any[1], 1e-12);
    }

    @Test
    void distancesAreScikitLearnsNanEuclidean() {
        // shared features 0 and 2 of 3: sqrt(3/2 · (1² + 2²))
        assertEquals(Math.sqrt(1.5 * 5), NearestCellImputer.nanEuclidean(new double[] {0, NAN, 0},
                new double[] {1, 7, 2}), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, NearestCellImputer.nanEuclidean(new double[] {NAN, 1},
                new double[] {1, NAN}));
    }
}
