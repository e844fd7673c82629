package org.patchmap.core.recording.abf;

import org.junit.jupiter.api.Test;
import org.patchmap.testing.SharedData;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.core.sweep.Sweep;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Prints (does not assert) what each real ABF file gives and how long it takes: for the report. */
class AbfDumpTest {
    @Test
    void printEachRealFile() throws Exception {
        for (Path p : SharedData.allCells()) {
            if (!p.toString().endsWith(".abf")) {
                continue;
            }
            long t0 = System.nanoTime();
            Recording r;
            try {
                r = AbfReader.read(p);
            } catch (UnreadableFileException e) {
                System.out.println("ABF " + e.getMessage());
                continue;
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            Sweep first = r.sweeps().get(0);
            System.out.printf(Locale.ROOT, "ABF %s: %d sweeps, %.0f Hz, %d samples/sweep, read %.1f ms, subject %s%n",
                    r.fileName(), r.sweeps().size(), first.samplingRateHz(), first.voltageMv().length, ms, r.subject());
            r.skipped().forEach(s -> System.out.println("    skipped " + s));
            for (Sweep s : r.sweeps()) {
                System.out.printf(Locale.ROOT, "    %s v[0..3]=%s  i: %s%n", s.name(),
                        Arrays.toString(Arrays.stream(Arrays.copyOf(s.voltageMv(), 3)).map(x -> Math.round(x * 100) / 100.0).toArray()),
                        levels(s));
            }
        }
    }

    /** The stimulus as runs of (rounded) constant level: "level@start-end s". */
    static String levels(Sweep s) {
        double[] i = s.currentPa();
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int k = 1; k <= i.length; k++) {
            if (k == i.length || Math.abs(i[k] - i[start]) > 0.01) {
                if (k - start > 20 || out.length() < 300) {
                    out.append(String.format(Locale.ROOT, "%.2f@[%.5f,%.5f) ", i[start], start / s.samplingRateHz(),
                            k / s.samplingRateHz()));
                }
                start = k;
            }
            if (out.length() > 300) {
                out.append("...");
                break;
            }
        }
        return out.toString();
    }
}
