package org.patchmap.core.map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
