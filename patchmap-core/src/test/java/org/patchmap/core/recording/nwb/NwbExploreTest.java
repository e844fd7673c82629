package org.patchmap.core.recording.nwb;

import org.junit.jupiter.api.Test;
import org.patchmap.core.TestData;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

class NwbExploreTest {
    @Test
    void abfFamilies() throws Exception {
        for (String f : new String[]{"PYR2.abf", "PYR5_rebound.abf"}) {
            Recording r = org.patchmap.core.recording.abf.AbfReader.read(TestData.cell(f));
            SweepFamily fam = LongSquareDetector.detect(r);
            StringBuilder a = new StringBuilder();
            for (FamilySweep fs : fam.sweeps()) {
                a.append(fs.label()).append(":").append(fs.amplitudePa()).append(" ");
            }
            System.out.printf("ABF %s [%.5f, %.5f] %s: %s%n", f, fam.startS(), fam.endS(), fam.flags(), a);
        }
    }

    @Test
    void speed() throws Exception {
        try (Stream<Path> s = Files.list(TestData.shared().resolve("data/cells/nwb"))) {
            for (Path p : s.sorted().toList()) {
                long best = Long.MAX_VALUE;
                for (int k = 0; k < 20; k++) {
                    long t0 = System.nanoTime();
                    try {
                        NwbReader.read(p);
                    } catch (Exception e) {
                    }
                    best = Math.min(best, System.nanoTime() - t0);
                }
                System.out.printf("SPEED %s best of 20: %.2f ms%n", p.getFileName(), best / 1e6);
            }
        }
    }

    @Test
    void explore() throws Exception {
        try (Stream<Path> s = Files.list(TestData.shared().resolve("data/cells/nwb"))) {
            for (Path p : s.sorted().toList()) {
                long t0 = System.nanoTime();
                try {
                    Recording r = NwbReader.read(p);
                    long t1 = System.nanoTime();
                    Recording r2 = NwbReader.read(p);
                    long t2 = System.nanoTime();
                    System.out.printf("%s: %d sweeps, %d skipped, %.1f ms then %.1f ms%n  %s%n", p.getFileName(),
                            r.sweeps().size(), r.skipped().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, r.subject());
                    for (Sweep w : r.sweeps()) {
                        double[] v = w.voltageMv();
                        double[] i = w.currentPa();
                        System.out.printf("  #%d %s %.0f Hz %.4f s v[0]=%.3f v[mid]=%.3f i[0]=%.3f i[mid]=%.3f%n",
                                w.sweepNumber(), w.name(), w.samplingRateHz(), w.durationS(), v[0], v[v.length / 2], i[0], i[i.length / 2]);
                    }
                    try {
                        SweepFamily f = LongSquareDetector.detect(r);
                        StringBuilder a = new StringBuilder();
                        for (FamilySweep fs : f.sweeps()) {
                            a.append(fs.label()).append(":").append(fs.amplitudePa()).append(" ");
                        }
                        System.out.printf("  family [%.5f, %.5f] flags %s: %s%n  skipped %s%n", f.startS(), f.endS(), f.flags(), a, f.skipped());
                    } catch (Exception e) {
                        System.out.println("  family: " + e.getMessage());
                    }
                } catch (Exception e) {
                    System.out.println(p.getFileName() + ": ERROR " + e.getMessage() + " (" + (System.nanoTime() - t0) / 1e6 + " ms)");
                }
            }
        }
    }
}
