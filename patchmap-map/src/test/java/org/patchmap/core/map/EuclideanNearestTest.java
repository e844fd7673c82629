package org.patchmap.core.map;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EuclideanNearestTest {
    @Test
    void theWindowAlongTheAxisFindsTheSameNearestRowAsComparingWithAll() {
        SplittableRandom r = new SplittableRandom(11);
        double[][] rows = new double[2000][16];
        for (int i = 0; i < rows.length; i++) {
            for (int f = 0; f < 16; f++) {
                rows[i][f] = i % 100 == 7 && i > 7 ? rows[7][f] : r.nextGaussian() * (f + 1); // a few duplicates
            }
        }
        EuclideanNearest index = new EuclideanNearest(rows);
        double[] each = index.nearestOfEach();
        for (int i = 0; i < rows.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < rows.length; j++) {
                if (j != i) {
                    best = Math.min(best, EuclideanNearest.squared(rows[i], rows[j]));
                }
            }
            assertEquals(Math.sqrt(best), each[i], 0.0, "row " + i);
        }
        assertEquals(0.0, each[107], 0.0, "a duplicate is at distance 0");
        double[] query = new double[16];
        query[3] = 2;
        double best = Double.POSITIVE_INFINITY;
        for (double[] row : rows) {
            best = Math.min(best, EuclideanNearest.squared(query, row));
        }
        assertEquals(Math.sqrt(best), index.nearest(query), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, new EuclideanNearest(new double[][] {{1, 2}}).nearestOfEach()[0]);
    }
}
