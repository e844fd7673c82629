package org.patchmap.core.numeric;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Exact values: assertEquals on doubles compares bits here (no tolerance), so −0.0 ≠ 0.0. */
class StatsTest {

    @Test
    void meanSumsInIndexOrderWithOneDivision() {
        assertEquals(2.5, Stats.mean(new double[]{1, 2, 3, 4}));
        assertEquals(0.20000000000000004, Stats.mean(new double[]{0.1, 0.2, 0.3}));
        // a compensated sum (DoubleStream.average) lands one bit lower on these
        double[] v = {0.002, 0.5, 0.006, 0.7000000000000001, 0.0, 0.004};
        assertEquals(0.20200000000000004, Stats.mean(v));
        assertNotEquals(Stats.mean(v), Arrays.stream(v).average().orElseThrow());
        assertEquals(Double.NaN, Stats.mean(new double[0]));
    }

    @Test
    void meanOfARangeAndAtIndices() {
        double[] v = {10, 1, 2, 3, 10};
        assertEquals(2.0, Stats.mean(v, 1, 4));
        assertEquals(Double.NaN, Stats.mean(v, 2, 2));
        assertEquals(Double.NaN, Stats.mean(v, 3, 1));
        assertEquals(6.0, Stats.meanAt(v, new int[]{4, 2}));
        assertEquals(Double.NaN, Stats.meanAt(v, new int[0]));
    }

    @Test
    void nanMeanSkipsNaN() {
        assertEquals(0.15000000000000002, Stats.nanMean(new double[]{0.1, Double.NaN, 0.2}));
        assertEquals(Double.NaN, Stats.nanMean(new double[]{Double.NaN, Double.NaN}));
        assertEquals(Double.NaN, Stats.nanMean(new double[0]));
    }

    @Test
    void populationStandardDeviation() {
        assertEquals(2.0, Stats.populationStd(new double[]{2, 4, 4, 4, 5, 5, 7, 9}));
        assertEquals(0.12472191289246473, Stats.populationStd(new double[]{0.1, 0.2, 0.4}));
        assertEquals(0.5, Stats.populationStd(new double[]{9, 1, 2, 9}, 1, 3));
        assertEquals(Double.NaN, Stats.populationStd(new double[0]));
    }

    @Test
    void leastSquaresSlope() {
        assertEquals(2.0, Stats.slope(new double[]{1, 2, 3}, new double[]{2, 4, 6}));
        assertEquals(0.11073369565217392, Stats.slope(new double[]{100, 120, 140, 150, 180},
                new double[]{1 / 0.8, 3 / 0.8, 5 / 0.8, 6 / 0.8, 8 / 0.8}));
        assertEquals(Double.NaN, Stats.slope(new double[]{5, 5}, new double[]{1, 2}));
    }

    @Test
    void medianSortsACopy() {
        double[] v = {4, 1, 3, 2};
        assertEquals(2.5, Stats.median(v));
        assertArrayEquals(new double[]{4, 1, 3, 2}, v);
        assertEquals(3.0, Stats.median(new double[]{5, 3, 1}));
        assertEquals(0.25, Stats.median(new double[]{0.3, 0.1, 0.2, 0.4}));
        assertEquals(Double.NaN, Stats.median(new double[0]));
    }

    @Test
    void medianOfSortedPrefix() {
        double[] sorted = {1, 2, 3, 10};
        assertEquals(2.0, Stats.medianOfSorted(sorted, 3));
        assertEquals(2.5, Stats.medianOfSorted(sorted, 4));
        assertEquals(Double.NaN, Stats.medianOfSorted(sorted, 0));
    }

    @Test
    void medianInPlaceSelectsAndReorders() {
        assertEquals(2.5, Stats.medianInPlace(new double[]{4, 1, 3, 2}));
        assertEquals(3.0, Stats.medianInPlace(new double[]{5, 3, 1}));
        assertEquals(7.0, Stats.medianInPlace(new double[]{7, 7, 7, 7}));
        double[] v = {9, 8, 7, 1, 2, 100};
        assertEquals(7.0, Stats.medianInPlace(v, 5)); // v[5] is not looked at
        assertEquals(100.0, v[5]);
        assertEquals(Double.NaN, Stats.medianInPlace(new double[0]));
        double[] w = {5, 1, 4, 2, 3};
        assertEquals(2.0, Stats.select(w, 5, 1));
        assertEquals(5.0, Stats.select(w, 5, 4));
    }

    @Test
    void theTwoMediansDifferOnlyInTheSignOfAZero() {
        double[] zeros = {-0.0, 0.0, -0.0};
        assertEquals(-0.0, Stats.median(zeros));
        assertEquals(0.0, Stats.medianInPlace(zeros.clone()));
        double[] v = {3.5, -1, 2, 8, 0.25, 2};
        assertEquals(Stats.median(v), Stats.medianInPlace(v.clone()));
    }
}
