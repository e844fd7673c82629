package org.patchmap.core.map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapPlacerTest {
    private static List<SyntheticCells.Row> rows;
    private static MapResult map;
    private static MapPlacer placer;

    @BeforeAll
    static void build() {
        rows = SyntheticCells.generate(520, 6, 0.05, 11);
        map = new MapBuilder(MapParameters.defaults().withEpochs(100))
                .build(rows.subList(0, 500).stream().map(SyntheticCells.Row::cell).toList());
        placer = new MapPlacer(map);
    }

    /** A reference cell nothing was imputed for, and its row. */
    private static SyntheticCells.Row completeReferenceCell() {
        for (MappedCell c : map.cells()) {
            if (c.imputed().isEmpty()) {
                return rows.stream().filter(r -> r.cellId().equals(c.cellId())).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no complete cell");
    }

    @Test
    void aDuplicateOfAKnownCellLandsOnItsTwin() {
        SyntheticCells.Row twin = completeReferenceCell();
        MappedCell onMap = map.cells().stream().filter(c -> c.cellId().equals(twin.cellId())).findFirst().orElseThrow();

        Placement p = placer.place(MapCell.fromRaw("upload-1", null, twin.raw()));

        assertTrue(p.placed());
        assertEquals(twin.cellId(), p.neighbours().get(0).cellId());
        assertEquals(0, p.neighbours().get(0).distance(), 1e-12);
        assertEquals(onMap.x(), p.x(), 1e-6);
        assertEquals(onMap.y(), p.y(), 1e-6);
        assertEquals(0, p.nearestDistance(), 1e-12);
        assertEquals(1.0, p.confidence());
        assertFalse(p.unlikeAtlas());
        assertEquals(15, p.neighbours().size());
    }

    @Test
    void theSameCellAlwaysGetsTheSameAnswer() {
        MapCell fresh = rows.get(510).cell();
        Placement one = placer.place(fresh);
        Placement two = new MapPlacer(map).place(fresh);
        assertEquals(one, two);
        assertTrue(one.clusterProbability() > 0 && one.clusterProbability() <= 1, one.toString());
        assertEquals(new ClusterShare(one.cluster(), one.clusterProbability()), one.clusterShares().get(0));
        assertEquals(1.0, one.clusterShares().stream().mapToDouble(ClusterShare::probability).sum(), 1e-12);
        for (int i = 2; i < one.clusterShares().size(); i++) {
            assertTrue(one.clusterShares().get(i - 1).probability() >= one.clusterShares().get(i).probability());
        }
        assertTrue(one.cluster() >= 0 && one.cluster() < map.clusters(), one.toString());
        assertTrue(one.confidence() > MapPlacer.UNLIKE_ATLAS, one.toString());
    }

    @Test
    void placingCellsNeverMovesTheMap() {
        List<MappedCell> before = new ArrayList<>(map.cells());
        double[][] reference = map.model().referenceRows();
        for (SyntheticCells.Row r : rows.subList(500, 520)) {
            placer.place(r.cell());
        }
        assertEquals(before, map.cells());
        double[][] after = map.model().referenceRows();
        for (int i = 0; i < reference.length; i++) {
            assertArrayEquals(reference[i], after[i]);
        }
    }

    @Test
    void aCellUnlikeAnythingInTheAtlasHasLowConfidence() {
        Map<String, Double> odd = new LinkedHashMap<>(rows.get(0).raw());
        odd.put("input_resistance", 9000.0);
        odd.put("tau", 0.5);
        odd.put("v_baseline", -5.0);
        odd.put("sag_nearest_minus_100", -0.9);
        odd.put("ap_1_upstroke_0_long_square", 3000.0);
        odd.put("ap_mean_upstroke_0_long_square", 3000.0);
        odd.put("avg_rate_0_long_square", 450.0);
        Placement p = placer.place(MapCell.fromRaw("odd", null, odd));
        assertTrue(p.placed());
        assertTrue(p.confidence() < MapPlacer.UNLIKE_ATLAS, "confidence " + p.confidence());
        assertTrue(p.unlikeAtlas());
    }

    @Test
    void aCellWithTooFewFeaturesIsNotPlacedAndSaysWhy() {
        Map<String, Double> few = new LinkedHashMap<>();
        few.put("input_resistance", 200.0);
        few.put("tau", 0.02);
        Placement p = placer.place(MapCell.fromRaw("few", null, few));
        assertFalse(p.placed());
        assertTrue(Double.isNaN(p.x()));
        assertEquals(-1, p.cluster());
        assertTrue(p.leftOff().startsWith("2 of 16 map features usable, at least 12 needed (v_baseline: missing in input;"),
                p.leftOff());
        assertNull(placer.place(rows.get(505).cell()).leftOff());
    }
}
