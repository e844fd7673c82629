package org.patchmap.core.map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeighbourPreservationTest {
    @Test
    void shareOfFeatureNeighboursAmongMapNeighboursByHand() {
        int[][] feature = {{1, 2}, {0, 2}, {0, 1}, {1, 2}};
        int[][] map = {{1, 3}, {2, 0}, {3, 1}, {0, 1}};
        // cell 0: {1} of {1,2} = 1/2; cell 1: both = 1; cell 2: {1} = 1/2; cell 3: {1} = 1/2
        assertEquals((0.5 + 1 + 0.5 + 0.5) / 4, NeighbourPreservation.fraction(feature, map), 1e-15);
    }

    @Test
    void mapNeighboursAreTheNearestPointsInThePlane() {
        double[][] xy = {{0, 0}, {1, 0}, {3, 0}, {7, 0}};
        int[][] near = NeighbourPreservation.mapNeighbours(xy, 2);
        assertArrayEquals(new int[] {1, 2}, near[0]);
        assertArrayEquals(new int[] {0, 2}, near[1]);
        assertArrayEquals(new int[] {1, 0}, near[2]);
        assertArrayEquals(new int[] {2, 1}, near[3]);
    }

    @Test
    void theSampleIsTheSeededPartialShuffleThePythonScriptDraws() {
        // docs/bench/umap_learn_compare.py: sample_rows(100, 5, 42) -> [2, 9, 13, 83, 86]
        assertArrayEquals(new int[] {2, 9, 13, 83, 86}, NeighbourPreservation.sample(100, 5, 42));
        assertArrayEquals(new int[] {0, 1, 2}, NeighbourPreservation.sample(3, 5, 42));
        assertEquals(5000, java.util.Arrays.stream(NeighbourPreservation.sample(100_000, 5000, 42)).distinct().count());
    }

    @Test
    void theSampledMeasureOnEveryCellIsTheWholeMeasure() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[][] rows = new double[300][4];
        double[][] xy = new double[300][2];
        for (int i = 0; i < 300; i++) {
            for (int f = 0; f < 4; f++) {
                rows[i][f] = r.nextGaussian();
            }
            xy[i][0] = rows[i][0] + 0.5 * r.nextGaussian();
            xy[i][1] = rows[i][1] + 0.5 * r.nextGaussian();
        }
        double whole = NeighbourPreservation.fraction(NeighbourPreservation.featureNeighbours(rows, 10),
                NeighbourPreservation.mapNeighbours(xy, 10));
        int[] all = NeighbourPreservation.sample(300, 300, 1);
        assertEquals(whole, NeighbourPreservation.sampled(rows, xy, 10, all), 1e-15);
        double part = NeighbourPreservation.sampled(rows, xy, 10, NeighbourPreservation.sample(300, 100, 1));
        assertTrue(whole > 0.1 && whole < 0.2, "whole " + whole); // 0.125: cosine ignores the norms the plane keeps
        assertEquals(whole, part, 0.05, "a third of the cells");
    }
}
