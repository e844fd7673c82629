package org.patchmap.cli.atlas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark's metrics on hand-made inputs whose answers are worked out by hand. */
class MapQualityTest {
    /** 60 points on a line at x = 0..59, in three blocks of 20 labels: 0, 1, 2. */
    static final int N = 60;

    static double[][] line() {
        double[][] xy = new double[N][];
        for (int i = 0; i < N; i++) {
            xy[i] = new double[] {i, 0};
        }
        return xy;
    }

    static int[] blocks() {
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i / 20;
        }
        return labels;
    }

    @Test
    void nearestPointsInThePlaneAreOrderedByDistanceThenByIndex() {
        int[][] nn = MapQuality.nearestInPlane(line(), 3);
        assertArrayEquals(new int[] {1, 2, 3}, nn[0]);
        assertArrayEquals(new int[] {18, 20, 17}, nn[19]); // 18 and 20 at 1, then 17 and 21 at 2: 17 first
        assertArrayEquals(new int[] {58, 57, 56}, nn[59]);
    }

    @Test
    void neighbourPurityCountsOnlyTheBlockEdgesAsMixed() {
        int[] labels = blocks();
        double[] purity = MapQuality.purity(MapQuality.nearestInPlane(line(), 2), labels);
        // every point's two neighbours share its block except at 19|20 and 39|40, which have one of each
        assertEquals(0.5, purity[19]);
        assertEquals(0.5, purity[20]);
        assertEquals(1.0, purity[0]);
        assertEquals(58.0 / 60, MapQuality.mean(purity, labels, -1), 1e-15);
        assertEquals(19.0 / 20, MapQuality.mean(purity, labels, 1), 1e-15); // 20 and 39 at 0.5
        assertEquals(19.5 / 20, MapQuality.mean(purity, labels, 0), 1e-15); // only 19

        int[][] mix = MapQuality.neighbourMix(MapQuality.nearestInPlane(line(), 2), labels);
        assertArrayEquals(new int[] {39, 1, 0}, mix[0]);
        assertArrayEquals(new int[] {1, 38, 1}, mix[1]);
    }

    @Test
    void adjustedRandIndexMatchesHandComputedValues() {
        // contingency [[2, 1, 0], [0, 1, 2]]: index Σ C(n_ij, 2) = 2, rows Σ C(3, 2) = 6, columns 3, pairs 15;
        // expected 6 · 3 / 15 = 1.2, max (6 + 3) / 2 = 4.5 -> (2 − 1.2) / (4.5 − 1.2) = 8/33
        assertEquals(8.0 / 33, MapQuality.adjustedRand(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}),
                1e-12);
        // index 1, rows 2, columns 1, pairs 6: expected 1/3, max 1.5 -> (2/3) / (7/6) = 4/7 (scikit-learn's 0.57)
        assertEquals(4.0 / 7, MapQuality.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), 1e-12);
        int[] renamed = new int[N];
        int[] labels = blocks();
        for (int i = 0; i < N; i++) {
            renamed[i] = 2 - labels[i];
        }
        assertEquals(1.0, MapQuality.adjustedRand(labels, renamed), 1e-12);
    }

    @Test
    void spearmanIsPearsonOfRanksWithTiesAtTheirMeanRank() {
        assertEquals(0.8, MapQuality.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}), 1e-12);
        // ranks 1, 2.5, 2.5, 4 against 1..4: 4.5 / sqrt(5 · 4.5) = sqrt(0.9)
        assertEquals(Math.sqrt(0.9), MapQuality.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 2, 2, 3}),
                1e-12);
        assertEquals(-1.0, MapQuality.spearman(new double[] {1, 2, 3, 4}, new double[] {8, 4, 2, 1}), 1e-12);
    }

    @Test
    void gradientFindsTheDirectionAValueRisesAlongAndSkipsMissingValues() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] xy = new double[N][];
        double[] values = new double[N];
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        for (int i = 0; i < N; i++) {
            xy[i] = new double[] {r.nextDouble(-5, 5), r.nextDouble(-5, 5)};
            values[i] = Math.exp(c * xy[i][0] + s * xy[i][1]); // monotone in the position along 30°
        }
        values[7] = Double.NaN;
        MapQuality.Gradient g = MapQuality.gradient(xy, values);
        assertEquals(30, g.degrees());
        assertEquals(1.0, g.rho(), 1e-12);
        assertEquals(N - 1, g.points());
    }

    @Test
    void islandReportsNeighboursAndClustersOfOneLabel() {
        int[] labels = blocks();
        int[] clusters = new int[N];
        for (int i = 0; i < N; i++) {
            clusters[i] = i < 30 ? 0 : 1; // cluster 0: 20 of label 0 + 10 of label 1; cluster 1: 10 of 1 + 20 of 2
        }
        int[][] nn = MapQuality.nearestInPlane(line(), 2);
        MapQuality.Island middle = MapQuality.island(1, labels, nn, clusters);
        assertEquals(20, middle.points());
        assertEquals(19.0 / 20, middle.neighbourFraction(), 1e-15);
        assertEquals(18.0 / 20, middle.allNeighbours(), 1e-15);
        assertEquals(0, middle.majorityCluster()); // 10 and 10: the lower cluster
        assertEquals(0.5, middle.inMajorityCluster());
        assertEquals(List.of(), middle.ownClusters());
        assertEquals(0.0, middle.inOwnClusters());
        assertEquals(Double.NaN, middle.ownClusterPurity());

        MapQuality.Island first = MapQuality.island(0, labels, nn, clusters);
        assertEquals(List.of(0), first.ownClusters());
        assertEquals(1.0, first.inOwnClusters());
        assertEquals(20.0 / 30, first.ownClusterPurity(), 1e-15);
        assertArrayEquals(new int[] {20, 10, 0}, MapQuality.contingency(clusters, labels)[0]);
    }

    @Test
    void pictureIsAPngOfTheStatedSizeWithThePointsInTheirLabelsColours(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("by-type.png");
        double[][] xy = {{0, 0}, {1, 1}};
        MapPicture.byLabel(xy, new int[] {0, 1}, List.of("A", "B"), "two simulated points", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(MapPicture.WIDTH, image.getWidth());
        assertEquals(MapPicture.HEIGHT, image.getHeight());
        // the span fills 94 % of the square plot, centred: (0, 0) 3 % in from its lower left corner, (1, 1) from
        // its upper right one (y up)
        int margin = (int) Math.round(MapPicture.PLOT * 0.03);
        int left = MapPicture.LEFT + margin;
        int right = MapPicture.LEFT + MapPicture.PLOT - margin;
        int top = MapPicture.TOP + margin;
        int bottom = MapPicture.TOP + MapPicture.PLOT - margin;
        assertEquals(MapPicture.LABEL_COLOURS[0].getRGB(), image.getRGB(left, bottom));
        assertEquals(MapPicture.LABEL_COLOURS[1].getRGB(), image.getRGB(right, top));
        assertEquals(0xFFFFFFFF, image.getRGB(right, bottom));
    }

    @Test
    void quantilesInterpolateBetweenOrderStatisticsAndViridisEndsAreMatplotlibs() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertEquals(1.5, MapPicture.quantile(sorted, 0.05), 1e-12); // h = 0.5
        assertEquals(10.5, MapPicture.quantile(sorted, 0.95), 1e-12);
        assertEquals(0x440154, MapPicture.viridis(-1).getRGB() & 0xFFFFFF);
        assertEquals(0xFDE725, MapPicture.viridis(1).getRGB() & 0xFFFFFF);
        assertEquals(0x21918C, MapPicture.viridis(0.5).getRGB() & 0xFFFFFF);
    }
}
