package org.patchmap.sim.demo;

import org.patchmap.sim.CellType;
import org.patchmap.sim.RecordingConditions;
import org.patchmap.sim.SimulatedCell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The cells of a demo atlas of {@code n} cells from one seed: shared among {@link DemoLabs#ALL}
 * by their shares, each lab's among its types by their weights (largest remainders, so the
 * numbers are exact), {@value #CELLS_PER_SUBJECT} cells per subject. The plan depends only on
 * {@code n} and the seed.
 */
public final class DemoCorpus {
    /** Cells recorded from one subject, at most. */
    static final int CELLS_PER_SUBJECT = 4;

    private DemoCorpus() {
    }

    public static List<DemoCell> plan(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("a demo corpus needs at least one cell, not " + n);
        }
        List<DemoLab> labs = DemoLabs.ALL;
        int[] perLab = apportion(n, labs.stream().mapToInt(DemoLab::share).toArray());
        SplittableRandom root = new SplittableRandom(seed);
        List<DemoCell> cells = new ArrayList<>(n);
        for (int l = 0; l < labs.size(); l++) {
            cells.addAll(labCells(labs.get(l), perLab[l], root.split()));
        }
        return List.copyOf(cells);
    }

    private static List<DemoCell> labCells(DemoLab lab, int count, SplittableRandom random) {
        List<CellType> types = lab.typeWeights().keySet().stream().sorted(Comparator.comparing(Enum::ordinal)).toList();
        int[] perType = apportion(count, types.stream().mapToInt(t -> lab.typeWeights().get(t)).toArray());
        List<CellType> order = new ArrayList<>(count);
        for (int t = 0; t < types.size(); t++) {
            for (int k = 0; k < perType[t]; k++) {
                order.add(types.get(t));
            }
        }
        shuffle(order, random.split());
        List<DemoCell> cells = new ArrayList<>(count);
        SplittableRandom subjectRandom = random.split();
        String subject = null;
        int ageDays = 0;
        boolean female = false;
        for (int k = 0; k < count; k++) {
            if (k % CELLS_PER_SUBJECT == 0) {
                subject = String.format(Locale.ROOT, "sim%s-%03d", lab.dandisetId().substring(3), k / CELLS_PER_SUBJECT);
                ageDays = lab.minAgeDays() + subjectRandom.nextInt(lab.maxAgeDays() - lab.minAgeDays() + 1);
                female = subjectRandom.nextBoolean();
            }
            SplittableRandom cellRandom = random.split();
            CellType type = order.get(k);
            String id = String.format(Locale.ROOT, "%s-%04d", lab.dandisetId(), k);
            SimulatedCell cell = SimulatedCell.draw(id, type, cellRandom.split());
            RecordingConditions conditions = new RecordingConditions(lab.temperatureC(), lab.rateHz(),
                    RecordingConditions.DEFAULT_STEP_MS, lab.rig(), cellRandom.nextLong());
            String path = String.format(Locale.ROOT, "sub-%s/sub-%s_ses-%d_cell-%04d_icephys.%s", subject, subject,
                    k / CELLS_PER_SUBJECT, k, lab.format().extension());
            cells.add(new DemoCell(lab, cell, subject, ageDays, female, path, conditions));
        }
        return cells;
    }

    /** {@code n} split by {@code weights}, largest remainders first (ties: the earlier). */
    static int[] apportion(int n, int[] weights) {
        long total = 0;
        for (int w : weights) {
            total += w;
        }
        int[] out = new int[weights.length];
        double[] remainder = new double[weights.length];
        int given = 0;
        for (int k = 0; k < weights.length; k++) {
            double exact = (double) n * weights[k] / total;
            out[k] = (int) Math.floor(exact);
            remainder[k] = exact - out[k];
            given += out[k];
        }
        while (given < n) {
            int best = 0;
            for (int k = 1; k < weights.length; k++) {
                if (remainder[k] > remainder[best]) {
                    best = k;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int k = list.size() - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            T t = list.get(k);
            list.set(k, list.get(j));
            list.set(j, t);
        }
    }

    /** The number of cells of each type in {@code cells}. */
    public static Map<CellType, Long> typeCounts(List<DemoCell> cells) {
        Map<CellType, Long> counts = new java.util.EnumMap<>(CellType.class);
        cells.forEach(c -> counts.merge(c.cell().type(), 1L, Long::sum));
        return counts;
    }
}
