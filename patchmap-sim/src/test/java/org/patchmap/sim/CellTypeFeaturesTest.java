package org.patchmap.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.features.CellFeatures;
import org.patchmap.core.features.SweepFeatures;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.spikes.SpikeDetector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each type's defining features, computed by PatchMap's own long-square detection and feature
 * extraction on a few cells per type (−200..+400 pA in 50 pA steps of 0.5 s, 34 °C, 20 kHz, with
 * rig noise and a holding offset).
 */
class CellTypeFeaturesTest {
    static final int CELLS_PER_TYPE = 3;
    static final long SEED = 2008;
    static final LongSquareProtocol PROTOCOL = LongSquareProtocol.fiftyPaSteps();
    static final RecordingConditions CONDITIONS = new RecordingConditions(RecordingConditions.PHYSIOLOGICAL_C,
            20_000, RecordingConditions.DEFAULT_STEP_MS, new Rig(0.1, 0, -2), SEED);

    record Measured(SimulatedCell cell, Recording recording, SweepFamily family, CellFeatures features) {
        double value(String name) {
            Double v = features.value(name);
            return v == null ? Double.NaN : v;
        }

        double maxRateHz() {
            return features.sweeps().stream().filter(s -> s.spikes() != null)
                    .mapToDouble(s -> s.spikes().avgRate()).max().orElse(0);
        }

        /** Spikes in the 0.3 s after the most hyperpolarising step ends. */
        int reboundSpikes() {
            SweepFeatures most = features.sweeps().get(0);
            return new SpikeDetector().detect(most.member().sweep(), family.endS(),
                    family.endS() + PROTOCOL.afterS()).spikes().size();
        }
    }

    static final Map<CellType, List<Measured>> CELLS = new EnumMap<>(CellType.class);

    @BeforeAll
    static void simulate() throws Exception {
        long t0 = System.nanoTime();
        for (CellType type : CellType.values()) {
            List<Measured> cells = new ArrayList<>();
            for (SimulatedCell cell : SimulatedCell.draw(type, CELLS_PER_TYPE, SEED)) {
                Recording r = Simulator.record(cell, PROTOCOL, CONDITIONS);
                SweepFamily family = CellAnalysis.family(r);
                Measured m = new Measured(cell, r, family, CellAnalysis.features(family));
                cells.add(m);
                System.out.printf(Locale.ROOT,
                        "%-22s %-28s Rin %4.0f MΩ  sag %6.3f  rheobase %4.0f pA  width %.2f ms  latency %5.3f s"
                                + "  first ISI %6.1f ms  max rate %3.0f Hz  rebound %d%n",
                        type, cell.id(), m.value("input_resistance"), m.value("sag_nearest_minus_100"),
                        m.value("rheobase_i"), m.value("ap_1_width_0_long_square") * 1000,
                        m.value("latency_0_long_square"), m.value("first_isi_0_long_square") * 1000, m.maxRateHz(),
                        m.reboundSpikes());
            }
            CELLS.put(type, cells);
        }
        System.out.printf(Locale.ROOT, "simulated and analysed %d cells in %.1f s%n",
                CELLS_PER_TYPE * CellType.values().length, (System.nanoTime() - t0) / 1e9);
    }

    private static List<Measured> others(CellType... types) {
        List<Measured> out = new ArrayList<>();
        CELLS.forEach((type, cells) -> {
            if (!List.of(types).contains(type)) {
                out.addAll(cells);
            }
        });
        return out;
    }

    private static String describe(Measured m, String what, double value) {
        return m.cell().id() + " " + what + " " + value;
    }

    @Test
    void everyCellHasItsLongSquareFamilyAndARheobase() {
        CELLS.values().forEach(cells -> cells.forEach(m -> {
            assertTrue(m.family().sweeps().size() == 13, m.cell().id() + " family of " + m.family().sweeps().size());
            assertTrue(Double.isFinite(m.value("rheobase_i")), m.cell().id() + " rheobase");
        }));
    }

    @Test
    void fastSpikingCellsSpikeNarrowerThanHalfAMillisecondAndFireAbove90Hz() {
        for (Measured m : CELLS.get(CellType.FAST_SPIKING)) {
            double width = m.value("ap_1_width_0_long_square");
            assertTrue(width < 0.5e-3, describe(m, "width s", width));
            assertTrue(m.maxRateHz() > 90, describe(m, "max rate Hz", m.maxRateHz()));
        }
    }

    @Test
    void everyOtherTypeSpikesWiderThanSevenTenthsOfAMillisecond() {
        for (Measured m : others(CellType.FAST_SPIKING)) {
            double width = m.value("ap_1_width_0_long_square");
            assertTrue(width > 0.7e-3, describe(m, "width s", width));
        }
    }

    @Test
    void fastSpikingCellsOutfireRegularSpikingIhRichAndLateSpikingCells() {
        double slowest = CELLS.get(CellType.FAST_SPIKING).stream().mapToDouble(Measured::maxRateHz).min().orElseThrow();
        for (CellType type : List.of(CellType.REGULAR_SPIKING, CellType.IH_RICH, CellType.LATE_SPIKING)) {
            for (Measured m : CELLS.get(type)) {
                assertTrue(m.maxRateHz() < slowest, describe(m, "max rate Hz", m.maxRateHz()) + " vs FS " + slowest);
            }
        }
    }

    @Test
    void ihRichCellsSagAboveAQuarterAndEveryOtherCellBelowATenth() {
        for (Measured m : CELLS.get(CellType.IH_RICH)) {
            double sag = m.value("sag_nearest_minus_100");
            assertTrue(sag > 0.25, describe(m, "sag", sag));
        }
        for (Measured m : others(CellType.IH_RICH)) {
            double sag = m.value("sag_nearest_minus_100");
            assertTrue(sag < 0.1, describe(m, "sag", sag));
        }
    }

    @Test
    void lateSpikingCellsFirstSpikeAtRheobaseComesAfter200MsAndEveryOtherCellsBefore200Ms() {
        for (Measured m : CELLS.get(CellType.LATE_SPIKING)) {
            double latency = m.value("latency_0_long_square");
            assertTrue(latency > 0.2, describe(m, "latency s", latency));
        }
        for (Measured m : others(CellType.LATE_SPIKING)) {
            double latency = m.value("latency_0_long_square");
            assertTrue(latency < 0.2, describe(m, "latency s", latency));
        }
    }

    @Test
    void intrinsicallyBurstingCellsOpenWithABurstUnderTenMsWhereRegularSpikingCellsDoNot() {
        for (Measured m : CELLS.get(CellType.INTRINSICALLY_BURSTING)) {
            double isi = m.value("first_isi_0_long_square");
            assertTrue(isi < 0.010, describe(m, "first ISI at rheobase s", isi));
        }
        for (Measured m : CELLS.get(CellType.REGULAR_SPIKING)) {
            double isi = m.value("first_isi_0_long_square");
            assertTrue(!(isi < 0.020), describe(m, "first ISI at rheobase s", isi));
        }
    }

    @Test
    void lowThresholdSpikingCellsFireAfterTheMostHyperpolarisingStepWhereRegularSpikingCellsDoNot() {
        for (Measured m : CELLS.get(CellType.LOW_THRESHOLD_SPIKING)) {
            assertTrue(m.reboundSpikes() >= 1, describe(m, "rebound spikes", m.reboundSpikes()));
        }
        for (Measured m : CELLS.get(CellType.REGULAR_SPIKING)) {
            assertTrue(m.reboundSpikes() == 0, describe(m, "rebound spikes", m.reboundSpikes()));
        }
    }
}
