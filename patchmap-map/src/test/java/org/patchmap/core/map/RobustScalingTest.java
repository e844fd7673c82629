package org.patchmap.core.map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RobustScalingTest {
    @Test
    void medianAndInterQuartileRangeOverTheCellsThatHaveTheFeature() {
        double nan = Double.NaN;
        double[][] rows = {{1, 5}, {2, 5}, {3, 5}, {4, 5}, {nan, 5}};
        RobustScaling s = RobustScaling.fit(rows, 2);
        // feature 0: 1 2 3 4 → median 2.5, quartiles 1.75 and 3.25 (numpy linear) → IQR 1.5
        // feature 1: constant → IQR 0 taken as 1, so it is only centred
        assertArrayEquals(new double[] {2.5, 5}, s.medians());
        assertArrayEquals(new double[] {1.5, 1}, s.iqrs());
        assertArrayEquals(new double[] {(4 - 2.5) / 1.5, 2}, s.apply(new double[] {4, 7}), 1e-15);
        double[] missing = s.apply(new double[] {nan, 5});
        assertEquals(Double.NaN, missing[0]);
        assertEquals(0, missing[1]);
    }

    @Test
    void aFeatureNoCellHasIsLeftAsIs() {
        RobustScaling s = RobustScaling.fit(new double[][] {{Double.NaN}, {Double.NaN}}, 1);
        assertArrayEquals(new double[] {0}, s.medians());
        assertArrayEquals(new double[] {1}, s.iqrs());
    }
}
