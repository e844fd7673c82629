package org.patchmap.core.map;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianClustersTest {

    /**
     * Four made-up groups of 50 cells in 5 features: group g sits 8 standard deviations out along feature g, and
     * the fifth feature is noise a thousand times wider than the others, as robust scaling leaves sag.
     */
    private static double[][] groupsWithExtremeColumn(int[] truth) {
        int groups = 4;
        int per = 50;
        int d = 5;
        SplittableRandom random = new SplittableRandom(4);
        double[][] x = new double[groups * per][d];
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < per; i++) {
                int c = g * per + i;
                truth[c] = g;
                for (int f = 0; f < d; f++) {
                    x[c][f] = (f == g ? 8 : 0) + gaussian(random);
                }
                x[c][d - 1] *= 1000;
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void recoversSeparableGroupsDespiteAFeatureAThousandTimesWider() {
        int[] truth = new int[200];
        double[][] x = groupsWithExtremeColumn(truth);
        GaussianClusters clusters = GaussianClusters.fit(x, 2, 10, 42);

        assertEquals(4, clusters.count());
        assertEquals(4, clusters.chosenSize());
        // one cluster per group and one group per cluster: the groups exactly, whatever their numbers
        int[][] table = new int[4][4];
        for (int i = 0; i < truth.length; i++) {
            table[clusters.labels()[i]][truth[i]]++;
        }
        for (int[] row : table) {
            assertEquals(50, java.util.Arrays.stream(row).max().orElseThrow(), java.util.Arrays.toString(row));
        }
    }

    @Test
    void theSizeSearchStopsFiveSizesPastTheLowestBic() {
        int[] truth = new int[200];
        double[][] x = groupsWithExtremeColumn(truth);
        GaussianClusters clusters = GaussianClusters.fit(x, 2, 25, 42);

        assertEquals(4, clusters.chosenSize());
        double[] bic = clusters.bic();
        // sizes 2..9 fitted (the best, 4, and five more), none after
        for (int s = 0; s < bic.length; s++) {
            int k = 2 + s;
            assertEquals(k <= 4 + GaussianClusters.PATIENCE, Double.isFinite(bic[s]), "size " + k + ": " + bic[s]);
        }
        assertTrue(bic.length > 4 + GaussianClusters.PATIENCE, "sizes up to " + (bic.length + 1) + " allowed");
    }

    @Test
    void theSameCellsGiveTheSameClusters() {
        int[] truth = new int[200];
        double[][] x = groupsWithExtremeColumn(truth);
        GaussianClusters first = GaussianClusters.fit(x, 2, 10, 7);
        GaussianClusters second = GaussianClusters.fit(x, 2, 10, 7);

        assertArrayEquals(first.labels(), second.labels());
        assertArrayEquals(first.bic(), second.bic());
        assertEquals(first.count(), second.count());
    }

    @Test
    void theSampledSearchIsDeterministicAboveTheSampleSize() {
        SplittableRandom random = new SplittableRandom(11);
        int n = GaussianClusters.SEARCH_SAMPLE + 300;
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            int g = i % 3;
            for (int f = 0; f < 3; f++) {
                x[i][f] = (f == g ? 10 : 0) + gaussian(random);
            }
        }
        GaussianClusters first = GaussianClusters.fit(x, 2, 6, 42);
        GaussianClusters second = GaussianClusters.fit(x, 2, 6, 42);

        assertArrayEquals(first.labels(), second.labels());
        assertEquals(n, first.labels().length);
    }
}
