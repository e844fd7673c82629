package org.patchmap.core.map;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapBuilderTest {
    /** Three groups of 100 cells pointing in three different directions of feature space. */
    private static List<MapCell> threeGroups() {
        SplittableRandom random = new SplittableRandom(7);
        List<MapCell> cells = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int group = i % 3;
            double[] v = new double[16];
            for (int f = 0; f < 16; f++) {
                v[f] = (f / 5 == group ? 10 : 0) + (random.nextDouble() - 0.5);
            }
            cells.add(MapTestCells.cell("g" + group + "-" + i, "000001", v));
        }
        return cells;
    }

    @Test
    void aKnnGraphInThreeComponentsKeepsEveryCellAndTheComponentsApart() {
        MapParameters p = MapParameters.defaults().withNeighbors(15).withEpochs(100);
        MapResult map = new MapBuilder(p).build(threeGroups());

        assertEquals(300, map.cells().size());
        assertEquals(List.of(), map.leftOff());
        assertEquals(3, map.components());
        double[][] box = new double[3][] ;
        for (MappedCell c : map.cells()) {
            int group = c.cellId().charAt(1) - '0';
            assertEquals(group, c.component(), c.cellId() + " laid out with another group");
            if (box[group] == null) {
                box[group] = new double[] {c.x(), c.x(), c.y(), c.y()};
            }
            box[group][0] = Math.min(box[group][0], c.x());
            box[group][1] = Math.max(box[group][1], c.x());
            box[group][2] = Math.min(box[group][2], c.y());
            box[group][3] = Math.max(box[group][3], c.y());
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                boolean apart = box[a][1] < box[b][0] || box[b][1] < box[a][0]
                        || box[a][3] < box[b][2] || box[b][3] < box[a][2];
                assertTrue(apart, "groups " + a + " and " + b + " overlap on the map");
            }
        }
    }

    @Test
    void theSameCellsGiveTheSameMapAndAnotherSeedAnother() {
        List<MapCell> cells = SyntheticCells.generate(400, 6, 0.05, 3).stream().map(SyntheticCells.Row::cell).toList();
        MapParameters p = MapParameters.defaults().withEpochs(50);
        MapResult one = new MapBuilder(p).build(cells);
        MapResult two = new MapBuilder(p).build(cells);
        MapResult other = new MapBuilder(p.withSeed(43)).build(cells);

        assertEquals(one.cells(), two.cells());
        assertEquals(one.leftOff(), two.leftOff());
        assertNotEquals(one.cells().get(0).x(), other.cells().get(0).x());
        assertEquals(one.cells().size() + one.leftOff().size(), 400);
        assertEquals(p, one.parameters());
        assertEquals(org.patchmap.core.CodeVersion.current(), one.codeVersion());
    }

    @Test
    void oneThreadOrManyGiveTheSameMap() throws Exception {
        List<MapCell> cells = SyntheticCells.generate(400, 6, 0.05, 4).stream().map(SyntheticCells.Row::cell).toList();
        MapBuilder builder = new MapBuilder(MapParameters.defaults().withEpochs(50));
        // parallel streams started inside a ForkJoinPool run in that pool: here on one thread, then on three
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        java.util.concurrent.ForkJoinPool three = new java.util.concurrent.ForkJoinPool(3);
        try {
            MapResult serial = one.submit(() -> builder.build(cells)).get();
            MapResult parallel = three.submit(() -> builder.build(cells)).get();
            assertEquals(serial.cells(), parallel.cells());
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }

    @Test
    void eachCellListsItsNearestCellsByCosineDistance() {
        MapResult map = new MapBuilder(MapParameters.defaults().withEpochs(20)).build(threeGroups());
        MappedCell first = map.cells().get(0);
        assertEquals(15, first.neighbours().size());
        Map<String, double[]> rows = new HashMap<>();
        double[][] ref = map.model().referenceRows();
        for (int i = 0; i < ref.length; i++) {
            rows.put(map.cells().get(i).cellId(), ref[i]);
        }
        // the 15 listed are the 15 smallest cosine distances among the 299 others, by brute force here
        double[] q = rows.get(first.cellId());
        List<Double> all = new ArrayList<>();
        for (MappedCell c : map.cells()) {
            if (!c.cellId().equals(first.cellId())) {
                all.add(cosine(q, rows.get(c.cellId())));
            }
        }
        all.sort(Double::compare);
        for (int r = 0; r < 15; r++) {
            assertEquals(all.get(r), first.neighbours().get(r).distance(), 1e-12);
            assertEquals(first.cellId().charAt(1), first.neighbours().get(r).cellId().charAt(1), "same group");
        }
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int f = 0; f < a.length; f++) {
            dot += a[f] * b[f];
            na += a[f] * a[f];
            nb += b[f] * b[f];
        }
        return Math.max(0, 1 - dot / Math.sqrt(na * nb));
    }

    @Test
    void aCellWithTooFewUsableFeaturesIsLeftOffWithTheReason() {
        List<MapCell> cells = new ArrayList<>(threeGroups().subList(0, 60));
        Map<String, Double> raw = new HashMap<>();
        raw.put("input_resistance", 150.0);
        raw.put("tau", 0.9); // 900 ms: fails QC
        raw.put("v_baseline", -70.0);
        raw.put("sag_nearest_minus_100", 0.1);
        for (String ap : List.of("ap_1", "ap_mean")) {
            raw.put(ap + "_threshold_v_0_long_square", -40.0);
            raw.put(ap + "_peak_v_0_long_square", 30.0);
            raw.put(ap + "_upstroke_0_long_square", 300.0);
        }
        raw.put("avg_rate_0_long_square", 10.0);
        cells.add(MapCell.fromRaw("short", "000001", raw));

        MapResult map = new MapBuilder(MapParameters.defaults().withEpochs(20)).build(cells);

        assertEquals(60, map.cells().size());
        assertEquals(List.of(new LeftOffCell("short", "10 of 16 map features usable, at least 12 needed ("
                + "tau_ms: QC: tau 900 ms outside 0.01..600 ms; "
                + "ap_1_width_0_long_square_ms: missing in input; "
                + "ap_1_fast_trough_v_0_long_square: missing in input; "
                + "ap_mean_width_0_long_square_ms: missing in input; "
                + "ap_mean_fast_trough_v_0_long_square: missing in input; "
                + "latency_0_long_square: missing in input)")), map.leftOff());
        assertFalse(map.cellIds().contains("short"));
        // with a lower threshold the same cell is mapped, its 6 missing features imputed
        MapResult lenient = new MapBuilder(MapParameters.defaults().withEpochs(20).withMinFeatures(10)).build(cells);
        assertEquals(61, lenient.cells().size());
        assertEquals(6, lenient.cells().get(60).imputed().size());
    }

    @Test
    void twoCellsWithOneIdAreRefused() {
        List<MapCell> cells = new ArrayList<>(threeGroups().subList(0, 3));
        cells.add(cells.get(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MapBuilder(MapParameters.defaults()).build(cells));
        assertEquals("map input: cell id g1-1 appears twice (cells 2 and 4)", e.getMessage());
    }

    @Test
    void tinyMapsStillPlaceEveryCell() {
        assertEquals(0, new MapBuilder(MapParameters.defaults()).build(List.of()).cells().size());
        MapResult one = new MapBuilder(MapParameters.defaults()).build(threeGroups().subList(0, 1));
        assertEquals(1, one.cells().size());
        MapResult five = new MapBuilder(MapParameters.defaults()).build(threeGroups().subList(0, 5));
        assertEquals(5, five.cells().size());
        five.cells().forEach(c -> assertTrue(Double.isFinite(c.x()) && Double.isFinite(c.y()), c.toString()));
    }
}
