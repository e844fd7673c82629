package org.patchmap.sim.demo;

import org.patchmap.sim.LongSquareProtocol;

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
 * where spikes are broader); every type is met by at least two labs so
 * that a type's island is not one lab's. Dandiset ids start at 990001, far above DANDI's.
 */
public final class DemoLabs {
    private DemoLabs() {
    }

    public static final List<DemoLab> ALL = List.of(
            new DemoLab("990001", "Simulated interneurons of mouse primary visual cortex",
                    "primary visual cortex", Species.MOUSE, "Pvalb-IRES-Cre/wt;Ai14/wt", 45, 90, 34, 50_000,
                    LongSquareProtocol.fiftyPaSteps(), 0.08, DemoFileFormat.MIES,
                    Map.of(FAST_SPIKING, 5, LOW_THRESHOLD_SPIKING, 3, LATE_SPIKING, 2), 4),
            new DemoLab("990002", "Simulated pyramidal neurons of mouse primary motor cortex",
                    "primary motor cortex", Species.MOUSE, "C57BL/6J", 28, 70, 32, 20_000,
                    LongSquareProtocol.fiftyPaSteps(), 0.12, DemoFileFormat.PYNWB_SWEEP_TABLE,
                    Map.of(REGULAR_SPIKING, 5, INTRINSICALLY_BURSTING, 3, IH_RICH, 2), 3),
            new DemoLab("990003", "Simulated neurons of human middle temporal gyrus (neurosurgical tissue)",
                    "middle temporal gyrus", Species.HUMAN, "not applicable", 25 * 365, 65 * 365, 34, 25_000,
                    LongSquareProtocol.fiftyPaSteps(), 0.1, DemoFileFormat.MIES,
                    Map.of(REGULAR_SPIKING, 4, IH_RICH, 3, FAST_SPIKING, 2, LATE_SPIKING, 1), 3),
            new DemoLab("990004", "Simulated neurons of rat hippocampus CA1",
                    "CA1 field of hippocampus", Species.RAT, "Wistar", 21, 35, 23, 20_000,
                    LongSquareProtocol.fiftyPaSteps(), 0.15, DemoFileFormat.NEUROCONV_ABF,
                    Map.of(IH_RICH, 5, REGULAR_SPIKING, 3, FAST_SPIKING, 2), 2),
            new DemoLab("990005", "Simulated layer 5 neurons of mouse primary somatosensory cortex",
                    "primary somatosensory cortex", Species.MOUSE, "Rbp4-Cre_KL100/wt;Ai14/wt", 30, 60, 34, 20_000,
                    LongSquareProtocol.fiftyPaSteps(), 0.1, DemoFileFormat.MIES,
                    Map.of(INTRINSICALLY_BURSTING, 4, LATE_SPIKING, 3, REGULAR_SPIKING, 3), 2),
            new DemoLab("990006", "Simulated neurons of macaque dorsolateral prefrontal cortex",
                    "dorsolateral prefrontal cortex", Species.MACAQUE, "not applicable", 4 * 365, 12 * 365, 33, 25_000,
                    LongSquareProtocol.fiftyPaSteps(), 0.1, DemoFileFormat.NEUROCONV_ABF,
                    Map.of(FAST_SPIKING, 3, REGULAR_SPIKING, 4, LOW_THRESHOLD_SPIKING, 3), 2));

    /** The lab of {@code dandisetId}, or an exception naming the ids there are. */
    public static DemoLab byDandiset(String dandisetId) {
        return ALL.stream().filter(l -> l.dandisetId().equals(dandisetId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo lab " + dandisetId + " (there are "
                        + ALL.stream().map(DemoLab::dandisetId).toList() + ")"));
    }
}
