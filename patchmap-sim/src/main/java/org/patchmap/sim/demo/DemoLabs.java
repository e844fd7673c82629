package org.patchmap.sim.demo;

import org.patchmap.sim.Electrode;
import org.patchmap.sim.LongSquareProtocol;
import org.patchmap.sim.Rig;
import org.patchmap.sim.ShortSquareProtocol;
import org.patchmap.sim.SweepFailures;
import org.patchmap.sim.TestPulse;

import java.util.List;
import java.util.Map;

import static org.patchmap.sim.CellType.FAST_SPIKING;
import static org.patchmap.sim.CellType.IH_RICH;
import static org.patchmap.sim.CellType.INTRINSICALLY_BURSTING;
import static org.patchmap.sim.CellType.LATE_SPIKING;
import static org.patchmap.sim.CellType.LOW_THRESHOLD_SPIKING;
import static org.patchmap.sim.CellType.REGULAR_SPIKING;

/**
 * The labs of the demo atlas. They mix species, regions, temperatures, sampling rates, protocols
 * and file layouts as DANDI's intracellular dandisets do (one lab records at room temperature,
 * where spikes are broader), each with its own rig: noise, bridge balance, digitiser step, test
 * pulses, an occasional truncated sweep; one records short squares after the long squares. every type is met by at least two labs so
 * that a type's island is not one lab's. Dandiset ids start at 990001, far above DANDI's.
 */
public final class DemoLabs {
    private DemoLabs() {
    }

    public static final List<DemoLab> ALL = List.of(
            new DemoLab("990001", "Simulated Vision Lab",
                    "Simulated interneurons of mouse primary visual cortex",
                    "primary visual cortex", Species.MOUSE, "Pvalb-IRES-Cre/wt;Ai14/wt", 45, 90, 34, 50_000,
                    LongSquareProtocol.fiftyPaSteps(), List.of(ShortSquareProtocol.threeMs()),
                    new Rig(0.06, 0, 0).withPinkNoise(0.04).withElectrode(new Electrode(12, 0.95, 0.1))
                            .withQuantum(Rig.int16QuantumMv(10)).withTestPulse(TestPulse.minusFiftyPa(0.05))
                            .withFailures(new SweepFailures(0.01, 0)), DemoFileFormat.MIES,
                    Map.of(FAST_SPIKING, 5, LOW_THRESHOLD_SPIKING, 3, LATE_SPIKING, 2), 4),
            new DemoLab("990002", "Simulated Motor Cortex Lab",
                    "Simulated pyramidal neurons of mouse primary motor cortex",
                    "primary motor cortex", Species.MOUSE, "C57BL/6J", 28, 70, 32, 20_000,
                    LongSquareProtocol.fiftyPaSteps(), List.of(),
                    new Rig(0.1, 0, 0).withPinkNoise(0.05).withDrift(0.5).withElectrode(new Electrode(20, 0.8, 0.3)), DemoFileFormat.PYNWB_SWEEP_TABLE,
                    Map.of(REGULAR_SPIKING, 5, INTRINSICALLY_BURSTING, 3, IH_RICH, 2), 3),
            new DemoLab("990003", "Simulated Human Cortex Lab",
                    "Simulated neurons of human middle temporal gyrus (neurosurgical tissue)",
                    "middle temporal gyrus", Species.HUMAN, "not applicable", 25 * 365, 65 * 365, 34, 25_000,
                    LongSquareProtocol.fiftyPaSteps(), List.of(),
                    new Rig(0.08, 0, 0).withPinkNoise(0.04).withElectrode(new Electrode(15, 0.9, 0.2))
                            .withQuantum(Rig.int16QuantumMv(10)).withTestPulse(TestPulse.minusFiftyPa(0.05)), DemoFileFormat.MIES,
                    Map.of(REGULAR_SPIKING, 4, IH_RICH, 3, FAST_SPIKING, 2, LATE_SPIKING, 1), 3),
            new DemoLab("990004", "Simulated Hippocampus Lab",
                    "Simulated neurons of rat hippocampus CA1",
                    "CA1 field of hippocampus", Species.RAT, "Wistar", 21, 35, 23, 20_000,
                    LongSquareProtocol.fiftyPaSteps(), List.of(),
                    new Rig(0.15, 0, -8).withPinkNoise(0.1).withDrift(-1).withElectrode(new Electrode(20, 0.8, 0.3))
                            .withQuantum(Rig.int16QuantumMv(1)).withFailures(new SweepFailures(0.03, 0)), DemoFileFormat.NEUROCONV_ABF,
                    Map.of(IH_RICH, 5, REGULAR_SPIKING, 3, FAST_SPIKING, 2), 2),
            new DemoLab("990005", "Simulated Barrel Cortex Lab",
                    "Simulated layer 5 neurons of mouse primary somatosensory cortex",
                    "primary somatosensory cortex", Species.MOUSE, "Rbp4-Cre_KL100/wt;Ai14/wt", 30, 60, 34, 20_000,
                    LongSquareProtocol.fiftyPaSteps(), List.of(),
                    new Rig(0.08, 0, 0).withPinkNoise(0.05).withElectrode(new Electrode(12, 0.9, 0.1))
                            .withQuantum(Rig.int16QuantumMv(10)).withTestPulse(TestPulse.minusFiftyPa(0.05)), DemoFileFormat.MIES,
                    Map.of(INTRINSICALLY_BURSTING, 4, LATE_SPIKING, 3, REGULAR_SPIKING, 3), 2),
            new DemoLab("990006", "Simulated Primate Lab",
                    "Simulated neurons of macaque dorsolateral prefrontal cortex",
                    "dorsolateral prefrontal cortex", Species.MACAQUE, "not applicable", 4 * 365, 12 * 365, 33, 25_000,
                    LongSquareProtocol.fiftyPaSteps(), List.of(),
                    new Rig(0.12, -20, 0).withPinkNoise(0.08).withElectrode(new Electrode(25, 0.7, 0.5))
                            .withQuantum(Rig.int16QuantumMv(1)).withFailures(new SweepFailures(0.02, 0)), DemoFileFormat.NEUROCONV_ABF,
                    Map.of(FAST_SPIKING, 3, REGULAR_SPIKING, 4, LOW_THRESHOLD_SPIKING, 3), 2));

    /** The lab of {@code dandisetId}, or an exception naming the ids there are. */
    public static DemoLab byDandiset(String dandisetId) {
        return ALL.stream().filter(l -> l.dandisetId().equals(dandisetId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo lab " + dandisetId + " (there are "
                        + ALL.stream().map(DemoLab::dandisetId).toList() + ")"));
    }
}
